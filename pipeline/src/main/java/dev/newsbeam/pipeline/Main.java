package dev.newsbeam.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbeam.ingest.InputCheck;
import dev.newsbeam.pipeline.report.ReportSettings;
import dev.newsbeam.pipeline.report.RunReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code ./newsbeam [command] --key=value ...}: without a command, runs the main pipeline; with
 * {@code train-topics}, trains a topic model; with {@code report}, (re)writes a run's report.html.
 * Evaluations, benchmarks and the corpus generator are the lab's ({@code ./newsbeam-lab}).
 */
public final class Main {
  /** A sub-command: parses its own {@code --key=value} arguments and returns an exit code. */
  @FunctionalInterface
  interface Command {
    int run(String[] args, PrintStream out, PrintStream err) throws Exception;
  }

  private record Entry(String description, Command command) {}

  private static final Map<String, Entry> COMMANDS = new LinkedHashMap<>();

  private static void register(String name, String description, Command command) {
    COMMANDS.put(name, new Entry(description, command));
  }

  static {
    register(
        "train-topics",
        "train a multi-label topic classifier (a Beam pipeline) on labelled JSONL",
        TrainTopicsCommand::run);
    register(
        "report",
        "write report.html (charts of a finished run's outputs) into --output=DIR",
        ReportCommand::run);
  }

  private Main() {}

  public static void main(String[] args) {
    System.exit(dispatch(args, System.out, System.err));
  }

  static int dispatch(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && !args[0].startsWith("-")) {
      Entry entry = COMMANDS.get(args[0]);
      if (entry == null) {
        err.println("newsbeam: unknown command '" + args[0] + "'. Run ./newsbeam --help.");
        return 2;
      }
      try {
        return entry.command().run(Arrays.copyOfRange(args, 1, args.length), out, err);
      } catch (Exception e) {
        err.println("newsbeam " + args[0] + ": " + e.getMessage());
        e.printStackTrace(err);
        return 1;
      }
    }
    return runPipeline(args, out, err);
  }

  public static int runPipeline(String[] args, PrintStream out, PrintStream err) {
    PipelineOptionsFactory.register(NewsbeamOptions.class);
    if (Arrays.asList(args).contains("--help")) {
      printHelp(out);
      return 0;
    }
    // Building a Dataflow template (--templateLocation) only writes the job spec: the inputs and
    // the output are checked when the template runs, and may not even exist yet.
    boolean template = Arrays.stream(args).anyMatch(a -> a.startsWith("--templateLocation="));
    for (RunnerHooks hooks : RunnerHooks.installed()) {
      args = hooks.adjustArgs(args);
    }
    NewsbeamOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(NewsbeamOptions.class);
      if (options.getInput() == null) {
        options.setInput(defaultInput());
      }
      relaxDirectRunnerChecks(options, args);
      returnFromRunAtOnce(options, args);
      FileSystems.setDefaultPipelineOptions(options);
      if (!template) {
        checkInputsMatch(options.getInput());
        // before --overwrite clears the output: an earlier output must never be touched
        checkPrevious(options);
        new OutputLayout(options.getOutput()).prepare(options.getOverwrite());
      }
    } catch (IllegalArgumentException | IOException e) {
      err.println("newsbeam: " + usageMessage(e));
      return 2;
    }

    Instant started = Instant.now();
    Pipeline pipeline = Pipeline.create(options);
    try {
      NewsPipeline.build(pipeline, started);
    } catch (IOException | IllegalArgumentException e) {
      err.println("newsbeam: " + usageMessage(e));
      return 2;
    }
    PipelineResult result =
        Progress.run(pipeline, NewsPipeline.runnerName(options), started, err, options.getQuiet());
    if (template) {
      out.println(
          "newsbeam: wrote the "
              + NewsPipeline.runnerName(options)
              + " job spec (template); "
              + "the pipeline runs when the template is launched");
      return 0;
    }
    PipelineResult.State state = Progress.waitUntilFinish(result, started, err, options.getQuiet());
    if (state != PipelineResult.State.DONE) {
      err.println("newsbeam: pipeline ended in state " + state);
      return 1;
    }
    printSummary(options, out, err);
    writeReport(options.getOutput(), out, err);
    return 0;
  }

  /** The report is a view of the outputs: failing to draw it warns and never fails the run. */
  private static void writeReport(String output, PrintStream out, PrintStream err) {
    try {
      out.println("newsbeam: report " + RunReport.write(output, ReportSettings.DEFAULTS));
    } catch (IOException | RuntimeException e) {
      err.println("newsbeam: WARNING the run succeeded but report.html could not be written: " + e);
    }
  }

  private static void printSummary(NewsbeamOptions options, PrintStream out, PrintStream err) {
    OutputLayout layout = new OutputLayout(options.getOutput());
    try {
      JsonNode m = Manifest.read(layout.manifest());
      JsonNode c = m.path("counts");
      StringBuilder reasons = new StringBuilder();
      for (Iterator<Map.Entry<String, JsonNode>> it = c.path("errors_by_reason").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        reasons
            .append(reasons.length() == 0 ? " (" : ", ")
            .append(e.getKey())
            .append(' ')
            .append(e.getValue().asLong());
      }
      if (reasons.length() > 0) {
        reasons.append(')');
      }
      out.printf(
          "newsbeam: %d files, %d input records -> %d articles, %d errors%s%s%n",
          c.path("files").asLong(),
          c.path("input_records").asLong(),
          c.path("articles").asLong(),
          c.path("errors").asLong(),
          reasons,
          c.path("skipped").asLong() == 0
              ? ""
              : ", " + c.path("skipped").asLong() + " skipped " + c.path("skipped_by_reason"));
      if (!c.path("accounting").path("balanced").asBoolean()) {
        err.println(
            "newsbeam: WARNING input records != articles + errors + skipped; see manifest.json");
      }
      out.printf(
          "newsbeam: wrote %s (articles/, errors/, manifest.json) in %.1f s on %s%n",
          layout.root(), m.path("duration_seconds").asDouble(), m.path("runner").asText());
    } catch (IOException e) {
      err.println("newsbeam: run finished but manifest.json could not be read: " + e.getMessage());
    }
  }

  /**
   * The DirectRunner's immutability check walks the whole transform graph for every bundle, and its
   * encodability check encodes and decodes every element of every step. Our DoFns build new records
   * and never mutate inputs, and every coder is exercised by the transform tests, which run with
   * both checks on; so the CLI turns them off unless asked for ({@code --enforceImmutability=true},
   * {@code --enforceEncodability=true}).
   */
  public static void relaxDirectRunnerChecks(PipelineOptions options, String[] args) {
    if (!NewsPipeline.onDirectRunner(options)) {
      return;
    }
    DirectOptions direct = options.as(DirectOptions.class);
    if (Arrays.stream(args).noneMatch(a -> a.startsWith("--enforceImmutability"))) {
      direct.setEnforceImmutability(false);
    }
    if (Arrays.stream(args).noneMatch(a -> a.startsWith("--enforceEncodability"))) {
      direct.setEnforceEncodability(false);
    }
  }

  /**
   * The DirectRunner's {@code run()} returns at once unless {@code --blockOnRun=true}, so the
   * launcher can print progress while the pipeline runs ({@link Progress}).
   */
  private static void returnFromRunAtOnce(PipelineOptions options, String[] args) {
    if (NewsPipeline.onDirectRunner(options)
        && Arrays.stream(args).noneMatch(a -> a.startsWith("--blockOnRun"))) {
      options.as(DirectOptions.class).setBlockOnRun(false);
    }
  }

  /**
   * What a usage error says: our own message about an option (an enum's parse, wrapped by Jackson
   * and Beam's option parser) rather than the wrappers' text, else the error's own message.
   */
  public static String usageMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException
          && String.valueOf(t.getMessage()).startsWith("--")) {
        return t.getMessage();
      }
    }
    return e.getMessage();
  }

  /** Fails fast when a --previous entry holds no usable sketches ({@link PreviousRuns#check}). */
  private static void checkPrevious(NewsbeamOptions options) throws IOException {
    if (options.getPrevious() != null && !options.getPrevious().isBlank()) {
      PreviousRuns.check(
          options.getPrevious(),
          options.getOutput(),
          dev.newsbeam.dedup.DedupSettings.from(options).sketchScheme());
    }
  }

  /** Fails fast, before any worker starts, when an --input entry matches no file. */
  private static void checkInputsMatch(String inputs) throws IOException {
    InputCheck.requireMatches(
        inputs,
        glob -> {
          MatchResult m = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
          return m.status() == MatchResult.Status.OK && !m.metadata().isEmpty();
        });
  }

  /** The repository's testdata/ (the launcher sets NEWSBEAM_HOME), else ./testdata. */
  static String defaultInput() {
    String home = System.getenv("NEWSBEAM_HOME");
    Path p = home != null ? Paths.get(home, "testdata") : Paths.get("testdata");
    if (!Files.isDirectory(p)) {
      throw new IllegalArgumentException(
          "no --input given and no testdata/ directory at " + p.toAbsolutePath());
    }
    return p.toString();
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static void printHelp(PrintStream out) {
    out.println("newsbeam: news articles in, analysable Avro out (Apache Beam).");
    out.println();
    out.println("Usage: ./newsbeam [--input=PATHS] [--output=DIR] [--runner=...] [options]");
    out.println("       ./newsbeam COMMAND [--key=value ...]");
    out.println();
    if (!COMMANDS.isEmpty()) {
      out.println("Commands:");
      COMMANDS.forEach((name, e) -> out.printf("  %-16s %s%n", name, e.description()));
      out.println();
    }
    PipelineOptionsFactory.printHelp(out, NewsbeamOptions.class);
  }
}
