package dev.newsbeam.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import dev.newsbeam.stats.ArticleStatsCalculator;
import dev.newsbeam.stats.TextProfile;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./newsbeam-lab bench-analyzer --input=FILE [--warmupSeconds=S] [--seconds=S] [--stem=...]
 * [--stopwords=...]} ({@link BenchAnalyzerOptions}): single-thread throughput of the
 * word-statistics core ({@link ArticleStatsCalculator#profile}: sentence segmentation + one
 * analyzer pass + per-article counting), in MB of UTF-8 article text per second, after a warm-up.
 *
 * <p>{@code --input} is a JSONL file (the {@code text} field of each line) or a plain text file
 * (one article). Throughput is reported per second of wall time and per second of the thread's CPU
 * time (the one-core figure when other processes share the machine). Exit code 0 when {@value
 * #TARGET_MB_PER_SECOND} MB per CPU second is met, 1 otherwise.
 */
public final class BenchAnalyzerCommand {
  static final double TARGET_MB_PER_SECOND = 10.0;
  static final String USAGE =
      "Usage: ./newsbeam-lab bench-analyzer --input=FILE.jsonl|FILE.txt [--warmupSeconds=S]"
          + " [--seconds=S] [--stem=...] [--stopwords=...]";
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private BenchAnalyzerCommand() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  public static int run(String[] args) throws Exception {
    if (LabCli.help(args, System.out, USAGE, BenchAnalyzerOptions.class)) {
      return 0;
    }
    BenchAnalyzerOptions options = LabCli.parse(args, BenchAnalyzerOptions.class);
    String input = options.getInput();
    if (input == null) {
      throw new IllegalArgumentException("--input=FILE (JSONL or plain text) is required");
    }
    double warmup = options.getWarmupSeconds();
    double seconds = options.getSeconds();
    NewsAnalyzer analyzer = new NewsAnalyzer(options.getStem(), options.getStopwords());
    ArticleStatsCalculator calculator = new ArticleStatsCalculator(analyzer);

    List<String> texts = readTexts(LabPaths.resolve(input));
    long bytesPerPass = 0;
    long charsPerPass = 0;
    for (String t : texts) {
      bytesPerPass += t.getBytes(StandardCharsets.UTF_8).length;
      charsPerPass += t.length();
    }
    System.out.printf(
        Locale.ROOT,
        "bench-analyzer: %d articles, %.2f MB UTF-8 (%d chars) per pass, "
            + "stem=%s stopwords=%s, 1 thread%n",
        texts.size(),
        bytesPerPass / 1e6,
        charsPerPass,
        analyzer.stemming(),
        analyzer.stopwords());
    if (bytesPerPass == 0) {
      System.err.println("no text in " + input);
      return 2;
    }

    Run warm = measure(calculator, texts, bytesPerPass, warmup);
    System.out.printf(
        Locale.ROOT,
        "warm-up:  %.1f s, %.2f MB/s wall, %.2f MB/s CPU%n",
        warm.seconds,
        warm.mbPerSecond(),
        warm.mbPerCpuSecond());
    Run run = measure(calculator, texts, bytesPerPass, seconds);
    System.out.printf(
        Locale.ROOT,
        "measured: %.1f s wall, %.1f s CPU, %d passes: %.2f MB/s wall, %.2f MB/s per CPU second, "
            + "%.0f articles/CPU s, %.2f M words/CPU s (checksum %d)%n",
        run.seconds,
        run.cpuSeconds,
        run.passes,
        run.mbPerSecond(),
        run.mbPerCpuSecond(),
        run.articles / run.cpuSeconds,
        run.words / run.cpuSeconds / 1e6,
        run.checksum);
    if (run.cpuSeconds < 0.8 * run.seconds) {
      System.out.printf(
          Locale.ROOT,
          "note: the thread got %.0f%% of a core (busy machine); "
              + "MB/s per CPU second is the one-core figure%n",
          100 * run.cpuSeconds / run.seconds);
    }
    boolean ok = run.mbPerCpuSecond() >= TARGET_MB_PER_SECOND;
    System.out.printf(
        Locale.ROOT, "target %.0f MB/s: %s%n", TARGET_MB_PER_SECOND, ok ? "met" : "NOT met");
    return ok ? 0 : 1;
  }

  /** Whole passes over the texts until {@code seconds} have elapsed (at least one pass). */
  private static Run measure(
      ArticleStatsCalculator calculator, List<String> texts, long bytesPerPass, double seconds) {
    Run run = new Run();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    do {
      for (String text : texts) {
        TextProfile p = calculator.profile(text);
        run.words += p.stats().getWordCount();
        // feeds the result into a printed value so the JIT cannot drop the work
        run.checksum +=
            p.termCounts().size() + p.bigramCounts().size() + p.stats().getSentenceCount();
      }
      run.passes++;
      run.articles += texts.size();
      run.bytes += bytesPerPass;
    } while (System.nanoTime() < deadline);
    run.seconds = (System.nanoTime() - start) / 1e9;
    run.cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    return run;
  }

  private static List<String> readTexts(Path path) throws Exception {
    if (!path.toString().endsWith(".jsonl")) {
      return List.of(Files.readString(path));
    }
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    try (BufferedReader lines = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          JsonNode text = json.readTree(line).get("text");
          if (text != null && text.isTextual()) {
            texts.add(text.asText());
          }
        }
      }
    }
    return texts;
  }

  private static final class Run {
    long passes;
    long articles;
    long bytes;
    long words;
    long checksum;
    double seconds;
    double cpuSeconds;

    double mbPerSecond() {
      return bytes / 1e6 / seconds;
    }

    /** Per second of this thread's CPU time: one core's throughput even on a busy machine. */
    double mbPerCpuSecond() {
      return bytes / 1e6 / cpuSeconds;
    }
  }
}
