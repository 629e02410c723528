package dev.newsbeam.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.luben.zstd.ZstdOutputStream;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
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

  @Test
  void anyNumberOfRedistributionBucketsKeepsEveryArticle(TestPipeline pipeline, @TempDir Path dir)
      throws IOException {
    StringBuilder lines = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      lines
          .append("{\"id\":\"w")
          .append(i)
          .append("\",\"text\":\"Item ")
          .append(i)
          .append(".\"}\n");
      expected.add("w" + i);
    }
    write(dir.resolve("wire.jsonl"), lines.toString());
    for (int buckets : new int[] {1, 3}) {
      PAssert.that(
              pipeline
                  .apply(
                      "Read" + buckets,
                      ReadArticles.from(dir.toString()).withRedistributeBuckets(buckets))
                  .articles()
                  .apply(
                      "Ids" + buckets,
                      MapElements.into(TypeDescriptors.strings()).via(Article::getId)))
          .containsInAnyOrder(expected);
    }
    pipeline.run().waitUntilFinish();
    assertThrows(
        IllegalArgumentException.class,
        () -> ReadArticles.from(dir.toString()).withRedistributeBuckets(0));
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
