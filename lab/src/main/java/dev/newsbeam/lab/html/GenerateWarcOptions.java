package dev.newsbeam.lab.html;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code generate-warc}. */
public interface GenerateWarcOptions extends ExtractionSetOptions {
  @Description("HTML captures to write (each with its request; revisits, PDFs, metadata added).")
  @Default.Integer(5000)
  int getCaptures();

  void setCaptures(int value);

  @Description("The WARC.gz file to write (keep it out of git, e.g. under target/).")
  @Validation.Required
  String getWarc();

  void setWarc(String value);
}
