package dev.newsbeam.lab;

import dev.newsbeam.lab.bench.BenchAnalyzerCommand;
import dev.newsbeam.lab.bench.BenchBylinesCommand;
import dev.newsbeam.lab.bench.BenchCommand;
import dev.newsbeam.lab.bench.BenchRunCommand;
import dev.newsbeam.lab.bench.BenchTopicsCommand;
import dev.newsbeam.lab.bench.BenchWordStatsCommand;
import dev.newsbeam.lab.bench.InflateSketchesCommand;
import dev.newsbeam.lab.corpus.GenerateCorpusCommand;
import dev.newsbeam.lab.eval.BuildIdfCommand;
import dev.newsbeam.lab.eval.EvalBylinesCommand;
import dev.newsbeam.lab.eval.EvalDailyCommand;
import dev.newsbeam.lab.eval.EvalDedupCommand;
import dev.newsbeam.lab.eval.EvalTopicsCommand;
import dev.newsbeam.lab.html.BenchExtractionCommand;
import dev.newsbeam.lab.html.EvalExtractionCommand;
import dev.newsbeam.lab.html.GenerateWarcCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./newsbeam-lab COMMAND [--key=value ...]}: the project's lab — evaluations, the corpus
 * generator, benchmarks and the plain-Java baseline. Users run {@code ./newsbeam}; this is for the
 * people who measure it.
 */
public final class Lab {
  /** A lab command: parses its own arguments and returns an exit code. */
  @FunctionalInterface
  public interface Command {
    int run(String[] args) throws Exception;
  }

  private record Entry(String description, Command command) {}

  private static final Map<String, Entry> COMMANDS = new LinkedHashMap<>();

  private static void register(String name, String description, Command command) {
    COMMANDS.put(name, new Entry(description, command));
  }

  static {
    register(
        "eval-bylines",
        "score byline/credit parsing on the dev set and the Reuters corpus",
        EvalBylinesCommand::run);
    register(
        "eval-dedup",
        "generate a corpus, run dedup, score precision/recall/F1/ARI against the truth",
        EvalDedupCommand::run);
    register(
        "eval-daily",
        "day batches with --previous against one run over all days: F1/ARI, time, heap",
        EvalDailyCommand::run);
    register(
        "eval-topics",
        "train/test the classifier on Reuters (--split=date or kfold); score the default taxonomy",
        EvalTopicsCommand::run);
    register(
        "build-idf",
        "write the reference idf table the taxonomy tagger weighs its terms with",
        BuildIdfCommand::run);
    register(
        "eval-extraction",
        "score HTML article extraction (body shingle F1, title/date/authors/language) on fixtures",
        EvalExtractionCommand::run);
    register(
        "generate",
        "write a seeded synthetic corpus with known duplicate clusters (+ truth file)",
        GenerateCorpusCommand::run);
    register(
        "bench",
        "throughput/memory of every engine vs the plain-Java baseline and Spark MLlib -> BENCHMARKS.md",
        BenchCommand::run);
    register(
        "bench-run",
        "one measured run of one engine on one corpus (used by bench)",
        BenchRunCommand::run);
    register(
        "inflate-sketches",
        "an archive of N sketches from one run's sketches/ (for daily runs against a large archive)",
        InflateSketchesCommand::run);
    register(
        "generate-warc",
        "compose a crawl-like WARC.gz from the HTML fixtures (for pipeline throughput runs)",
        GenerateWarcCommand::run);
    register(
        "bench-extraction",
        "HTML extraction and language identification throughput on one core",
        BenchExtractionCommand::run);
    register("bench-bylines", "byline parser throughput on one core", BenchBylinesCommand::run);
    register("bench-topics", "taxonomy tagger throughput on one core", BenchTopicsCommand::run);
    register(
        "bench-analyzer",
        "analyzer throughput (MB/s of text) on one core",
        BenchAnalyzerCommand::run);
    register(
        "bench-word-stats",
        "word-statistics transform on generated articles, heap and time (any runner)",
        BenchWordStatsCommand::run);
  }

  private Lab() {}

  public static void main(String[] args) {
    System.exit(dispatch(args, System.out, System.err));
  }

  static int dispatch(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      printHelp(out);
      return args.length == 0 ? 2 : 0;
    }
    Entry entry = COMMANDS.get(args[0]);
    if (entry == null) {
      err.println("newsbeam-lab: unknown command '" + args[0] + "'. Run ./newsbeam-lab --help.");
      return 2;
    }
    try {
      return entry.command().run(Arrays.copyOfRange(args, 1, args.length));
    } catch (IllegalArgumentException e) {
      err.println("newsbeam-lab " + args[0] + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("newsbeam-lab " + args[0] + ": " + e.getMessage());
      e.printStackTrace(err);
      return 1;
    }
  }

  private static void printHelp(PrintStream out) {
    out.println(
        "newsbeam-lab: evaluations, corpus generator, benchmarks and baselines of newsbeam.");
    out.println();
    out.println("Usage: ./newsbeam-lab COMMAND [--key=value ...]   (COMMAND --help: its options)");
    out.println();
    out.println("Commands:");
    COMMANDS.forEach((name, e) -> out.printf("  %-16s %s%n", name, e.description()));
  }
}
