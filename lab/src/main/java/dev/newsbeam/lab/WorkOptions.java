package dev.newsbeam.lab;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The lab's scratch directory, shared by the commands that generate, run and train. */
public interface WorkOptions extends PipelineOptions {
  @Description(
      "Working directory: generated corpora (corpus-N-SEED/, reused by bench), run outputs, logs, "
          + "bench's results.jsonl, and eval-topics' trained models.")
  @Default.String("target/lab")
  String getWork();

  void setWork(String value);
}
