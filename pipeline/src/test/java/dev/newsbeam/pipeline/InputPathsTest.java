package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --input} paths as users type them: links, loops and typos. */
class InputPathsTest {

  @Test
  void aMissingFileIsAUsageErrorNamingTheEntry(@TempDir Path tmp) {
    String typo = tmp.resolve("no-such-file.jsonl").toString();
    Outputs.Run run = Outputs.main("--input=" + typo, "--output=" + tmp.resolve("out"));
    assertThat(run.exitCode(), equalTo(2));
    assertThat(
        run.stderr(),
        containsString(
            "no file matches --input entry '" + typo + "': " + typo + " does not exist"));
  }

  // Beam's local match walks the nearest existing parent of a missing path: here, the whole disk.
  @ParameterizedTest
  @ValueSource(strings = {"/newsbeam-no-such-file.jsonl", "/no-such-dir-xyz/file.jsonl"})
  void aMissingPathUnderTheRootIsAUsageError(String typo, @TempDir Path tmp) {
    Outputs.Run run =
        Outputs.main(
            "--input=" + Outputs.testdata().resolve("jsonl") + "," + typo,
            "--output=" + tmp.resolve("out"));
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.stderr(), containsString("no file matches --input entry '" + typo + "'"));
  }

  @Test
  void aDirectoryWithALinkLoopAndDuplicateLinksReadsEachArticleOnce(@TempDir Path tmp)
      throws IOException {
    Path in = tmp.resolve("in");
    write(in.resolve("a/one.txt"), "date 2025-02-12 By Ana Ruiz, CNN\n\n(CNN) — One.\n");
    write(in.resolve("b/two.txt"), "date 2025-02-13\n\nTwo.\n");
    Files.createSymbolicLink(in.resolve("a/loop"), Path.of(".."));
    Files.createSymbolicLink(in.resolve("b/again.txt"), Path.of("../a/one.txt"));
    write(tmp.resolve("elsewhere/wire.jsonl"), "{\"id\":\"w1\",\"text\":\"Three.\"}\n");
    Files.createSymbolicLink(in.resolve("wire.jsonl"), tmp.resolve("elsewhere/wire.jsonl"));
    Files.createSymbolicLink(in.resolve("wire-copy.jsonl"), tmp.resolve("elsewhere/wire.jsonl"));

    Path out = tmp.resolve("out");
    Outputs.Run run = Outputs.main("--input=" + in, "--output=" + out);
    assertThat(run.stderr(), run.exitCode(), equalTo(0));

    List<String> ids =
        Outputs.read(out, "articles", Article.class).stream().map(Article::getId).toList();
    assertThat(ids, containsInAnyOrder("a/one.txt", "b/two.txt", "w1"));
    List<ErrorRecord> errors = Outputs.read(out, "errors", ErrorRecord.class);
    assertThat(errors.isEmpty(), is(true));
    JsonNode manifest = Outputs.manifest(out);
    assertThat(manifest.path("counts").path("files").asLong(), equalTo(3L));
    assertThat(manifest.path("counts").path("input_records").asLong(), equalTo(3L));
    assertThat(manifest.path("counts").path("accounting").path("balanced").asBoolean(), is(true));
    // the loop, b/again.txt (a second path to a/one.txt) and wire.jsonl (sorts after wire-copy)
    assertThat(manifest.path("stages").path("ingest").path("links_skipped").asLong(), equalTo(3L));
  }

  private static void write(Path p, String s) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, s, StandardCharsets.UTF_8);
  }
}
