package dev.newsbeam.lab.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import dev.newsbeam.lab.corpus.DuplicateCorpusGenerator;
import dev.newsbeam.pipeline.Main;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DedupInfo;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * {@code ./newsbeam-lab eval-daily [--articles=N] [--seed=S] [--mix=wire|archive] [--batches=B]
 * [--corpus=DIR] [--work=DIR] [pipeline options] [--runner=...]} ({@link EvalDailyOptions}).
 *
 * <p>Daily runs against one run: generates a ground-truth corpus (unless {@code --corpus}), cuts it
 * by publication date into {@code --batches} day batches, runs the whole newsbeam pipeline ({@link
 * Main}) once over everything and then batch by batch, each with {@code --previous} = every earlier
 * batch's output, and scores both against the truth (pairwise precision/recall/F1, ARI, recall by
 * kind of copy). It also scores the day-by-day clusters against the one-run clusters (pairs the
 * daily runs lose or add) and prints each run's time and peak heap.
 */
public final class EvalDailyCommand {
  static final String USAGE =
      "Usage: ./newsbeam-lab eval-daily [--articles=N] [--seed=S] [--mix=wire|archive]"
          + " [--batches=B] [--corpus=DIR] [--work=DIR] [pipeline options] [--runner=...]";

  /** Lab flags the pipeline does not take. */
  private static final Set<String> LAB_FLAGS =
      Set.of("articles", "seed", "mix", "base", "corpus", "work", "batches");

  private EvalDailyCommand() {}

  public static int run(String[] args) throws Exception {
    if (LabCli.help(args, System.out, USAGE, EvalDailyOptions.class)) {
      return 0;
    }
    EvalDailyOptions options = LabCli.parse(args, EvalDailyOptions.class);
    Path work = Path.of(options.getWork());
    long n = options.getArticles();
    long seed = options.getSeed();
    Path corpus;
    if (options.getCorpus() != null) {
      corpus = LabPaths.resolve(options.getCorpus());
    } else {
      DuplicateCorpusGenerator.Mix mix = options.getMix();
      corpus = work.resolve("corpus-" + n + "-" + seed + "-" + mix.code());
      deleteRecursively(corpus);
      DuplicateCorpusGenerator.Summary s =
          new DuplicateCorpusGenerator(seed, mix)
              .generate(LabPaths.resolve(options.getBase()), corpus, n);
      System.out.printf(
          "corpus: %d articles, %d stories, %d exact + %d near copies (%s mix)%n",
          s.articles(), s.stories(), s.exactCopies(), s.nearCopies(), mix.code());
    }
    Path runs = work.resolve("daily-" + corpus.getFileName());
    deleteRecursively(runs);
    List<Path> batches = splitByDate(corpus, runs.resolve("batches"), options.getBatches());
    List<String> passOn = pipelineArgs(args);

    Path whole = runs.resolve("one-run");
    Timed one =
        runPipeline(passOn, corpus.resolve("articles-*.jsonl").toString(), whole, "all", null);
    Map<String, String> oneRun = clusters(whole);
    System.out.printf(
        "one run: %d articles in %.1f s, peak heap %d MB%n",
        oneRun.size(), one.seconds, one.peakMb);

    Map<String, String> daily = new HashMap<>();
    List<String> earlier = new ArrayList<>();
    double dailySeconds = 0;
    for (int i = 0; i < batches.size(); i++) {
      Path out = runs.resolve("day-" + i);
      String runId = "day-" + i;
      Timed t =
          runPipeline(
              passOn,
              batches.get(i).toString(),
              out,
              runId,
              earlier.isEmpty() ? null : String.join(",", earlier));
      Map<String, String> c = clusters(out);
      JsonNode dedup = manifest(out).path("stages").path("dedup");
      System.out.printf(
          "%s: %d articles in %.1f s, peak heap %d MB; previous sketches %d, matched earlier"
              + " runs %d%n",
          runId,
          c.size(),
          t.seconds,
          t.peakMb,
          dedup.path("previous_sketches").asLong(),
          dedup.path("matched_earlier_runs").asLong());
      daily.putAll(c);
      dailySeconds += t.seconds;
      earlier.add(out.toString());
    }
    System.out.printf("day by day: %d articles in %.1f s%n", daily.size(), dailySeconds);

    ClusteringQuality q1 = EvalDedupCommand.quality(corpus, oneRun);
    ClusteringQuality qd = EvalDedupCommand.quality(corpus, daily);
    print("one run", q1);
    print("day by day", qd);
    ClusteringQuality agreement = new ClusteringQuality();
    oneRun.forEach(
        (id, cluster) -> agreement.add(cluster, daily.getOrDefault(id, "missing:" + id)));
    System.out.printf(
        "day by day against one run: pairs kept %.4f (recall), pairs added precision %.4f,"
            + " ARI %.4f (one-run pairs %.0f, day-by-day pairs %.0f)%n",
        agreement.recall(),
        agreement.precision(),
        agreement.adjustedRandIndex(),
        agreement.truthPairs(),
        agreement.predictedPairs());
    CopyKindRecall k1 = EvalDedupCommand.kindScores(corpus, oneRun);
    CopyKindRecall kd = EvalDedupCommand.kindScores(corpus, daily);
    if (k1.hasKinds()) {
      for (Map.Entry<String, CopyKindRecall.Share> e : k1.recallByKind().entrySet()) {
        System.out.printf(
            "recall[%s]: one run %s, day by day %s%n",
            e.getKey(),
            EvalDedupCommand.describe(e.getValue()),
            EvalDedupCommand.describe(kd.recallByKind().get(e.getKey())));
      }
    }
    return 0;
  }

  private static void print(String name, ClusteringQuality q) {
    System.out.printf(
        "%s: pairwise precision=%.4f recall=%.4f F1=%.4f ARI=%.4f%n",
        name, q.precision(), q.recall(), q.f1(), q.adjustedRandIndex());
  }

  /** Every argument but the lab's own flags: the pipeline's options and the runner's. */
  private static List<String> pipelineArgs(String[] args) {
    List<String> out = new ArrayList<>();
    for (String a : args) {
      String key = a.replaceFirst("^--", "").replaceFirst("=.*", "");
      if (!LAB_FLAGS.contains(key)) {
        out.add(a);
      }
    }
    return out;
  }

  private record Timed(double seconds, long peakMb) {}

  private static Timed runPipeline(
      List<String> passOn, String input, Path out, String runId, String previous) {
    List<String> args = new ArrayList<>(passOn);
    args.add("--input=" + input);
    args.add("--output=" + out);
    args.add("--runId=" + runId);
    args.add("--quiet");
    if (previous != null) {
      args.add("--previous=" + previous);
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    EvalDedupCommand.HeapWatch heap = new EvalDedupCommand.HeapWatch();
    heap.start();
    long start = System.nanoTime();
    int code =
        Main.runPipeline(
            args.toArray(new String[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    double seconds = (System.nanoTime() - start) / 1e9;
    heap.interrupt();
    if (code != 0) {
      throw new IllegalStateException(
          "pipeline run "
              + runId
              + " failed ("
              + code
              + "): "
              + err.toString(StandardCharsets.UTF_8));
    }
    return new Timed(seconds, heap.peakMb);
  }

  /**
   * Article id → cluster of a run's {@code articles/}: the canonical's run and id (an article whose
   * canonical is in an earlier run names that run).
   */
  static Map<String, String> clusters(Path output) throws IOException {
    String runId = manifest(output).path("run_id").asText();
    Map<String, String> out = new HashMap<>();
    List<Path> shards;
    try (Stream<Path> s = Files.walk(output.resolve("articles"))) {
      shards = s.filter(p -> p.toString().endsWith(".avro")).sorted().toList();
    }
    for (Path shard : shards) {
      try (DataFileReader<Article> r =
          new DataFileReader<>(shard.toFile(), new SpecificDatumReader<>(Article.class))) {
        for (Article a : r) {
          DedupInfo d = a.getDedup();
          String run = d.getCanonicalRun() == null ? runId : d.getCanonicalRun();
          out.put(a.getId(), run + "/" + d.getCanonicalId());
        }
      }
    }
    return out;
  }

  private static JsonNode manifest(Path output) throws IOException {
    return new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
  }

  /**
   * The corpus's JSONL lines cut by date into {@code batches} files of consecutive dates and about
   * equal size (a date never spans two batches).
   */
  static List<Path> splitByDate(Path corpus, Path dir, int batches) throws IOException {
    ObjectMapper json = new ObjectMapper();
    TreeMap<String, List<String>> byDate = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus)) {
      files =
          s.filter(p -> p.getFileName().toString().matches("articles-\\d+\\.jsonl"))
              .sorted()
              .toList();
    }
    long total = 0;
    for (Path f : files) {
      for (String line : Files.readAllLines(f)) {
        if (line.isBlank()) {
          continue;
        }
        String date = json.readTree(line).path("date").asText("");
        byDate
            .computeIfAbsent(
                date.length() >= 10 ? date.substring(0, 10) : "", k -> new ArrayList<>())
            .add(line);
        total++;
      }
    }
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    long perBatch = Math.max(1, (total + batches - 1) / batches);
    BufferedWriter w = null;
    long inBatch = 0;
    for (Map.Entry<String, List<String>> e : byDate.entrySet()) {
      if (w == null || (inBatch >= perBatch && out.size() < batches)) {
        if (w != null) {
          w.close();
        }
        Path p = dir.resolve(String.format("batch-%02d.jsonl", out.size()));
        out.add(p);
        w = Files.newBufferedWriter(p);
        inBatch = 0;
      }
      for (String line : e.getValue()) {
        w.write(line);
        w.newLine();
        inBatch++;
      }
    }
    if (w != null) {
      w.close();
    }
    System.out.printf(
        "batches: %d articles over %d dates cut into %d day batches%n",
        total, byDate.size(), out.size());
    return out;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
