package dev.newsbeam.pipeline.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;

/**
 * {@code <output>/report.html}: reads a finished run's output folder and writes its report next to
 * {@code manifest.json}.
 *
 * <pre>{@code
 * String page = RunReport.write("gs://bucket/out", ReportSettings.DEFAULTS);
 * }</pre>
 */
public final class RunReport {
  public static final String FILE = "report.html";

  private RunReport() {}

  /** Writes the report of the run in {@code root} and returns the page's path. */
  public static String write(String root, ReportSettings settings) throws IOException {
    String dir = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    String page = ReportPage.render(new ReportReader(dir, settings).read());
    String path = dir + "/" + FILE;
    try (OutputStream os =
        Channels.newOutputStream(
            FileSystems.create(FileSystems.matchNewResource(path, false), "text/html"))) {
      os.write(page.getBytes(StandardCharsets.UTF_8));
    }
    return path;
  }
}
