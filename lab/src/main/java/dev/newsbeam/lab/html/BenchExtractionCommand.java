package dev.newsbeam.lab.html;

import dev.newsbeam.html.ArticleExtractor;
import dev.newsbeam.html.ExtractedPage;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import dev.newsbeam.language.LanguageIdentifier;
import dev.newsbeam.language.LanguageSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToLongFunction;

/**
 * {@code ./newsbeam-lab bench-extraction [--pages=DIR] [--warmupSeconds=S] [--seconds=S]} ({@link
 * BenchExtractionOptions}): on one thread, cycles the pages through {@link ArticleExtractor}
 * (decode, parse, metadata, body) and prints pages and MB of HTML per CPU-second; then cycles the
 * extracted bodies through {@link LanguageIdentifier} (the product's mode and candidates) and
 * prints articles and MB of text per CPU-second.
 */
public final class BenchExtractionCommand {
  static final String USAGE =
      "Usage: ./newsbeam-lab bench-extraction [--pages=DIR] [--warmupSeconds=S] [--seconds=S]";

  private BenchExtractionCommand() {}

  /** Operations and CPU time of one measured loop. */
  record Measurement(long operations, long bytes, long cpuNanos) {
    double perSecond() {
      return operations / (cpuNanos / 1e9);
    }

    double mbPerSecond() {
      return bytes / 1e6 / (cpuNanos / 1e9);
    }
  }

  public static int run(String[] args) throws Exception {
    if (LabCli.help(args, System.out, USAGE, BenchExtractionOptions.class)) {
      return 0;
    }
    BenchExtractionOptions options = LabCli.parse(args, BenchExtractionOptions.class);
    Path dir = LabPaths.resolve(options.getPages());
    if (!Files.isDirectory(dir)) {
      System.err.println("bench-extraction: no such folder " + dir.toAbsolutePath());
      return 2;
    }
    ExtractionSet set = ExtractionSet.read(dir);
    ArticleExtractor extractor = new ArticleExtractor();
    List<byte[]> pages = set.pages().stream().map(ExtractionSet.Page::html).toList();
    List<String> bodies = new ArrayList<>();
    List<String> hints = new ArrayList<>();
    for (byte[] html : pages) {
      ExtractedPage page = extractor.extract(html, html.length, null, null);
      if (page.kind() == ExtractedPage.Kind.ARTICLE) {
        bodies.add(page.body());
        hints.add(page.metadata().lang());
      }
    }
    Measurement extraction =
        measure(
            i -> {
              byte[] html = pages.get(i % pages.size());
              extractor.extract(html, html.length, null, null);
              return html.length;
            },
            options.getWarmupSeconds(),
            options.getSeconds());
    System.out.printf(
        Locale.ROOT,
        "bench-extraction: %d pages cycled, %,d extractions in %.2f CPU-s on one thread%n",
        pages.size(),
        extraction.operations(),
        extraction.cpuNanos() / 1e9);
    System.out.printf(
        Locale.ROOT,
        "  extraction: %,.0f pages/s, %.2f MB/s of HTML per core%n",
        extraction.perSecond(),
        extraction.mbPerSecond());

    long load = System.nanoTime();
    LanguageIdentifier languages =
        LanguageIdentifier.shared(LanguageSettings.defaults().candidates());
    double loadSeconds = (System.nanoTime() - load) / 1e9;
    Measurement language =
        measure(
            i -> {
              String body = bodies.get(i % bodies.size());
              languages.identify(body, hints.get(i % bodies.size()));
              return Math.min(body.length(), LanguageIdentifier.SAMPLE_CHARS);
            },
            options.getWarmupSeconds(),
            options.getSeconds());
    System.out.printf(
        Locale.ROOT,
        "  language (Lingua low accuracy, %d candidates, models loaded in %.1f s): %,.0f articles/s,"
            + " %.2f MB/s of sampled text per core%n",
        languages.candidates().size(),
        loadSeconds,
        language.perSecond(),
        language.mbPerSecond());
    return 0;
  }

  /**
   * Runs {@code op(i)} (returning the bytes it handled) for a warm-up, then for a measured time.
   */
  static Measurement measure(IntToLongFunction op, double warmupSeconds, double seconds) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long until = System.nanoTime() + (long) (warmupSeconds * 1e9);
    int i = 0;
    long warm = 0;
    while (System.nanoTime() < until) {
      warm += op.applyAsLong(i++);
    }
    long cpu0 = mx.getCurrentThreadCpuTime();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long ops = 0;
    long bytes = 0;
    while (System.nanoTime() < end) {
      bytes += op.applyAsLong(i++);
      ops++;
    }
    long cpu = mx.getCurrentThreadCpuTime() - cpu0;
    return new Measurement(ops, bytes + (warm < 0 ? 1 : 0), cpu);
  }
}
