package dev.newsbeam.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.luben.zstd.ZstdOutputStream;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class ReadArticlesTest {

  private static void write(Path p, String content) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  private static void writeCompressed(Path p, String content) throws IOException {
    Files.createDirectories(p.getParent());
    String name = p.getFileName().toString();
    try (OutputStream raw = Files.newOutputStream(p);
        OutputStream out =
            name.endsWith(".gz")
                ? new GZIPOutputStream(raw)
                : name.endsWith(".bz2")
                    ? new BZip2CompressorOutputStream(raw)
                    : new ZstdOutputStream(raw)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void readsEveryFormatAndCompressionUnderADirectory(TestPipeline pipeline, @TempDir Path dir)
      throws IOException {
    write(dir.resolve("cnn/a.txt"), "date 2025-02-12 By Ana Ruiz, CNN\n\n(CNN) — One.\n");
    writeCompressed(dir.resolve("ap/b.txt.gz"), "date 2025-02-13\n\nTwo.\n");
    writeCompressed(
        dir.resolve("wire/c.jsonl.bz2"),
        "{\"id\":\"c1\",\"text\":\"Three.\"}\n{\"text\":\"Four.\"}\n");
    writeCompressed(dir.resolve("wire/d.ndjson.zst"), "{\"text\":\"Five.\"}\n{\"oops\"\n");
    write(dir.resolve("bad/e.txt"), "no header here\n");
    write(dir.resolve("notes/README.md"), "# not an input\n");

    ReadArticles.Result r = pipeline.apply(ReadArticles.from(dir.toString()));
    String root = dir + "/";

    PAssert.that(
            r.articles()
                .apply(
                    "ArticleIdAndText",
                    MapElements.into(TypeDescriptors.strings())
                        .via((Article a) -> a.getId() + "=" + a.getText())))
        .containsInAnyOrder(
            "cnn/a.txt=(CNN) — One.",
            "ap/b.txt.gz=Two.",
            "c1=Three.",
            "wire/c.jsonl.bz2:2=Four.",
            "wire/d.ndjson.zst:1=Five.");
    PAssert.that(
            r.errors()
                .apply(
                    "ErrorReasonAndFile",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (ErrorRecord e) ->
                                e.getReason() + "@" + e.getSource().replace(root, ""))))
        .containsInAnyOrder("bad_json@wire/d.ndjson.zst", "bad_header@bad/e.txt");
    PAssert.that(r.counts().apply(Sum.longsPerKey()))
        .satisfies(
            kvs -> {
              Map<String, Long> m = new HashMap<>();
              kvs.forEach(kv -> m.put(kv.getKey(), kv.getValue()));
              assertThat(m.get("files"), equalTo(5L));
              assertThat(m.get("input_records"), equalTo(7L));
              assertThat(m.get("ingest.files_skipped"), equalTo(1L));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  /**
   * A JSONL file of every kind of line: blank and whitespace-only lines, bad JSON, a line over the
   * article limit, a record without text, an own id, \r\n endings, and a last line without a
   * newline.
   */
  private static String bigJsonl() {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i <= 300; i++) {
      if (i == 50) {
        s.append("{\"text\": broken\n");
      } else if (i == 77) {
        s.append("{\"id\":\"own-77\",\"text\":\"Own id.\"}\n");
      } else if (i == 120) {
        s.append("{\"text\":\"").append("y".repeat(3000)).append("\"}\n");
      } else if (i == 200) {
        s.append("{\"title\":\"no text\"}\n");
      } else if (i % 23 == 0) {
        s.append("\n");
      } else if (i % 31 == 0) {
        s.append("  \t \r\n");
      } else if (i % 10 == 0) {
        s.append("{\"text\":\"Story ").append(i).append(", CRLF.\"}\r\n");
      } else {
        s.append("{\"text\":\"Story ")
            .append(i)
            .append(" ")
            .append("word ".repeat(i % 13))
            .append("\"}\n");
      }
    }
    return s.append("{\"text\":\"Last, no newline.\"}").toString();
  }

  private static long rangesOf(Path file, long chunkBytes) throws IOException {
    if (Files.size(file) <= chunkBytes) {
      return 1;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return FileRangePlanner.lineChunks(in, chunkBytes).size();
    }
  }

  @Test
  void aBigJsonlFileReadInRangesReadsAsTheWholeFile(TestPipeline pipeline, @TempDir Path dir)
      throws IOException {
    long maxArticleBytes = 2000;
    Path big = dir.resolve("wire/big.jsonl");
    write(big, bigJsonl());
    Path small = dir.resolve("wire/small.ndjson");
    write(small, "{\"text\":\"Small.\"}\n\n{oops\n");
    Path gz = dir.resolve("ap/c.jsonl.gz");
    writeCompressed(gz, "{\"text\":\"Zipped.\"}\n\n\n" + bigJsonl());
    write(dir.resolve("notes/README.md"), "# not an input\n");

    // what reading each file whole gives, without ranges or Beam
    CollectingSink expected = new CollectingSink();
    FileRecordReader reader = new FileRecordReader(maxArticleBytes);
    long records = 0;
    long blank = 0;
    for (Path p : List.of(big, small, gz)) {
      FileRecordReader.Counts c =
          reader.read(
              new SourceFile(p.toString(), dir.relativize(p).toString()),
              InputFormat.JSONL,
              () ->
                  p.toString().endsWith(".gz")
                      ? new GZIPInputStream(Files.newInputStream(p))
                      : Files.newInputStream(p),
              expected);
      records += c.records();
      blank += c.blankLines();
    }
    assertThat(expected.errors.size(), equalTo(7)); // bad JSON, too large, no text: twice; oops
    assertThat(blank, greaterThan(20L));
    assertThat(rangesOf(big, 1024), equalTo(14L));

    for (long chunkBytes : new long[] {Long.MAX_VALUE, 1024, 128}) {
      ReadArticles read =
          ReadArticles.from(dir.toString())
              .withMaxArticleBytes(maxArticleBytes)
              .withChunkBytes(chunkBytes);
      ReadArticles.Result r = pipeline.apply("Read" + chunkBytes, read);
      PAssert.that("articles, chunk " + chunkBytes, r.articles())
          .containsInAnyOrder(expected.articles);
      PAssert.that("errors, chunk " + chunkBytes, r.errors()).containsInAnyOrder(expected.errors);
      PAssert.that(
              "counts, chunk " + chunkBytes,
              r.counts().apply("Sum" + chunkBytes, Sum.longsPerKey()))
          .containsInAnyOrder(
              KV.of("files", 3L),
              KV.of("input_records", records),
              KV.of("ingest.blank_lines", blank),
              KV.of("ingest.files_skipped", 1L));
      // the compressed file is one range whatever the chunk size
      long ranges = rangesOf(big, chunkBytes) + rangesOf(small, chunkBytes) + 1;
      PAssert.thatSingleton(
              "ranges, chunk " + chunkBytes,
              pipeline
                  .apply("Plan" + chunkBytes, read.planRanges())
                  .ranges()
                  .apply("Count" + chunkBytes, Count.globally()))
          .isEqualTo(ranges);
    }
    pipeline.run().waitUntilFinish();
    assertThrows(
        IllegalArgumentException.class, () -> ReadArticles.from(dir.toString()).withChunkBytes(0));
  }

  @Test
  void eachRealFileUnderADirectoryIsReadOnceDespiteLinks(TestPipeline pipeline, @TempDir Path tmp)
      throws IOException {
    Path dir = tmp.resolve("in");
    write(dir.resolve("a/x.txt"), "date 2025-02-12\n\nOne.\n");
    Files.createSymbolicLink(dir.resolve("a/loop"), Path.of(".."));
    Files.createSymbolicLink(dir.resolve("b.txt"), Path.of("a/x.txt"));
    write(tmp.resolve("elsewhere/e.jsonl"), "{\"text\":\"Two.\"}\n");
    Files.createSymbolicLink(dir.resolve("e.jsonl"), tmp.resolve("elsewhere/e.jsonl"));

    ReadArticles.Result r = pipeline.apply(ReadArticles.from(dir.toString()));

    PAssert.that(
            r.articles()
                .apply(
                    "ArticleIdAndSource",
                    MapElements.into(TypeDescriptors.strings())
                        .via((Article a) -> a.getId() + "@" + a.getSource())))
        .containsInAnyOrder(
            "a/x.txt@" + dir.resolve("a/x.txt"), "e.jsonl:1@" + dir.resolve("e.jsonl") + ":1");
    PAssert.that(r.counts().apply(Sum.longsPerKey()))
        .containsInAnyOrder(
            KV.of("files", 2L), KV.of("input_records", 2L), KV.of("ingest.links_skipped", 2L));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void explicitlyNamedUnsupportedFileIsAnError(TestPipeline pipeline, @TempDir Path dir)
      throws IOException {
    write(dir.resolve("feed.json"), "{\"text\":\"x\"}");
    ReadArticles.Result r = pipeline.apply(ReadArticles.from(dir.resolve("feed.json").toString()));
    PAssert.that(r.articles()).empty();
    PAssert.that(
            r.errors()
                .apply(
                    "ErrorReason",
                    MapElements.into(TypeDescriptors.strings()).via(ErrorRecord::getReason)))
        .containsInAnyOrder("unsupported_format");
    PAssert.that(r.counts().apply(Sum.longsPerKey()))
        .containsInAnyOrder(KV.of("files", 1L), KV.of("input_records", 1L));
    pipeline.run().waitUntilFinish();
  }
}
