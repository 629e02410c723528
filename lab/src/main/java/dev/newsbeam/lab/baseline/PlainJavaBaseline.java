package dev.newsbeam.lab.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newsbeam.byline.ArticleBylines;
import dev.newsbeam.byline.ParseBylines;
import dev.newsbeam.dedup.ArticleSketcher;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.DuplicateClusters;
import dev.newsbeam.ingest.ReadArticles;
import dev.newsbeam.lab.BaselineOptions;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.pipeline.ArticleSpine;
import dev.newsbeam.pipeline.OutputLayout;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.schema.ErrorRecord;
import dev.newsbeam.schema.Ngram;
import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.schema.TermStat;
import dev.newsbeam.schema.TopicDayCount;
import dev.newsbeam.stats.TextProfile;
import dev.newsbeam.stats.WordStatsSettings;
import dev.newsbeam.topics.ArticleTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.file.CodecFactory;

/**
 * The plain-Java baseline of the benchmarks: the main pipeline's work — ingest, bylines and
 * datelines, exact and near-duplicate detection, taxonomy topics, word statistics, Avro outputs —
 * done by the same pure cores in one process on a fixed thread pool, without Beam. What the
 * pipeline costs over this on the same files and hardware is the price of the runner.
 *
 * <pre>{@code
 * PlainJavaBaseline.Summary s = PlainJavaBaseline.run("testdata/", Path.of("/tmp/baseline"), 2);
 * // java -cp <the lab's class path> dev.newsbeam.lab.baseline.PlainJavaBaseline --input=DIR --output=DIR
 * }</pre>
 *
 * <p>Stages, each parallel over the articles (or files) and each finished before the next starts,
 * as they need the whole corpus at their boundaries (fingerprint groups, document frequencies):
 *
 * <ol>
 *   <li>ReadArticles: {@link BaselineIngest} (one task per file, big JSONL files in line-aligned
 *       chunks);
 *   <li>EnrichArticles: {@link ArticleSpine} per article, as the pipeline's one fused step
 *       (bylines, dedup sketch, topics with the default IPTC taxonomy, word statistics, from one
 *       analysis of the body), with the byline and topic counters and the per-day topic counts;
 *   <li>DetectDuplicates: {@link BaselineDedup} (the lab's one in-memory dedup engine) with {@link
 *       DedupSettings#defaults()}, over the spine's sketches;
 *   <li>ComputeWordStats: {@link BaselineWordStats} with {@link WordStatsSettings#defaults()}, over
 *       the spine's text profiles;
 *   <li>writes articles, errors, duplicates, topics, terms, term_keyness and ngrams as snappy Avro
 *       ({@link AvroDatasets}) and a manifest.json of the counts and per-stage wall times.
 * </ol>
 *
 * Records are changed in place between stages (the pipeline copies them: its elements are
 * immutable), except where a product function returns a new article ({@link ArticleSpine#enrich}).
 * CPU time, heap and RSS are left to whoever runs this (in a child JVM); {@link Summary#seconds} is
 * the wall time of {@link #run}.
 */
public final class PlainJavaBaseline {
  static final String MANIFEST = "manifest.json";

  private PlainJavaBaseline() {}

  /**
   * What one run read and wrote.
   *
   * @param inputRecords records read (a text file is one, a non-blank JSONL line is one)
   * @param articles articles written (every article, duplicates included)
   * @param errors error records written
   * @param duplicates articles that are exact or near duplicates of their cluster's canonical
   * @param seconds wall time of the run, from listing the input to the last file written
   */
  public record Summary(
      long inputRecords, long articles, long errors, long duplicates, double seconds) {
    /** The one-line summary {@link #main} prints. */
    public String line() {
      return String.format(
          java.util.Locale.ROOT,
          "baseline: %d input records -> %d articles, %d errors, %d duplicates in %.2f s",
          inputRecords,
          articles,
          errors,
          duplicates,
          seconds);
    }
  }

  /**
   * {@code --input=PATHS [--output=DIR] [--overwrite=true] [--threads=N]} ({@link
   * BaselineOptions}): the pipeline's input and output options, with the same meaning.
   */
  public static void main(String[] args) {
    Summary s;
    BaselineOptions options;
    try {
      if (LabCli.help(
          args,
          System.out,
          "Usage: java -cp ... " + PlainJavaBaseline.class.getName() + " --input=PATHS [options]",
          BaselineOptions.class)) {
        return;
      }
      options = LabCli.parse(args, BaselineOptions.class);
      if (options.getInput() == null) {
        throw new IllegalArgumentException("--input=PATHS is required");
      }
      new OutputLayout(options.getOutput()).prepare(options.getOverwrite());
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("baseline: " + e.getMessage());
      System.exit(2);
      return;
    }
    s = run(options.getInput(), Path.of(options.getOutput()), options.getThreads());
    System.out.println(s.line() + " (threads=" + options.getThreads() + ")");
    if (s.inputRecords() != s.articles() + s.errors()) {
      System.err.println("baseline: WARNING input records != articles + errors");
      System.exit(1);
    }
  }

  /**
   * Runs every stage on {@code input} (the pipeline's {@code --input} syntax, local files) with
   * {@code threads} workers and writes the outputs under {@code output}, replacing an earlier
   * run's.
   */
  public static Summary run(String input, Path output, int threads) {
    long start = System.nanoTime();
    Instant startedAt = Instant.now();
    Stages stages = new Stages();
    try (WorkerPool pool = new WorkerPool(threads)) {
      BaselineIngest.Result ingested =
          BaselineIngest.read(input, ReadArticles.DEFAULT_MAX_ARTICLE_BYTES, pool);
      List<Article> articles = ingested.articles();
      List<ErrorRecord> errors = ingested.errors();
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("files", ingested.files());
      counts.put("input_records", ingested.inputRecords());
      counts.put("ingest.blank_lines", ingested.blankLines());
      counts.put("ingest.files_skipped", ingested.filesSkipped());
      stages.done("ReadArticles");

      Enriched enriched = enrich(articles, pool);
      counts.putAll(enriched.counts());
      stages.done("EnrichArticles");

      BaselineDedup.Result dedup =
          new BaselineDedup(DedupSettings.defaults()).run(articles, enriched.sketches(), pool);
      counts.put("dedup.clusters", dedup.clusters());
      counts.put("dedup.exact_duplicates", dedup.exactDuplicates());
      counts.put("dedup.near_duplicates", dedup.nearDuplicates());
      counts.put("dedup.largest_cluster", dedup.largestCluster());
      // the baseline deduplicates one batch on its own: no earlier runs to match
      counts.put(DuplicateClusters.MATCHED_EARLIER_RUNS, 0L);
      stages.done("DetectDuplicates");

      List<TopicDayCount> dayCounts = new ArrayList<>(enriched.dayCounts());

      BaselineWordStats.Result stats =
          new BaselineWordStats(WordStatsSettings.defaults())
              .run(articles, enriched.profiles(), pool);
      counts.putAll(stats.counts());
      stages.done("ComputeWordStats");

      AvroDatasets out = new AvroDatasets(output, CodecFactory.snappyCodec());
      out.add("articles", Article.getClassSchema(), articles, threads);
      out.add("errors", ErrorRecord.getClassSchema(), errors, 1);
      out.add("duplicates", DuplicateRow.getClassSchema(), dedup.duplicates(), 1);
      out.add("topics", TopicDayCount.getClassSchema(), dayCounts, 1);
      out.add("terms", TermStat.getClassSchema(), stats.terms(), 1);
      out.add("term_keyness", TermKeyness.getClassSchema(), stats.keyness(), 1);
      out.add("ngrams", Ngram.getClassSchema(), stats.ngrams(), 1);
      counts.put("output_bytes", out.writeAll(pool));
      stages.done("WriteAvro");

      counts.put("articles", (long) articles.size());
      counts.put("errors", (long) errors.size());
      Map<String, Long> reasons = new TreeMap<>();
      errors.forEach(e -> reasons.merge(e.getReason(), 1L, Long::sum));
      counts.put("errors_by_reason", reasons);
      boolean balanced = ingested.inputRecords() == articles.size() + errors.size();
      counts.put("accounting", Map.of("balanced", balanced));

      double seconds = (System.nanoTime() - start) / 1e9;
      writeManifest(output, input, threads, startedAt, seconds, stages.seconds, counts);
      return new Summary(
          ingested.inputRecords(),
          articles.size(),
          errors.size(),
          dedup.duplicates().size(),
          seconds);
    }
  }

  /**
   * What {@link #enrich} made of the corpus: per article (by index) its sketch and text profile,
   * the per day × topic counts and the manifest counts of bylines and topics.
   */
  record Enriched(
      ArticleSketcher.Sketch[] sketches,
      TextProfile[] profiles,
      List<TopicDayCount> dayCounts,
      Map<String, Long> counts) {}

  /**
   * Every per-article step ({@link ArticleSpine}, as the pipeline's one fused step: bylines,
   * sketch, topics with the default taxonomy, word statistics from one analysis of the body), each
   * article replaced in place by its enriched self.
   */
  static Enriched enrich(List<Article> articles, WorkerPool pool) {
    ThreadLocal<ArticleSpine> spines =
        ThreadLocal.withInitial(
            () ->
                new ArticleSpine(ArticleSpine.Settings.defaults(), new ParseBylines.BylinesStep()));
    int n = articles.size();
    ArticleSketcher.Sketch[] sketches = new ArticleSketcher.Sketch[n];
    TextProfile[] profiles = new TextProfile[n];
    Map<String, Long> counts = new TreeMap<>();
    Map<String, Long> days = new TreeMap<>();
    for (TagCounts part :
        pool.slices(
            n,
            (from, to) -> {
              ArticleSpine spine = spines.get();
              TagCounts c = new TagCounts();
              for (int i = from; i < to; i++) {
                ArticleSpine.Enriched e;
                try {
                  e = spine.enrich(articles.get(i), null);
                } catch (ArticleSpine.StageFailure f) {
                  throw new IllegalStateException(
                      f.getMessage() + " for article " + articles.get(i).getId(), f.getCause());
                }
                Article a = e.article();
                articles.set(i, a);
                sketches[i] = e.sketch();
                profiles[i] = e.profile();
                ArticleBylines.counters(a).forEach(k -> c.manifest.merge(k, 1L, Long::sum));
                ArticleTopics.counters(a).forEach(k -> c.manifest.merge(k, 1L, Long::sum));
                ArticleTopics.dayTopicKeys(a).forEach((k, m) -> c.days.merge(k, 1L, Long::sum));
              }
              return c;
            })) {
      part.manifest.forEach((k, v) -> counts.merge(k, v, Long::sum));
      part.days.forEach((k, v) -> days.merge(k, v, Long::sum));
    }
    List<TopicDayCount> dayCounts = new ArrayList<>(days.size());
    days.forEach((key, m) -> dayCounts.add(ArticleTopics.dayCount(key, m)));
    return new Enriched(sketches, profiles, dayCounts, counts);
  }

  private static final class TagCounts {
    final Map<String, Long> manifest = new TreeMap<>();
    final Map<String, Long> days = new TreeMap<>();
  }

  /** Wall time per stage, in order. */
  private static final class Stages {
    final Map<String, Double> seconds = new LinkedHashMap<>();
    private long last = System.nanoTime();

    void done(String stage) {
      long now = System.nanoTime();
      seconds.put(stage, (now - last) / 1e9);
      last = now;
    }
  }

  private static void writeManifest(
      Path output,
      String input,
      int threads,
      Instant startedAt,
      double seconds,
      Map<String, Double> stageSeconds,
      Map<String, Object> counts) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runner", "PlainJavaBaseline");
    m.put("threads", threads);
    m.put("input", input);
    m.put("started_at", startedAt.toString());
    m.put("finished_at", Instant.now().toString());
    m.put("duration_seconds", seconds);
    m.put("stage_seconds", stageSeconds);
    m.put("counts", counts);
    try {
      Files.createDirectories(output);
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(output.resolve(MANIFEST).toFile(), m);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output.resolve(MANIFEST), e);
    }
  }
}
