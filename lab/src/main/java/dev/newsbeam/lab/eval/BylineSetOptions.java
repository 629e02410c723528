package dev.newsbeam.lab.eval;

import dev.newsbeam.lab.LabPaths;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The bylines that eval-bylines scores and bench-bylines parses. */
public interface BylineSetOptions extends PipelineOptions {
  @Description(
      "Hand-labelled byline and credit-line dev set (JSONL); a relative path is also looked for "
          + "above the working directory.")
  @Default.String(LabPaths.BYLINES_DEV)
  String getDev();

  void setDev(String value);

  @Description(
      "News corpus (JSONL) whose 'byline' fields are parsed: the Reuters training split, or "
          + "another corpus in its format.")
  @Default.String(LabPaths.REUTERS_TRAIN)
  String getReuters();

  void setReuters(String value);
}
