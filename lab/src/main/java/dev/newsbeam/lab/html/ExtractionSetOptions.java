package dev.newsbeam.lab.html;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Which pages with expected extractions a command reads. */
public interface ExtractionSetOptions extends PipelineOptions {
  @Description(
      "Folder of NAME.html pages, each with NAME.expected.json (default: the product's fixtures).")
  @Default.String(ExtractionSet.FIXTURES)
  String getPages();

  void setPages(String value);
}
