package dev.newsbeam.lab.eval;

import dev.newsbeam.lab.WorkOptions;
import dev.newsbeam.lab.corpus.GenerateOptions;
import dev.newsbeam.pipeline.NewsbeamOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code eval-daily}: the corpus to generate or read ({@link GenerateOptions}), how many
 * day batches to cut it into, and the pipeline's own options ({@link NewsbeamOptions}: dedup
 * settings, runner), passed to every run.
 */
public interface EvalDailyOptions extends GenerateOptions, WorkOptions, NewsbeamOptions {
  @Description(
      "Day batches: the corpus's publication dates in order, cut into this many runs of about "
          + "equal size; each run gets --previous = every earlier run's output.")
  @Default.Integer(5)
  int getBatches();

  void setBatches(int value);
}
