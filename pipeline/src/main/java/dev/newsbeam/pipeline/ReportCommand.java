package dev.newsbeam.pipeline;

import dev.newsbeam.pipeline.report.ReportSettings;
import dev.newsbeam.pipeline.report.RunReport;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code ./newsbeam report --output=DIR}: (re)writes {@code DIR/report.html} from a finished run's
 * outputs; every run also writes it at its end. No pipeline runs: the outputs are read directly, on
 * any filesystem Beam knows.
 */
public final class ReportCommand {
  private ReportCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    PipelineOptionsFactory.register(ReportOptions.class);
    if (Arrays.asList(args).contains("--help")) {
      out.println("Usage: ./newsbeam report --output=DIR");
      out.println();
      out.println(
          "Writes DIR/report.html, one self-contained page (inline SVG charts, no network): input");
      out.println(
          "accounting and error excerpts, duplicate clusters, topics per day, top and key terms,");
      out.println("byline coverage, word-count and reading-time histograms.");
      out.println();
      PipelineOptionsFactory.printHelp(out, ReportOptions.class);
      return 0;
    }
    ReportOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(ReportOptions.class);
    } catch (IllegalArgumentException e) {
      err.println("newsbeam report: " + Main.usageMessage(e));
      return 2;
    }
    FileSystems.setDefaultPipelineOptions(options);
    try {
      out.println(
          "newsbeam report: wrote "
              + RunReport.write(options.getOutput(), ReportSettings.DEFAULTS));
      return 0;
    } catch (IOException e) {
      err.println(
          "newsbeam report: cannot report on "
              + options.getOutput()
              + " (is it a finished run's output, with manifest.json?): "
              + e.getMessage());
      return 1;
    }
  }
}
