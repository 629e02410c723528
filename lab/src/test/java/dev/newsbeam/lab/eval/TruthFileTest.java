package dev.newsbeam.lab.eval;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthFileTest {
  @Test
  void readsThreeColumnAndOldTwoColumnRows() {
    assertThat(
        TruthFile.parse("gen-00000001\tstory-1\tabridged-ocr"),
        equalTo(new TruthFile.Row("gen-00000001", "story-1", "abridged-ocr")));
    assertThat(
        TruthFile.parse("gen-00000001\tstory-1"),
        equalTo(new TruthFile.Row("gen-00000001", "story-1", null)));
    assertThat(TruthFile.parse("  "), is(nullValue()));
    assertThrows(IllegalArgumentException.class, () -> TruthFile.parse("gen-1"));
    assertThrows(IllegalArgumentException.class, () -> TruthFile.parse("a\tb\tc\td"));
  }

  @Test
  void evalDedupScoresATwoColumnTruthAsBeforeAndAThreeColumnOneByKind(@TempDir Path dir)
      throws IOException {
    Path old = Files.createDirectories(dir.resolve("old"));
    Files.write(old.resolve("truth.tsv"), List.of("a\ts1", "b\ts1", "c\ts2", ""));
    Path current = Files.createDirectories(dir.resolve("new"));
    Files.write(
        current.resolve("truth.tsv"), List.of("a\ts1\toriginal", "b\ts1\tocr", "c\ts2\ttemplate"));
    Map<String, String> predicted = Map.of("a", "X", "b", "X", "c", "X");
    for (Path corpus : List.of(old, current)) {
      ClusteringQuality q = EvalDedupCommand.quality(corpus, predicted);
      assertThat(q.articles(), is(3L));
      assertThat(q.recall(), is(1.0));
      assertThat(q.precision(), closeTo(1 / 3.0, 1e-12));
    }
    assertThat(EvalDedupCommand.kindScores(old, predicted).hasKinds(), is(false));
    CopyKindRecall k = EvalDedupCommand.kindScores(current, predicted);
    assertThat(k.recallByKind().get("ocr"), equalTo(new CopyKindRecall.Share(1, 1)));
    assertThat(k.templatePrecision(), equalTo(new CopyKindRecall.Share(0, 1)));
    assertThat(EvalDedupCommand.describe(k.templatePrecision()), equalTo("0.000 (0/1)"));
    List<String> ids = new ArrayList<>();
    TruthFile.forEach(old.resolve("truth.tsv"), row -> ids.add(row.id()));
    assertThat(ids, equalTo(List.of("a", "b", "c")));
  }
}
