package dev.newsbeam.lab.html;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of {@code eval-extraction}. */
public interface EvalExtractionOptions extends ExtractionSetOptions {
  @Description("Extractors to score, comma-separated: newsbeam, readability4j.")
  @Default.String("newsbeam,readability4j")
  String getExtractors();

  void setExtractors(String value);

  @Description("Print one line per page too.")
  @Default.Boolean(true)
  boolean getPerPage();

  void setPerPage(boolean value);
}
