package dev.newsbeam.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Options of {@code ./newsbeam report}: the output folder of a finished run, by default the one a
 * run without --output writes (Beam requires the same default wherever a property is declared).
 */
public interface ReportOptions extends PipelineOptions {
  @Description(
      "Output directory of a finished run (where its manifest.json is); report.html is written "
          + "there.")
  @Default.String(OutputOptions.DEFAULT_OUTPUT)
  String getOutput();

  void setOutput(String value);
}
