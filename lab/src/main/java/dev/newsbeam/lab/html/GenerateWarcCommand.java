package dev.newsbeam.lab.html;

import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ./newsbeam-lab generate-warc --warc=FILE.warc.gz [--captures=N] [--pages=DIR]} ({@link
 * GenerateWarcOptions}): composes a crawl-like WARC from the fixture pages ({@link WarcComposer})
 * for throughput runs of the pipeline on WARC input.
 */
public final class GenerateWarcCommand {
  static final String USAGE =
      "Usage: ./newsbeam-lab generate-warc --warc=FILE.warc.gz [--captures=N] [--pages=DIR]";

  private GenerateWarcCommand() {}

  public static int run(String[] args) throws Exception {
    if (LabCli.help(args, System.out, USAGE, GenerateWarcOptions.class)) {
      return 0;
    }
    GenerateWarcOptions options = LabCli.parse(args, GenerateWarcOptions.class);
    Path dir = LabPaths.resolve(options.getPages());
    ExtractionSet set = ExtractionSet.read(dir);
    Path out = Path.of(options.getWarc());
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    WarcComposer.Composed c =
        WarcComposer.write(
            set.pages().stream().map(ExtractionSet.Page::html).toList(),
            options.getCaptures(),
            out);
    System.out.printf(
        Locale.ROOT,
        "generate-warc: %s: %,d records (%,d responses, %,d of them HTML), %,d bytes%n",
        out,
        c.records(),
        c.responses(),
        c.htmlResponses(),
        c.bytes());
    return 0;
  }
}
