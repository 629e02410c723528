package dev.newsbeam.pipeline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newsbeam.byline.ArticleBylines;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.ingest.ReadArticles;
import dev.newsbeam.pipeline.commands.CommandArgs;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Author;
import dev.newsbeam.schema.Dateline;
import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.schema.ErrorRecord;
import dev.newsbeam.schema.Ngram;
import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.schema.TermStat;
import dev.newsbeam.schema.Topic;
import dev.newsbeam.schema.TopicDayCount;
import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.topics.Taxonomy;
import dev.newsbeam.topics.TaxonomyTagger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.file.CodecFactory;

/**
 * The plain-Java baseline of the benchmarks (issue 8): the main pipeline's work — ingest, bylines
 * and datelines, exact and near-duplicate detection, taxonomy topics, word statistics, Avro outputs
 * — done by the same pure cores in one process on a fixed thread pool, without Beam. What the
 * pipeline costs over this on the same files and hardware is the price of the runner.
 *
 * <pre>{@code
 * PlainJavaBaseline.Summary s = PlainJavaBaseline.run("testdata/", Path.of("/tmp/baseline"), 2);
 * // java -cp newsbeam.jar dev.newsbeam.pipeline.bench.PlainJavaBaseline --input=DIR --output=DIR --threads=2
 * }</pre>
 *
 * <p>Stages, each parallel over the articles (or files) and each finished before the next starts,
 * as they need the whole corpus at their boundaries (fingerprint groups, document frequencies):
 *
 * <ol>
 *   <li>ReadArticles: {@link BaselineIngest} (one task per file, big JSONL files in line-aligned
 *       chunks);
 *   <li>ParseBylines: {@link ArticleBylines} per article, as ParseBylinesFn;
 *   <li>DetectDuplicates: {@link BaselineDedup} with {@link DedupSettings#defaults()};
 *   <li>TagTopics: {@link TaxonomyTagger} with the default IPTC taxonomy, and the per-day topic
 *       counts;
 *   <li>ComputeWordStats: {@link BaselineWordStats} with the pipeline's defaults;
 *   <li>writes articles, errors, duplicates, topics, terms, term_keyness and ngrams as snappy Avro
 *       ({@link AvroDatasets}) and a manifest.json of the counts and per-stage wall times.
 * </ol>
 *
 * Records are changed in place between stages (the pipeline copies them: its elements are
 * immutable). CPU time, heap and RSS are left to whoever runs this (in a child JVM); {@link
 * Summary#seconds} is the wall time of {@link #run}.
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

  /** {@code --input=PATHS --output=DIR [--threads=N]} (threads: all processors by default). */
  public static void main(String[] args) {
    Summary s;
    int threads;
    try {
      CommandArgs a = new CommandArgs(args);
      threads = a.getInt("threads", Runtime.getRuntime().availableProcessors());
      s = run(a.require("input"), Path.of(a.require("output")), threads);
    } catch (IllegalArgumentException e) {
      System.err.println("baseline: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println(s.line() + " (threads=" + threads + ")");
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

      counts.putAll(parseBylines(articles, pool));
      stages.done("ParseBylines");

      BaselineDedup.Result dedup = new BaselineDedup(DedupSettings.defaults()).run(articles, pool);
      counts.put("dedup.clusters", dedup.clusters());
      counts.put("dedup.exact_duplicates", dedup.exactDuplicates());
      counts.put("dedup.near_duplicates", dedup.nearDuplicates());
      counts.put("dedup.largest_cluster", dedup.largestCluster());
      stages.done("DetectDuplicates");

      Map<String, Long> topicCounts = new TreeMap<>();
      List<TopicDayCount> dayCounts = tagTopics(articles, pool, topicCounts);
      counts.putAll(topicCounts);
      stages.done("TagTopics");

      BaselineWordStats.Result stats =
          new BaselineWordStats(BaselineWordStats.Settings.defaults()).run(articles, pool);
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
   * ParseBylinesFn per article: authors, outlet, dateline set, body without dateline and credits.
   */
  static Map<String, Long> parseBylines(List<Article> articles, WorkerPool pool) {
    ThreadLocal<ArticleBylines> parsers =
        ThreadLocal.withInitial(ArticleBylines::withBundledOutlets);
    long[] totals = new long[5];
    for (long[] part :
        pool.slices(
            articles.size(),
            (from, to) -> {
              ArticleBylines parser = parsers.get();
              long[] c = new long[5];
              for (int i = from; i < to; i++) {
                Article a = articles.get(i);
                ArticleBylines.Result r =
                    parser.parse(a.getBylineRaw(), a.getText(), a.getOutlet());
                List<Author> authors = r.authorRecords();
                Dateline dateline = r.datelineRecord();
                a.setAuthors(authors);
                a.setOutlet(r.outlet());
                a.setDateline(dateline);
                a.setText(r.body());
                // the pipeline's CountBylines
                c[0] += a.getBylineRaw() != null ? 1 : 0;
                c[1] += authors.stream().anyMatch(p -> p.getRole().equals("author")) ? 1 : 0;
                c[2] += authors.stream().anyMatch(p -> !p.getRole().equals("author")) ? 1 : 0;
                c[3] += dateline != null ? 1 : 0;
                c[4] += a.getOutlet() != null ? 1 : 0;
              }
              return c;
            })) {
      for (int k = 0; k < totals.length; k++) {
        totals[k] += part[k];
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("byline.with_byline", totals[0]);
    counts.put("byline.with_authors", totals[1]);
    counts.put("byline.with_credits", totals[2]);
    counts.put("byline.with_dateline", totals[3]);
    counts.put("byline.with_outlet", totals[4]);
    return counts;
  }

  /**
   * TagFn per article (default taxonomy and tagger settings, no model), then the per day × topic
   * counts of the topics/ dataset; {@code manifest} receives the pipeline's {@code topics.*}
   * counts.
   */
  static List<TopicDayCount> tagTopics(
      List<Article> articles, WorkerPool pool, Map<String, Long> manifest) {
    String taxonomyJson = Taxonomy.defaultJson();
    ThreadLocal<TaxonomyTagger> taggers =
        ThreadLocal.withInitial(
            () ->
                new TaxonomyTagger(
                    Taxonomy.parse(taxonomyJson),
                    NewsAnalyzer.defaults(),
                    TaxonomyTagger.Settings.defaults()));
    Map<DayTopic, Long> days = new TreeMap<>();
    for (TagCounts part :
        pool.slices(
            articles.size(),
            (from, to) -> {
              TaxonomyTagger tagger = taggers.get();
              TagCounts c = new TagCounts();
              for (int i = from; i < to; i++) {
                Article a = articles.get(i);
                List<Topic> topics = new ArrayList<>(tagger.tag(a.getTitle(), a.getText()));
                a.setTopics(topics);
                c.manifest.merge(
                    topics.isEmpty() ? "topics.untagged_articles" : "topics.tagged_articles",
                    1L,
                    Long::sum);
                for (Topic t : topics) {
                  c.manifest.merge("topics." + t.getCode(), 1L, Long::sum);
                  c.days.merge(
                      new DayTopic(a.getPublishedDate(), t.getSource(), t.getCode(), t.getLabel()),
                      1L,
                      Long::sum);
                }
              }
              return c;
            })) {
      part.manifest.forEach((k, v) -> manifest.merge(k, v, Long::sum));
      part.days.forEach((k, v) -> days.merge(k, v, Long::sum));
    }
    List<TopicDayCount> out = new ArrayList<>(days.size());
    days.forEach(
        (k, n) ->
            out.add(
                TopicDayCount.newBuilder()
                    .setDate(k.date())
                    .setSource(k.source())
                    .setCode(k.code())
                    .setLabel(k.label())
                    .setArticles(n)
                    .build()));
    return out;
  }

  private static final class TagCounts {
    final Map<String, Long> manifest = new TreeMap<>();
    final Map<DayTopic, Long> days = new TreeMap<>();
  }

  /** The key of a topics/ row; undated articles count under a null date, sorted first. */
  private record DayTopic(LocalDate date, String source, String code, String label)
      implements Comparable<DayTopic> {
    private static final java.util.Comparator<DayTopic> ORDER =
        java.util.Comparator.comparing(
                DayTopic::date,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(DayTopic::source)
            .thenComparing(DayTopic::code)
            .thenComparing(DayTopic::label);

    @Override
    public int compareTo(DayTopic o) {
      return ORDER.compare(this, o);
    }
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
