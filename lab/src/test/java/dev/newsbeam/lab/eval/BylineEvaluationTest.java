package dev.newsbeam.lab.eval;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import dev.newsbeam.byline.OutletRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BylineEvaluationTest {

  private static final String DEV =
      String.join(
          "\n",
          "{\"id\":\"T1\",\"kind\":\"byline\",\"raw\":\"By Runa Holm and Teo Vidal, CNN\",\"authors\":[\"runa holm\",\"Teo Vidal\"],\"roles\":{},\"notes\":\"\"}",
          "{\"id\":\"T2\",\"kind\":\"byline\",\"raw\":\"By Runa Holm\",\"authors\":[\"Someone Else\"],\"roles\":{},\"notes\":\"\"}",
          "{\"id\":\"T3\",\"kind\":\"credit\",\"raw\":\"Reporting by Runa Holm in Oslo; Editing by Teo Vidal\",\"authors\":[],"
              + "\"roles\":{\"reporter\":[\"Runa Holm (Oslo)\"],\"editor\":[\"Teo Vidal\"]},\"notes\":\"\"}",
          "{\"id\":\"T4\",\"kind\":\"byline\",\"raw\":\"Staff\",\"authors\":[\"Page Author\"],\"roles\":{},"
              + "\"notes\":\"needs context beyond the string\"}",
          "{\"id\":\"T5\",\"kind\":\"non-byline\",\"raw\":\"Holm reported from Oslo.\",\"authors\":[],\"roles\":{},\"notes\":\"\"}");

  @Test
  void scoresBylineAndCreditRowsAndSetsContextRowsApart() throws IOException {
    BylineEvaluation eval = new BylineEvaluation(OutletRegistry.bundled(), 2, 1);
    eval.addDevRows(new BufferedReader(new StringReader(DEV)));

    assertThat(eval.bylineScore().rows(), is(2));
    assertThat(eval.bylineScore().exact(), is(1));
    assertThat(eval.bylineScore().misses().get(0), startsWith("T2 "));
    assertThat(eval.creditScore().rows(), is(1));
    assertThat(eval.creditScore().exact(), is(1));
    assertThat(eval.contextScore().rows(), is(1));
  }

  @Test
  void countsCorpusBylinesWithAuthors() throws IOException {
    BylineEvaluation eval = new BylineEvaluation(OutletRegistry.bundled(), 2, 1);
    eval.addCorpusRows(
        new BufferedReader(
            new StringReader(
                String.join(
                    "\n",
                    "{\"byline\":\"By Runa Holm, Reuters\"}",
                    "{\"byline\":null}",
                    "{\"byline\":\"By Reuters\"}",
                    "{\"byline\":\"BY TEO VIDAL, REUTERS\"}"))));
    assertThat(eval.corpusBylines(), is(3));
    assertThat(eval.corpusWithAuthors(), is(2));
    List<String> lines = new ArrayList<>();
    eval.report(lines::add);
    assertThat(lines, hasItem("corpus bylines with >= 1 author: 2/3 = 66.67%"));
    assertThat(lines, hasItem("  \"By Runa Holm, Reuters\" → [Runa Holm] outlet=Reuters PEOPLE"));
  }
}
