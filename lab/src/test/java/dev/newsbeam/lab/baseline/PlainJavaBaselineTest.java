package dev.newsbeam.lab.baseline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.TextFingerprint;
import dev.newsbeam.ingest.ReadArticles;
import dev.newsbeam.lab.corpus.DuplicateCorpusGenerator;
import dev.newsbeam.pipeline.AvroCodec;
import dev.newsbeam.pipeline.NewsPipeline;
import dev.newsbeam.pipeline.NewsbeamOptions;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.schema.ErrorRecord;
import dev.newsbeam.schema.Ngram;
import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.schema.TermScore;
import dev.newsbeam.schema.TermStat;
import dev.newsbeam.schema.TopicDayCount;
import dev.newsbeam.stats.ArticleStatsCalculator;
import dev.newsbeam.stats.TfIdf;
import dev.newsbeam.stats.WordStatsSettings;
import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.topics.TopicSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the baseline and the Beam pipeline (DirectRunner) once on the same input — the repository's
 * testdata/ plus a small generated corpus with known duplicate clusters — and checks that the
 * baseline accounts for every record and does the pipeline's work: same articles (bylines, dedup,
 * topics, stats), same duplicates, topics, terms, keyness and collocations.
 */
class PlainJavaBaselineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int GENERATED = 300;

  @TempDir static Path tmp;
  static Path generated;
  static String input;
  static PlainJavaBaseline.Summary summary;
  static Path baselineOut;
  static Path pipelineOut;
  static Map<String, Article> baseline;
  static Map<String, Article> pipeline;

  @BeforeAll
  static void runBaselineAndPipeline() throws IOException {
    generated = tmp.resolve("generated");
    new DuplicateCorpusGenerator(7).generate(writeBase(tmp), generated, GENERATED);
    input = testdata() + "," + generated;

    baselineOut = tmp.resolve("baseline");
    summary = PlainJavaBaseline.run(input, baselineOut, 2);
    baseline = byId(read(baselineOut, "articles", Article.class));

    pipelineOut = tmp.resolve("pipeline");
    NewsbeamOptions options =
        PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + pipelineOut)
            .as(NewsbeamOptions.class);
    // as the CLI does: our DoFns never mutate their inputs, and the transform tests keep both
    // checks on
    options.as(DirectOptions.class).setEnforceImmutability(false);
    options.as(DirectOptions.class).setEnforceEncodability(false);
    Pipeline p = Pipeline.create(options);
    NewsPipeline.build(p, Instant.now());
    assertThat(p.run().waitUntilFinish(), equalTo(PipelineResult.State.DONE));
    pipeline = byId(read(pipelineOut, "articles", Article.class));
  }

  @Test
  void everyInputRecordIsAnArticleOrAnError() throws IOException {
    // testdata/: 52 records, 44 articles, 8 errors (testdata/README.md); the generated corpus: all
    // good
    assertThat(summary.inputRecords(), equalTo(52L + GENERATED));
    assertThat(summary.articles(), equalTo(44L + GENERATED));
    assertThat(summary.errors(), equalTo(8L));
    assertThat(summary.inputRecords(), equalTo(summary.articles() + summary.errors()));
    assertThat(baseline, aMapWithSize((int) summary.articles()));
    assertThat(read(baselineOut, "errors", ErrorRecord.class), hasSize((int) summary.errors()));
    assertThat(
        read(baselineOut, "duplicates", DuplicateRow.class), hasSize((int) summary.duplicates()));
    assertThat(summary.duplicates(), greaterThan(0L));
    JsonNode counts =
        JSON.readTree(baselineOut.resolve(PlainJavaBaseline.MANIFEST).toFile()).path("counts");
    assertThat(counts.path("accounting").path("balanced").asBoolean(), is(true));
    assertThat(counts.path("errors_by_reason").path("missing_text").asLong(), equalTo(3L));
  }

  @Test
  void exactCopiesShareOneClusterWithOneCanonical() {
    TextFingerprint fingerprints = new TextFingerprint();
    Map<String, List<Article>> byText =
        baseline.values().stream()
            .collect(Collectors.groupingBy(a -> fingerprints.fingerprint(a.getText())));
    long groupsWithCopies = byText.values().stream().filter(g -> g.size() > 1).count();
    assertThat(groupsWithCopies, greaterThan(5L));
    for (List<Article> copies : byText.values()) {
      assertThat(
          copies.stream().map(a -> a.getDedup().getClusterId()).distinct().count(), equalTo(1L));
    }
    Map<String, List<Article>> clusters =
        baseline.values().stream().collect(Collectors.groupingBy(a -> a.getDedup().getClusterId()));
    for (Map.Entry<String, List<Article>> c : clusters.entrySet()) {
      List<Article> canonical =
          c.getValue().stream().filter(a -> a.getDedup().getIsCanonical()).toList();
      assertThat(canonical, hasSize(1));
      assertThat(canonical.get(0).getId(), equalTo(c.getKey()));
    }
  }

  @Test
  void nearCopiesOfTheGeneratedStoriesAreFound() throws IOException {
    Map<String, String> truth = new HashMap<>();
    for (String line : Files.readAllLines(generated.resolve("truth.tsv"))) {
      String[] p = line.split("\t");
      truth.put(p[0], p[1]);
    }
    long nearFound =
        baseline.values().stream()
            .filter(
                a ->
                    truth.containsKey(a.getId())
                        && "near".equals(a.getDedup().getKind())
                        && !a.getDedup().getIsCanonical())
            .filter(a -> truth.get(a.getId()).equals(truth.get(a.getDedup().getClusterId())))
            .count();
    assertThat(nearFound, greaterThan(20L));
  }

  @Test
  void wordCountIsTheCalculatorsAndTopTermsAreRanked() {
    ArticleStatsCalculator calculator =
        new ArticleStatsCalculator(
            new NewsAnalyzer(NewsAnalyzer.Stemming.PORTER, NewsAnalyzer.Stopwords.CLASSIC));
    for (Article a : baseline.values()) {
      assertThat(
          a.getId(),
          a.getStats().getWordCount(),
          equalTo(calculator.profile(a.getText()).stats().getWordCount()));
      List<TermScore> top = a.getStats().getTopTerms();
      assertThat(top.size(), lessThanOrEqualTo(10));
      assertThat(top, equalTo(top.stream().sorted(TfIdf.RANKING).toList()));
    }
    assertThat(
        baseline.values().stream().filter(a -> !a.getStats().getTopTerms().isEmpty()).count(),
        equalTo((long) baseline.size()));
  }

  @Test
  void termDocumentFrequenciesAreWithinTheCanonicalArticles() throws IOException {
    long canonical = baseline.values().stream().filter(a -> a.getDedup().getIsCanonical()).count();
    List<TermStat> terms = read(baselineOut, "terms", TermStat.class);
    assertThat(terms, not(empty()));
    assertThat(
        terms.stream().map(TermStat::getDocumentFrequency).toList(),
        everyItem(lessThanOrEqualTo(canonical)));
    assertThat(
        terms.stream().map(TermStat::getDocumentFrequency).toList(), everyItem(greaterThan(1L)));
  }

  @Test
  void articlesAgreeWithThePipeline() {
    assertThat(baseline.keySet(), equalTo(pipeline.keySet()));
    for (String id : pipeline.keySet()) {
      Article b = baseline.get(id);
      Article p = pipeline.get(id);
      assertThat(id, b.getDedup(), equalTo(p.getDedup()));
      assertThat(id, b.getTopics(), equalTo(p.getTopics()));
      assertThat(id, b.getAuthors(), equalTo(p.getAuthors()));
      assertThat(id, b.getStats(), equalTo(p.getStats()));
      assertThat(id, b, equalTo(p));
    }
  }

  @Test
  void datasetsAgreeWithThePipeline() throws IOException {
    assertSameRecords("errors", ErrorRecord.class);
    assertSameRecords("duplicates", DuplicateRow.class);
    assertSameRecords("topics", TopicDayCount.class);
    assertSameRecords("terms", TermStat.class);
    assertSameRecords("term_keyness", TermKeyness.class);
    assertSameRecords("ngrams", Ngram.class);
  }

  @Test
  void manifestCountsAgreeWithThePipeline() throws IOException {
    JsonNode mine =
        JSON.readTree(baselineOut.resolve(PlainJavaBaseline.MANIFEST).toFile()).path("counts");
    JsonNode theirs = JSON.readTree(pipelineOut.resolve("manifest.json").toFile());
    for (String key : List.of("files", "input_records", "articles", "errors", "errors_by_reason")) {
      assertThat(key, mine.path(key), equalTo(theirs.path("counts").path(key)));
    }
    int compared = 0;
    for (Iterator<Map.Entry<String, JsonNode>> stages = theirs.path("stages").fields();
        stages.hasNext(); ) {
      Map.Entry<String, JsonNode> stage = stages.next();
      for (Iterator<Map.Entry<String, JsonNode>> it = stage.getValue().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> count = it.next();
        String key = stage.getKey() + "." + count.getKey();
        assertThat(key, mine.path(key).asLong(-1), equalTo(count.getValue().asLong()));
        compared++;
      }
    }
    assertThat(compared, greaterThan(20));
  }

  @Test
  void aBigJsonlFileReadInChunksGivesTheSameRecordsAsReadWhole() {
    try (WorkerPool pool = new WorkerPool(2)) {
      String jsonl = testdata().resolve("jsonl") + "," + generated;
      BaselineIngest.Result whole =
          BaselineIngest.read(jsonl, ReadArticles.DEFAULT_MAX_ARTICLE_BYTES, pool, Long.MAX_VALUE);
      BaselineIngest.Result chunked =
          BaselineIngest.read(jsonl, ReadArticles.DEFAULT_MAX_ARTICLE_BYTES, pool, 3_000);
      assertThat(
          BaselineIngest.chunks(testdata().resolve("jsonl/sample.jsonl"), 3_000).size(),
          greaterThan(1));
      assertThat(chunked.articles(), equalTo(whole.articles()));
      assertThat(chunked.errors(), equalTo(whole.errors()));
      assertThat(chunked.inputRecords(), equalTo(whole.inputRecords()));
      assertThat(chunked.blankLines(), equalTo(whole.blankLines()));
      assertThat(chunked.files(), equalTo(whole.files()));
    }
  }

  @Test
  void defaultsAreThePipelines() throws IOException {
    NewsbeamOptions o = PipelineOptionsFactory.create().as(NewsbeamOptions.class);
    assertThat(WordStatsSettings.defaults(), equalTo(WordStatsSettings.from(o)));
    assertThat(DedupSettings.defaults(), equalTo(DedupSettings.from(o)));
    assertThat(TopicSettings.defaults(), equalTo(TopicSettings.from(o)));
    assertThat(o.getAvroCodec(), equalTo(AvroCodec.SNAPPY));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private <T extends SpecificRecord> void assertSameRecords(String dataset, Class<T> type)
      throws IOException {
    List<T> mine = read(baselineOut, dataset, type);
    List<T> theirs = read(pipelineOut, dataset, type);
    assertThat(dataset, mine, containsInAnyOrder(theirs.toArray()));
  }

  /** Every record of a dataset, across however many shards and partition folders were written. */
  static <T extends SpecificRecord> List<T> read(Path output, String dataset, Class<T> type)
      throws IOException {
    List<T> records = new ArrayList<>();
    List<Path> shards;
    try (Stream<Path> s = Files.walk(output.resolve(dataset))) {
      shards = s.filter(p -> p.getFileName().toString().endsWith(".avro")).sorted().toList();
    }
    for (Path shard : shards) {
      try (DataFileReader<T> reader =
          new DataFileReader<>(shard.toFile(), new SpecificDatumReader<>(type))) {
        reader.forEach(records::add);
      }
    }
    return records;
  }

  private static Map<String, Article> byId(List<Article> articles) {
    return articles.stream().collect(Collectors.toMap(Article::getId, Function.identity()));
  }

  private static Path testdata() {
    return Path.of("..", "testdata").toAbsolutePath().normalize();
  }

  /**
   * 40 invented base stories of five paragraphs, each sentence drawn from a shared news vocabulary,
   * so that stories share words (document frequencies, collocations, topics) but not phrasing.
   */
  private static Path writeBase(Path dir) throws IOException {
    String[] words =
        ("the council said on monday that the new budget would raise spending on schools "
                + "hospitals and roads while the central bank kept interest rates unchanged as inflation eased "
                + "voters in the regional election backed the opposition party after a close campaign police "
                + "arrested two men after a fire at a warehouse near the port football club won the cup final "
                + "with a late goal scientists reported a vaccine trial for measles in rural clinics farmers "
                + "expect a smaller wheat harvest after drought shares of mining companies rose as lithium "
                + "prices rebounded the court ruled that the ministry must publish the report storm warnings "
                + "closed airports and schools across the coast officials expect power to return by friday")
            .split(" ");
    SplittableRandom random = new SplittableRandom(11);
    List<String> lines = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      List<String> paragraphs = new ArrayList<>();
      for (int p = 0; p < 5; p++) {
        StringBuilder paragraph = new StringBuilder();
        for (int sentence = 0; sentence < 2; sentence++) {
          StringBuilder b = new StringBuilder();
          int length = 10 + random.nextInt(8);
          for (int w = 0; w < length; w++) {
            b.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
          }
          b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
          paragraph.append(sentence == 0 ? "" : " ").append(b).append('.');
        }
        paragraphs.add(paragraph.toString());
      }
      Map<String, Object> row = new HashMap<>();
      row.put("id", "base-" + s);
      row.put("date", "2024-05-" + String.format("%02d", 1 + s % 28));
      row.put("title", "Story " + s + ": " + words[random.nextInt(words.length)] + " news");
      row.put("text", String.join("\n\n", paragraphs));
      row.put("labels", List.of(s % 2 == 0 ? "politics" : "economy"));
      lines.add(JSON.writeValueAsString(row));
    }
    Path base = dir.resolve("base.jsonl");
    Files.write(base, lines);
    return base;
  }
}
