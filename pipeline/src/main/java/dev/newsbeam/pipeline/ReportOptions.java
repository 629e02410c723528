package dev.newsbeam.pipeline;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@code ./newsbeam report}: the output folder of a finished run. */
public interface ReportOptions extends PipelineOptions {
  @Description(
      "Output directory of a finished run (where its manifest.json is); report.html is written "
          + "there.")
  String getOutput();

  void setOutput(String value);
}
