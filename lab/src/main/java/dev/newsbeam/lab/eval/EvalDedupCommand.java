package dev.newsbeam.lab.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.dedup.ArticleSketcher;
import dev.newsbeam.dedup.DedupResult;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.DetectDuplicates;
import dev.newsbeam.dedup.TextFingerprint;
import dev.newsbeam.ingest.ReadArticles;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import dev.newsbeam.lab.baseline.BaselineDedup;
import dev.newsbeam.lab.corpus.DuplicateCorpusGenerator;
import dev.newsbeam.lab.corpus.GenerateCorpusCommand;
import dev.newsbeam.pipeline.Main;
import dev.newsbeam.schema.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * {@code ./newsbeam-lab eval-dedup [--articles=N] [--seed=S] [--mix=wire|archive] [--base=FILE]
 * [--corpus=DIR] [--work=DIR] [--mode=pipeline|memory] [--checkBase=false] [dedup options]
 * [--runner=...]} ({@link EvalDedupOptions}).
 *
 * <p>Generates a ground-truth corpus (unless {@code --corpus} points at one), runs {@link
 * DetectDuplicates} over it and prints pairwise precision/recall/F1, the adjusted Rand index,
 * exact-copy recall and throughput; when the truth names each article's kind, also the recall of
 * each kind of copy and the precision on templated stories ({@link CopyKindRecall}). Articles are
 * read by the ingest stage ({@link ReadArticles}), so ids and texts are what the main pipeline
 * sees; the dedup options are the pipeline's ({@link DedupSettings#from}). With {@code --checkBase}
 * it also runs dedup over the base corpus itself and checks that every exact-duplicate body is
 * found and that no 'exact' row joins different texts. Runner options ({@code --runner=FlinkRunner
 * --flinkMaster=[local]}) go to the pipeline.
 */
public final class EvalDedupCommand {
  static final String USAGE =
      "Usage: ./newsbeam-lab eval-dedup [--articles=N] [--seed=S] [--mix=wire|archive]"
          + " [--base=FILE] [--corpus=DIR]"
          + " [--work=DIR] [--mode=pipeline|memory] [--checkBase=false] [dedup options]"
          + " [--runner=...]";

  private EvalDedupCommand() {}

  public static int run(String[] args) throws Exception {
    if (LabCli.help(args, System.out, USAGE, EvalDedupOptions.class)) {
      return 0;
    }
    EvalDedupOptions options = LabCli.parse(args, EvalDedupOptions.class);
    Main.relaxDirectRunnerChecks(options, args);
    DedupSettings settings = DedupSettings.from(options);
    Path base = LabPaths.resolve(options.getBase());
    Path work = Path.of(options.getWork());
    long n = options.getArticles();
    long seed = options.getSeed();

    Path corpus;
    if (options.getCorpus() != null) {
      corpus = LabPaths.resolve(options.getCorpus());
    } else {
      DuplicateCorpusGenerator.Mix mix = options.getMix();
      String name =
          "corpus-"
              + n
              + "-"
              + seed
              + (mix == DuplicateCorpusGenerator.Mix.WIRE ? "" : "-" + mix.code());
      corpus = work.resolve(name);
      deleteRecursively(corpus);
      DuplicateCorpusGenerator.Summary s =
          new DuplicateCorpusGenerator(seed, mix).generate(base, corpus, n);
      System.out.printf(
          "corpus: %d articles, %d stories (%d synthetic), %d exact + %d near copies (%s mix)%n",
          s.articles(),
          s.stories(),
          s.syntheticStories(),
          s.exactCopies(),
          s.nearCopies(),
          mix.code());
      System.out.println("kinds: " + GenerateCorpusCommand.describeKinds(s));
    }
    System.out.printf(
        "settings: similarity=%.2f containment=%.2f figureAgreement=%.2f numPerm=%d bands=%s"
            + " shingle=%s keep=%s chainGuard=%b verify=%s%n",
        settings.similarity(),
        settings.containment(),
        settings.figureAgreement(),
        settings.numPerm(),
        settings.bands(),
        settings.shingle(),
        settings.keep().code(),
        settings.guardRounds() > 0,
        settings.verify().code());

    if (options.getMode() == EvalDedupOptions.Mode.MEMORY) {
      return inMemory(corpus, base, settings, options.getCheckBase());
    }
    Path predicted = work.resolve("predicted-" + n + "-" + seed);
    deleteRecursively(predicted);
    Run run = runDedup(corpus.resolve("articles-*.jsonl").toString(), predicted, settings, options);
    System.out.printf(
        "dedup: %d articles in %.1fs = %.0f articles/s (%s), peak heap %d MB%n",
        run.articles, run.seconds, run.articles / run.seconds, runnerOf(options), run.peakHeapMb);
    System.out.println("manifest: " + run.manifest);

    ClusteringQuality q = quality(corpus, run.clusterOf);
    ExactCheck exact = exactCheck(corpus.resolve("articles-*.jsonl"), corpus, run);
    System.out.printf(
        "quality: pairwise precision=%.4f recall=%.4f F1=%.4f ARI=%.4f (truth pairs %.0f, predicted %.0f)%n",
        q.precision(),
        q.recall(),
        q.f1(),
        q.adjustedRandIndex(),
        q.truthPairs(),
        q.predictedPairs());
    System.out.printf(
        "exact copies: %d of %d pairs with equal normalised text in one cluster (recall"
            + " %.4f); 'exact' rows joining different texts: %d%n",
        exact.found,
        exact.pairs,
        exact.pairs == 0 ? 1.0 : (double) exact.found / exact.pairs,
        exact.falsePositives);
    printKindScores(kindScores(corpus, run.clusterOf));

    if (options.getCheckBase()) {
      Path baseOut = work.resolve("predicted-base");
      deleteRecursively(baseOut);
      Run r = runDedup(base.toString(), baseOut, settings, options);
      ExactCheck re = exactCheck(base, base.getParent(), r);
      System.out.printf(
          "base corpus: %d articles, %d bodies that repeat another body exactly (in %d"
              + " groups); found in the same cluster: %d of %d (recall %.4f); 'exact' rows joining"
              + " different texts: %d; manifest %s; %.0f articles/s%n",
          r.articles,
          re.copies,
          re.groups,
          re.found,
          re.pairs,
          re.pairs == 0 ? 1.0 : (double) re.found / re.pairs,
          re.falsePositives,
          r.manifest,
          r.articles / r.seconds);
    }
    return 0;
  }

  /**
   * "37x3 bands, chain guard" (", exact Jaccard" with {@code --verify=exact}): the LSH shape, guard
   * and verification of a run, as benchmark rows and reports name them.
   */
  public static String describeLsh(DedupSettings settings) {
    return settings.bands()
        + " bands, "
        + (settings.guardRounds() > 0 ? "chain guard" : "no chain guard")
        + (settings.verify() == DedupSettings.Verify.EXACT ? ", exact Jaccard" : "");
  }

  /** Ingest + dedup of a generated corpus as a pipeline, scored against its truth. */
  public record Score(
      long articles, double seconds, double precision, double recall, double f1, double ari) {}

  /**
   * Runs ingest + {@link DetectDuplicates} over {@code corpus} (a generated corpus with truth.tsv)
   * as a pipeline of {@code options} with the given settings; the seconds are the pipeline's run
   * time.
   */
  public static Score score(Path corpus, Path work, DedupSettings settings, PipelineOptions options)
      throws IOException {
    Path predicted = work.resolve("predicted");
    deleteRecursively(predicted);
    Run run = runDedup(corpus.resolve("articles-*.jsonl").toString(), predicted, settings, options);
    ClusteringQuality q = quality(corpus, run.clusterOf);
    return new Score(
        run.articles, run.seconds, q.precision(), q.recall(), q.f1(), q.adjustedRandIndex());
  }

  /** Pairwise quality of {@code clusterOf} against the corpus's truth.tsv (article id, story). */
  public static ClusteringQuality quality(Path corpus, Map<String, String> clusterOf)
      throws IOException {
    ClusteringQuality q = new ClusteringQuality();
    TruthFile.forEach(
        corpus.resolve("truth.tsv"),
        row -> q.add(row.cluster(), clusterOf.getOrDefault(row.id(), "missing:" + row.id())));
    return q;
  }

  /** Recall by kind of copy and template precision of {@code clusterOf} against truth.tsv. */
  public static CopyKindRecall kindScores(Path corpus, Map<String, String> clusterOf)
      throws IOException {
    CopyKindRecall k = new CopyKindRecall();
    TruthFile.forEach(
        corpus.resolve("truth.tsv"),
        row ->
            k.add(
                row.cluster(),
                row.kind(),
                clusterOf.getOrDefault(row.id(), "missing:" + row.id())));
    return k;
  }

  /**
   * One line per kind of copy ({@code recall[ocr]: 0.912 (456/500)}) and the template lines; none
   * for a truth without kinds.
   */
  static void printKindScores(CopyKindRecall k) {
    if (!k.hasKinds()) {
      return;
    }
    for (Map.Entry<String, CopyKindRecall.Share> e : k.recallByKind().entrySet()) {
      System.out.println("recall[" + e.getKey() + "]: " + describe(e.getValue()));
    }
    CopyKindRecall.Share t = k.templatePrecision();
    if (t.total() > 0) {
      System.out.println("template precision: " + describe(t));
      System.out.println("template merges: " + k.templateMerges());
    }
  }

  static String describe(CopyKindRecall.Share s) {
    return String.format(java.util.Locale.ROOT, "%.3f (%d/%d)", s.value(), s.found(), s.total());
  }

  /**
   * {@code --mode=memory}: the same algorithm through the lab's in-memory engine ({@link
   * BaselineDedup}, no Beam) — seconds instead of minutes, for sweeping --similarity/--shingle; the
   * figures to quote come from the pipeline.
   */
  private static int inMemory(Path corpus, Path base, DedupSettings settings, boolean checkBase)
      throws IOException {
    long start = System.nanoTime();
    Map<String, String> clusterOf = memoryClusters(listJsonl(corpus), settings);
    double seconds = (System.nanoTime() - start) / 1e9;
    ClusteringQuality q = quality(corpus, clusterOf);
    Map<String, String> kinds = new HashMap<>();
    Run run = new Run(clusterOf.size(), seconds, 0, clusterOf, kinds, Map.of());
    ExactCheck exact = exactCheck(corpus.resolve("articles-*.jsonl"), corpus, run);
    System.out.printf(
        "in-memory: %d articles in %.1fs; precision=%.4f recall=%.4f F1=%.4f ARI=%.4f;"
            + " exact pairs together %d of %d%n",
        clusterOf.size(),
        seconds,
        q.precision(),
        q.recall(),
        q.f1(),
        q.adjustedRandIndex(),
        exact.found,
        exact.pairs);
    printKindScores(kindScores(corpus, clusterOf));
    if (checkBase) {
      Map<String, String> r = memoryClusters(List.of(base), settings);
      ExactCheck re =
          exactCheck(base, base.getParent(), new Run(r.size(), 0, 0, r, kinds, Map.of()));
      System.out.printf(
          "in-memory base corpus: %d exact-duplicate bodies in %d groups; pairs together %d of"
              + " %d%n",
          re.copies, re.groups, re.found, re.pairs);
    }
    return 0;
  }

  private static List<Path> listJsonl(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(x -> x.getFileName().toString().matches("articles-\\d+\\.jsonl"))
          .sorted()
          .toList();
    }
  }

  private static Map<String, String> memoryClusters(List<Path> files, DedupSettings settings)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    ArticleSketcher sketcher = new ArticleSketcher(settings);
    List<ArticleSketcher.Sketch> sketches = new ArrayList<>();
    for (Path f : files) {
      try (Stream<String> lines = Files.lines(f)) {
        for (String line : (Iterable<String>) lines::iterator) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode row = json.readTree(line);
          String id = row.path("id").asText();
          String date = row.path("date").asText("");
          Long published =
              date.length() >= 10
                  ? java.time.LocalDate.parse(date.substring(0, 10)).toEpochDay() * 86_400_000L
                  : null;
          sketches.add(sketcher.sketch(id, id, row.path("text").asText(""), published));
        }
      }
    }
    return new BaselineDedup(settings).clusters(sketches);
  }

  private static String runnerOf(PipelineOptions options) {
    return options.getRunner() == null ? "DirectRunner" : options.getRunner().getSimpleName();
  }

  private record Run(
      long articles,
      double seconds,
      long peakHeapMb,
      Map<String, String> clusterOf,
      Map<String, String> kindOf,
      Map<String, Long> manifest) {}

  private static Run runDedup(
      String pattern, Path out, DedupSettings settings, PipelineOptions options)
      throws IOException {
    Pipeline p = Pipeline.create(options);
    PCollection<Article> articles = p.apply("ReadArticles", ReadArticles.from(pattern)).articles();
    DedupResult dedup = articles.apply("DetectDuplicates", DetectDuplicates.with(settings));
    dedup
        .articles()
        .apply("FormatAssignments", ParDo.of(new FormatAssignmentFn()))
        .apply("WriteAssignments", TextIO.write().to(out.resolve("assignments").toString()));
    dedup
        .counts()
        .apply("FormatManifest", ParDo.of(new FormatCountFn()))
        .apply("WriteManifest", TextIO.write().to(out.resolve("manifest").toString()));
    HeapWatch heap = new HeapWatch();
    heap.start();
    long start = System.nanoTime();
    p.run().waitUntilFinish();
    double seconds = (System.nanoTime() - start) / 1e9;
    heap.interrupt();

    Map<String, String> clusterOf = new HashMap<>();
    Map<String, String> kindOf = new HashMap<>();
    Map<String, Long> manifest = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          String[] parts = line.split("\t");
          if (f.getFileName().toString().startsWith("manifest")) {
            manifest.merge(parts[0], Long.parseLong(parts[1]), Long::sum);
          } else {
            clusterOf.put(parts[0], parts[1]);
            kindOf.put(parts[0], parts[2]);
          }
        }
      }
    }
    return new Run(clusterOf.size(), seconds, heap.peakMb, clusterOf, kindOf, manifest);
  }

  private record ExactCheck(
      long groups, long copies, long pairs, long found, long falsePositives) {}

  /**
   * Groups the corpus by normalised text (in memory: evaluation sizes only) and checks the
   * predicted clusters: every pair of equal texts must share a cluster, and an 'exact' article must
   * have the text of its canonical.
   */
  private static ExactCheck exactCheck(Path jsonl, Path dirForGlob, Run run) throws IOException {
    ObjectMapper json = new ObjectMapper();
    TextFingerprint fp = new TextFingerprint();
    Map<String, List<String>> byText = new HashMap<>();
    Map<String, String> fingerprintOf = new HashMap<>();
    List<Path> files = new ArrayList<>();
    if (Files.isRegularFile(jsonl)) {
      files.add(jsonl);
    } else {
      try (Stream<Path> s = Files.list(dirForGlob)) {
        s.filter(x -> x.getFileName().toString().matches("articles-\\d+\\.jsonl"))
            .forEach(files::add);
      }
    }
    for (Path f : files) {
      try (Stream<String> lines = Files.lines(f)) {
        for (String line : (Iterable<String>) lines::iterator) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode row = json.readTree(line);
          String id = row.path("id").asText();
          String key = fp.fingerprint(row.path("text").asText(""));
          if (key != null) {
            byText.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
            fingerprintOf.put(id, key);
          }
        }
      }
    }
    long groups = 0;
    long copies = 0;
    long pairs = 0;
    long found = 0;
    for (List<String> ids : byText.values()) {
      if (ids.size() < 2) {
        continue;
      }
      groups++;
      copies += ids.size() - 1;
      ids.sort(Comparator.naturalOrder());
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          pairs++;
          if (run.clusterOf.get(ids.get(i)).equals(run.clusterOf.get(ids.get(j)))) {
            found++;
          }
        }
      }
    }
    long falsePositives = 0;
    for (Map.Entry<String, String> e : run.kindOf.entrySet()) {
      if ("exact".equals(e.getValue())) {
        String canonical = run.clusterOf.get(e.getKey());
        if (!fingerprintOf.get(e.getKey()).equals(fingerprintOf.get(canonical))) {
          falsePositives++;
        }
      }
    }
    return new ExactCheck(groups, copies, pairs, found, falsePositives);
  }

  static class FormatAssignmentFn extends DoFn<Article, String> {
    @ProcessElement
    public void process(@Element Article a, OutputReceiver<String> out) {
      // every field of the dedup record, so runs and runners can be compared line by line
      out.output(
          a.getId()
              + "\t"
              + a.getDedup().getClusterId()
              + "\t"
              + a.getDedup().getKind()
              + "\t"
              + a.getDedup().getCanonicalId()
              + "\t"
              + a.getDedup().getIsCanonical()
              + "\t"
              + a.getDedup().getSimilarity());
    }
  }

  static class FormatCountFn extends DoFn<KV<String, Long>, String> {
    @ProcessElement
    public void process(@Element KV<String, Long> kv, OutputReceiver<String> out) {
      out.output(kv.getKey() + "\t" + kv.getValue());
    }
  }

  /** Samples used heap while the pipeline runs. */
  static final class HeapWatch extends Thread {
    volatile long peakMb;

    HeapWatch() {
      setDaemon(true);
    }

    @Override
    public void run() {
      Runtime rt = Runtime.getRuntime();
      while (!isInterrupted()) {
        peakMb = Math.max(peakMb, (rt.totalMemory() - rt.freeMemory()) >> 20);
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
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
