package dev.newsbeam.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import dev.newsbeam.lab.baseline.PlainJavaBaseline;
import dev.newsbeam.lab.eval.EvalDedupCommand;
import dev.newsbeam.lab.mllib.MllibDedup;
import dev.newsbeam.pipeline.Main;
import dev.newsbeam.pipeline.Manifest;
import dev.newsbeam.pipeline.OutputLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code ./newsbeam-lab bench-run --engine=E --corpus=DIR --output=DIR [--threads=N] [dedup
 * options]} ({@link BenchRunOptions}): one measured run of one engine over one generated corpus, in
 * this JVM; prints a single {@code BENCH-RESULT {json}} line with wall time, process CPU time, peak
 * RSS and heap ({@link ProcessMetrics}). {@link BenchCommand} starts one fresh JVM per run so that
 * the figures of one run do not carry into the next.
 *
 * <p>Engines ({@link Engine}): {@code flink} and {@code direct} run the whole pipeline ({@link
 * Main#runPipeline}, the product's command line) on Flink embedded ({@code --parallelism}) or the
 * DirectRunner ({@code --targetParallelism}, both immutability and encodability checks off); {@code
 * baseline} runs {@link PlainJavaBaseline} (the same cores on a thread pool, no Beam); {@code
 * dedup-flink} / {@code dedup-direct} run ingest + dedup only and score it against the corpus's
 * truth; {@code mllib} runs Spark MLlib's MinHashLSH ({@link MllibDedup}) on the same corpus. The
 * dedup engines take the pipeline's dedup options ({@code --lshBands}, {@code --chainGuard}, ...);
 * mllib uses as many hash tables as those settings have LSH bands, at their threshold.
 */
public final class BenchRunCommand {
  static final String RESULT_PREFIX = "BENCH-RESULT ";
  static final String USAGE =
      "Usage: ./newsbeam-lab bench-run --engine=E --corpus=DIR --output=DIR [--overwrite=true]"
          + " [--threads=N] [dedup options] [pipeline and runner options, for flink and direct]";

  /** Flags bench-run sets itself; every other flag goes on to the pipeline (flink, direct). */
  private static final List<String> OWN_FLAGS =
      List.of("--engine", "--corpus", "--output", "--overwrite", "--threads");

  private BenchRunCommand() {}

  /** The flags of {@code argv} that are the pipeline's or its runner's, in their order. */
  static List<String> pipelineFlags(String[] argv) {
    List<String> flags = new ArrayList<>();
    for (String arg : argv) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (!OWN_FLAGS.contains(name)) {
        flags.add(arg);
      }
    }
    return flags;
  }

  public static int run(String[] argv) throws Exception {
    if (LabCli.help(argv, System.out, USAGE, BenchRunOptions.class)) {
      return 0;
    }
    BenchRunOptions options = LabCli.parse(argv, BenchRunOptions.class);
    if (options.getCorpus() == null) {
      throw new IllegalArgumentException("--corpus=DIR (a generated corpus) is required");
    }
    Engine engine = options.getEngine();
    Path corpus = LabPaths.resolve(options.getCorpus());
    Path output = Path.of(options.getOutput());
    int threads = options.getThreads();
    String input = corpus.resolve("articles-*.jsonl").toString();

    ObjectNode result = new ObjectMapper().createObjectNode();
    result.put("engine", engine.code());
    result.put("corpus", corpus.getFileName().toString());
    ProcessMetrics metrics = ProcessMetrics.start();
    switch (engine) {
      case FLINK, DIRECT -> {
        List<String> pipelineArgs =
            new ArrayList<>(
                List.of(
                    "--input=" + input,
                    "--output=" + output,
                    "--overwrite=" + options.getOverwrite()));
        pipelineArgs.addAll(engine.runnerArgs(threads));
        pipelineArgs.addAll(pipelineFlags(argv));
        int code = Main.runPipeline(pipelineArgs.toArray(String[]::new), System.out, System.err);
        if (code != 0) {
          System.err.println("bench-run: the pipeline failed (exit " + code + ")");
          return code;
        }
        JsonNode counts =
            Manifest.read(new OutputLayout(output.toString()).manifest()).path("counts");
        result.put("articles", counts.path("articles").asLong());
        result.put("errors", counts.path("errors").asLong());
      }
      case BASELINE -> {
        try {
          new OutputLayout(output.toString()).prepare(options.getOverwrite());
        } catch (OutputLayout.OutputExistsException e) {
          throw new IllegalArgumentException(e.getMessage(), e); // a usage error, as the pipeline's
        }
        PlainJavaBaseline.Summary s = PlainJavaBaseline.run(input, output, threads);
        result.put("articles", s.articles());
        result.put("errors", s.errors());
      }
      case DEDUP_FLINK, DEDUP_DIRECT -> {
        PipelineOptions beam =
            PipelineOptionsFactory.fromArgs(engine.runnerArgs(threads).toArray(String[]::new))
                .withValidation()
                .create();
        EvalDedupCommand.Score s =
            EvalDedupCommand.score(corpus, output, DedupSettings.from(options), beam);
        result.put("articles", s.articles());
        putQuality(result, s.precision(), s.recall(), s.f1(), s.ari());
      }
      case MLLIB -> {
        // as many one-hash tables as our stage has bands, at our threshold (README "Benchmarks")
        DedupSettings settings = DedupSettings.from(options);
        MllibDedup.Result mllib =
            MllibDedup.run(corpus, threads, settings.bands().bands(), settings.similarity());
        JsonNode r = new ObjectMapper().readTree(mllib.toJson());
        result.put("articles", r.path("articles").asLong());
        putQuality(
            result,
            r.path("precision").asDouble(),
            r.path("recall").asDouble(),
            r.path("f1").asDouble(),
            r.path("ari").asDouble());
        // its own timing (files read to clusters, without SparkSession start-up), tables and
        // threshold
        result.set("mllib", r);
      }
    }
    ProcessMetrics.Snapshot m = metrics.stop();
    result.put("wall_s", round(m.wallSeconds()));
    result.put("cpu_s", round(m.cpuSeconds()));
    result.put("peak_rss_mb", m.peakRssMb());
    result.put("heap_after_gc_mb", m.peakHeapAfterGcMb());
    result.put("heap_used_mb", m.peakHeapUsedMb());
    result.put("max_heap_mb", m.maxHeapMb());
    result.put("threads", threads);
    System.out.println(RESULT_PREFIX + result);
    return 0;
  }

  private static void putQuality(
      ObjectNode result, double precision, double recall, double f1, double ari) {
    result.put("precision", round(precision));
    result.put("recall", round(recall));
    result.put("f1", round(f1));
    result.put("ari", round(ari));
  }

  private static double round(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
  }
}
