package dev.newsbeam.topics;

import dev.newsbeam.text.TermOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of topic-model training; {@link TrainSettings#from} reads them. */
public interface TrainOptions extends TermOptions {
  @Description(
      "Inverse L2 regularisation strength of each label's logistic regression (LIBLINEAR's C).")
  @Default.Double(TrainSettings.DEFAULT_C)
  double getC();

  void setC(double value);

  @Description("Cost of a missed positive relative to a false one, per label.")
  @Default.Double(TrainSettings.DEFAULT_POSITIVE_WEIGHT)
  double getPositiveWeight();

  void setPositiveWeight(double value);

  @Description("Iteration cap of the solver.")
  @Default.Integer(TrainSettings.DEFAULT_MAX_ITERATIONS)
  int getMaxIterations();

  void setMaxIterations(int value);

  @Description("Relative gradient tolerance at which the solver stops.")
  @Default.Double(TrainSettings.DEFAULT_TOLERANCE)
  double getTolerance();

  void setTolerance(double value);

  @Description("Cross-validation folds that tune each label's threshold.")
  @Default.Integer(TrainSettings.DEFAULT_FOLDS)
  int getFolds();

  void setFolds(int value);

  @Description("Title terms count this many extra times.")
  @Default.Integer(TrainSettings.DEFAULT_TITLE_WEIGHT)
  int getTitleWeight();

  void setTitleWeight(int value);
}
