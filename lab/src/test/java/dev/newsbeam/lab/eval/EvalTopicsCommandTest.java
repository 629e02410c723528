package dev.newsbeam.lab.eval;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of {@code eval-topics --split=kfold}: the Beam training pipeline per fold, pooled
 * scores.
 */
class EvalTopicsCommandTest {
  private static final String[][] WORDS = {
    {"wheat", "harvest", "farmers", "grain", "crop", "rainfall", "tonnes", "barley"},
    {"takeover", "shareholders", "merger", "bid", "acquire", "stake", "board", "offer"},
    {"inflation", "central", "bank", "rates", "interest", "monetary", "policy", "lending"}
  };
  private static final String[] LABELS = {"grain", "acq", "interest"};
  private static final String[] NOISE = {
    "said", "on", "monday", "officials", "week", "market", "new", "year"
  };

  @Test
  void kFoldEvaluationTrainsEveryFoldAndPoolsTheScores(@TempDir Path dir) throws Exception {
    Random r = new Random(7);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      int kind = i % 3;
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 30; w++) {
        text.append(WORDS[kind][r.nextInt(8)]).append(' ').append(NOISE[r.nextInt(8)]).append(' ');
      }
      lines.add(
          String.format(
              "{\"id\": \"t%02d\", \"date\": \"2024-01-%02d\", \"title\": \"%s news\", "
                  + "\"text\": \"%s\", \"labels\": [\"%s\"]}",
              i, 1 + i % 28, WORDS[kind][0], text, LABELS[kind]));
    }
    Path input = dir.resolve("labelled.jsonl");
    Files.write(input, lines);

    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int rc;
    try (PrintStream p = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(p);
      rc =
          EvalTopicsCommand.run(
              new String[] {
                "--input=" + input,
                "--split=kfold",
                "--k=2",
                "--folds=3",
                "--skipTaxonomy=true",
                "--work=" + dir.resolve("work")
              });
    } finally {
      System.setOut(stdout);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(rc, is(0));
    assertThat(out, containsString("2-fold cross-validation"));
    assertThat(out, containsString("fold 0: train"));
    assertThat(out, containsString("fold 1: train"));
    assertThat(Files.isDirectory(dir.resolve("work/fold-1")), is(true));
    Matcher m = Pattern.compile("all categories \\(3 in test\\): micro-F1 ([0-9.]+)").matcher(out);
    assertThat(out, m.find(), is(true));
    // three well-separated synthetic topics: every fold's model tags its unseen half almost
    // perfectly
    assertThat(Double.parseDouble(m.group(1)), greaterThan(0.9));
  }
}
