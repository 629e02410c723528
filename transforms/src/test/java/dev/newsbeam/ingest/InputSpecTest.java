package dev.newsbeam.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputSpecTest {
  @Test
  void directoryMeansEverythingUnderIt(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("cnn"));
    InputSpec spec = InputSpec.resolve(dir.toString());
    assertThat(spec.directory(), is(true));
    assertThat(spec.glob(), equalTo(dir.toString() + "/**"));
    assertThat(spec.relativize(dir + "/cnn/a.txt"), equalTo("cnn/a.txt"));
  }

  @Test
  void globRootIsItsFixedPrefix() {
    InputSpec spec = InputSpec.resolve("/data/wire/2025-*/*.jsonl.gz");
    assertThat(spec.directory(), is(false));
    assertThat(spec.root(), equalTo("/data/wire"));
    assertThat(spec.relativize("/data/wire/2025-01/a.jsonl.gz"), equalTo("2025-01/a.jsonl.gz"));
  }

  @Test
  void singleFileIsRelativeToItsDirectory() {
    InputSpec spec = InputSpec.resolve("/data/wire/a.jsonl");
    assertThat(spec.relativize("/data/wire/a.jsonl"), equalTo("a.jsonl"));
  }

  @Test
  void remoteDirectoryKeepsItsScheme() {
    InputSpec spec = InputSpec.resolve("gs://bucket/news/");
    assertThat(spec.glob(), equalTo("gs://bucket/news/**"));
    assertThat(spec.relativize("gs://bucket/news/x/a.txt"), equalTo("x/a.txt"));
  }

  @Test
  void aFileUriIsALocalPath(@TempDir Path dir) {
    InputSpec file = InputSpec.resolve("file:///data/wire/a.jsonl");
    assertThat(file.glob(), equalTo("/data/wire/a.jsonl"));
    assertThat(file.localPath(), equalTo(Optional.of(Path.of("/data/wire/a.jsonl"))));
    InputSpec directory = InputSpec.resolve("file:" + dir);
    assertThat(directory.directory(), is(true));
    assertThat(directory.relativize(dir + "/cnn/a.txt"), equalTo("cnn/a.txt"));
  }

  @Test
  void onlyALocalFileOrDirectoryHasALocalPath(@TempDir Path dir) {
    assertThat(InputSpec.resolve(dir.toString()).localPath(), equalTo(Optional.of(dir)));
    assertThat(InputSpec.resolve("/data/wire/*.jsonl").localPath(), equalTo(Optional.empty()));
    assertThat(
        InputSpec.resolve("gs://bucket/news/a.jsonl").localPath(), equalTo(Optional.empty()));
    assertThat(InputSpec.resolve("gs://bucket/news/").localPath(), equalTo(Optional.empty()));
    assertThat(InputSpec.resolve("gs://bucket/news/").local(), is(false));
  }

  @Test
  void commaSeparatedInputs() {
    assertThat(InputSpec.parseAll("/a/*.txt, /b/c.jsonl,"), hasSize(2));
  }

  @ParameterizedTest
  @CsvSource({
    "a.txt, text", "a.TXT.gz, text", "dir/a.jsonl, jsonl", "a.ndjson.zst, jsonl",
    "a.jsonl.bz2, jsonl", "README.md, ", "a.json, ", "a.txt.zip, "
  })
  void formatFollowsTheExtension(String name, String code) {
    Optional<InputFormat> f = InputFormat.ofFileName(name);
    assertThat(f.map(InputFormat::code).orElse(null), equalTo(code));
  }
}
