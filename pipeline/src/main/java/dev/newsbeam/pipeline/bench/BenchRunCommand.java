package dev.newsbeam.pipeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.pipeline.Main;
import dev.newsbeam.pipeline.Manifest;
import dev.newsbeam.pipeline.OutputLayout;
import dev.newsbeam.pipeline.commands.CommandArgs;
import dev.newsbeam.pipeline.commands.EvalDedupCommand;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench-run --engine=E --corpus=DIR --output=DIR [--threads=2]}: one measured run of one
 * engine over one generated corpus, in this JVM; prints a single {@code BENCH-RESULT {json}} line
 * with wall time, process CPU time, peak RSS and heap ({@link ProcessMetrics}). {@link
 * BenchCommand} starts one fresh JVM per run so that the figures of one run do not carry into the
 * next.
 *
 * <p>Engines: {@code flink} and {@code direct} run the whole pipeline ({@link Main#runPipeline}) on
 * Flink embedded ({@code --parallelism}) or the DirectRunner ({@code --targetParallelism}, both
 * immutability and encodability checks off); {@code baseline} runs {@link PlainJavaBaseline} (the
 * same cores on a thread pool, no Beam); {@code dedup-flink} / {@code dedup-direct} run ingest +
 * dedup only and score it against the corpus's truth; {@code mllib} runs Spark MLlib's MinHashLSH
 * ({@code dev.newsbeam.runners.bench.MllibDedup}, in the runners jar) on the same corpus. The dedup
 * engines take the dedup options of {@code eval-dedup} ({@code --lshBands}, {@code --chainGuard},
 * ...); mllib uses as many hash tables as those settings have LSH bands.
 */
public final class BenchRunCommand {
  static final String RESULT_PREFIX = "BENCH-RESULT ";
  private static final String MLLIB_CLASS = "dev.newsbeam.runners.bench.MllibDedup";

  private BenchRunCommand() {}

  public static int run(String[] argv) throws Exception {
    CommandArgs args = new CommandArgs(argv);
    String engine = args.require("engine");
    Path corpus = CommandArgs.resolve(args.require("corpus"));
    Path output = Path.of(args.require("output"));
    int threads = args.getInt("threads", 2);
    String input = corpus.resolve("articles-*.jsonl").toString();

    ObjectNode result = new ObjectMapper().createObjectNode();
    result.put("engine", engine);
    result.put("corpus", corpus.getFileName().toString());
    ProcessMetrics metrics = ProcessMetrics.start();
    switch (engine) {
      case "flink", "direct" -> {
        List<String> pipelineArgs =
            new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--overwrite=true"));
        pipelineArgs.addAll(
            engine.equals("flink")
                ? List.of(
                    "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=" + threads)
                : List.of(
                    "--runner=DirectRunner",
                    "--targetParallelism=" + threads,
                    "--enforceImmutability=false",
                    "--enforceEncodability=false"));
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
      case "baseline" -> {
        PlainJavaBaseline.Summary s = PlainJavaBaseline.run(input, output, threads);
        result.put("articles", s.articles());
        result.put("errors", s.errors());
      }
      case "dedup-flink", "dedup-direct" -> {
        List<String> beamArgs =
            engine.equals("dedup-flink")
                ? List.of(
                    "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=" + threads)
                : List.of(
                    "--runner=DirectRunner",
                    "--targetParallelism=" + threads,
                    "--enforceImmutability=false",
                    "--enforceEncodability=false");
        DedupSettings settings = EvalDedupCommand.settings(args);
        EvalDedupCommand.Score s = EvalDedupCommand.score(corpus, output, settings, beamArgs);
        result.put("articles", s.articles());
        putQuality(result, s.precision(), s.recall(), s.f1(), s.ari());
      }
      case "mllib" -> {
        // the runners jar holds Spark; this module cannot depend on it, hence the reflective call
        Method main;
        try {
          main =
              Class.forName(MLLIB_CLASS)
                  .getMethod("run", Path.class, int.class, int.class, double.class);
        } catch (ClassNotFoundException e) {
          System.err.println(
              "bench-run: engine mllib needs the runners jar (mvn -Prunners package)");
          return 2;
        }
        // as many one-hash tables as our stage has bands, at our threshold (README "Benchmarks")
        DedupSettings settings = EvalDedupCommand.settings(args);
        Object mllib =
            main.invoke(null, corpus, threads, settings.bands().bands(), settings.similarity());
        JsonNode r =
            new ObjectMapper()
                .readTree((String) mllib.getClass().getMethod("toJson").invoke(mllib));
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
      default ->
          throw new IllegalArgumentException(
              "--engine must be flink, direct, baseline, dedup-flink, dedup-direct or mllib, not '"
                  + engine
                  + "'");
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
