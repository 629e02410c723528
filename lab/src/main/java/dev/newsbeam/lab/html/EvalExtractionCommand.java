package dev.newsbeam.lab.html;

import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ./newsbeam-lab eval-extraction [--pages=DIR] [--extractors=newsbeam,readability4j]}
 * ({@link EvalExtractionOptions}): scores article extraction on pages with expected extractions
 * ({@link ExtractionEvaluation}): body shingle precision, recall and F1, title, date, author and
 * language accuracy, article/non-article accuracy; per extractor, with per-page lines.
 */
public final class EvalExtractionCommand {
  static final String USAGE =
      "Usage: ./newsbeam-lab eval-extraction [--pages=DIR] [--extractors=newsbeam,readability4j]";

  private EvalExtractionCommand() {}

  public static int run(String[] args) throws Exception {
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (LabCli.help(args, out, USAGE, EvalExtractionOptions.class)) {
      return 0;
    }
    EvalExtractionOptions options = LabCli.parse(args, EvalExtractionOptions.class);
    Path dir = LabPaths.resolve(options.getPages());
    if (!Files.isDirectory(dir)) {
      err.println("eval-extraction: no such folder " + dir.toAbsolutePath());
      return 2;
    }
    ExtractionSet set = ExtractionSet.read(dir);
    out.printf(
        Locale.ROOT,
        "eval-extraction: %d pages (%,d bytes of HTML) in %s%n",
        set.pages().size(),
        set.htmlBytes(),
        dir);
    for (String name : options.getExtractors().split(",")) {
      Extractors.Extractor extractor =
          switch (name.strip()) {
            case "newsbeam" -> Extractors.newsbeam();
            case "readability4j" -> Extractors.readability4j();
            default ->
                throw new IllegalArgumentException(
                    "--extractors takes newsbeam and readability4j, not " + name);
          };
      ExtractionEvaluation.Summary s;
      try {
        s = ExtractionEvaluation.evaluate(set, extractor);
      } catch (LinkageError e) {
        // a library built against another jsoup than the product's
        out.printf("  %-14s cannot run here: %s%n", name.strip(), e);
        continue;
      }
      print(name.strip(), s, options.getPerPage(), out);
    }
    return 0;
  }

  static void print(String name, ExtractionEvaluation.Summary s, boolean perPage, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "  %-14s body P %.3f R %.3f F1 %.3f | title %.2f date %.2f authors %.2f language %.2f"
            + " | kind %.2f (%d articles of %d pages)%n",
        name,
        s.precision(),
        s.recall(),
        s.f1(),
        s.titleAccuracy(),
        s.dateAccuracy(),
        s.authorAccuracy(),
        s.languageAccuracy(),
        s.kindAccuracy(),
        s.articles(),
        s.pages());
    if (!perPage) {
      return;
    }
    for (ExtractionEvaluation.PageScore p : s.perPage()) {
      if (p.body() == null) {
        out.printf(Locale.ROOT, "    %-26s kind %s%n", p.name(), p.kindRight() ? "ok" : "WRONG");
        continue;
      }
      out.printf(
          Locale.ROOT,
          "    %-26s F1 %.3f (P %.3f R %.3f) title %s date %s authors %s language %s%s%n",
          p.name(),
          p.body().f1(),
          p.body().precision(),
          p.body().recall(),
          ok(p.titleRight()),
          ok(p.dateRight()),
          ok(p.authorsRight()),
          p.language(),
          p.kindRight() ? "" : " kind WRONG");
    }
  }

  private static String ok(boolean right) {
    return right ? "ok" : "--";
  }
}
