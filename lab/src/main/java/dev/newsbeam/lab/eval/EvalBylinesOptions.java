package dev.newsbeam.lab.eval;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of {@code eval-bylines}. */
public interface EvalBylinesOptions extends BylineSetOptions {
  @Description("Corpus bylines printed with their parse, spread over the corpus.")
  @Default.Integer(30)
  int getSample();

  void setSample(int value);
}
