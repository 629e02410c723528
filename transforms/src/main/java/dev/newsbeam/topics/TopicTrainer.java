package dev.newsbeam.topics;

import java.util.ArrayList;
import java.util.List;

/**
 * The training recipe of {@link TrainTopicModel} as pure functions, so the Beam graph and an
 * in-memory run compute the same model: one {@link BinaryLogistic} fit per label and
 * cross-validation fold (for out-of-fold margins) plus one per label on all articles (the final
 * weights), then {@link ThresholdTuner} on the out-of-fold margins.
 */
public final class TopicTrainer {
  private TopicTrainer() {}

  /** Held-out positives below which a label takes the global threshold. */
  public static final int MIN_POSITIVES = 3;

  /**
   * One job per label and fold: folds {@code 0 .. folds-1} for tuning, -1 for the final weights.
   */
  public static List<int[]> jobs(int labels, int folds) {
    List<int[]> out = new ArrayList<>();
    for (int l = 0; l < labels; l++) {
      for (int f = -1; f < folds; f++) {
        out.add(new int[] {l, f});
      }
    }
    return out;
  }

  /** Fits {@code label} without fold {@code fold} (-1: on all rows). */
  public static LabelFit fit(TrainingSet data, int label, int fold, TrainSettings s) {
    BinaryLogistic.Fit fit =
        BinaryLogistic.fit(
            data, label, fold, s.c(), s.positiveWeight(), s.maxIterations(), s.tolerance());
    if (fold < 0) {
      double loss = 0;
      for (int i = 0; i < data.size(); i++) {
        double z = data.margin(i, fit.weights(), fit.bias());
        double yz = data.hasLabel(i, label) ? z : -z;
        loss += yz > 0 ? Math.log1p(Math.exp(-yz)) : -yz + Math.log1p(Math.exp(yz));
      }
      return new LabelFit(
          label,
          fold,
          fit.weights(),
          fit.bias(),
          fit.iterations(),
          new int[0],
          new double[0],
          loss);
    }
    int n = 0;
    for (int i = 0; i < data.size(); i++) {
      n += data.fold(i) == fold ? 1 : 0;
    }
    int[] rows = new int[n];
    double[] margins = new double[n];
    int k = 0;
    for (int i = 0; i < data.size(); i++) {
      if (data.fold(i) == fold) {
        rows[k] = i;
        margins[k++] = data.margin(i, fit.weights(), fit.bias());
      }
    }
    return new LabelFit(label, fold, null, fit.bias(), fit.iterations(), rows, margins, 0);
  }

  /** Thresholds from the fold fits (final fits in {@code fits} are ignored). */
  public static ThresholdTuner.Result tune(TrainingSet data, Iterable<LabelFit> fits) {
    double[][] margins = new double[data.labels][data.size()];
    boolean[][] gold = new boolean[data.labels][data.size()];
    for (LabelFit f : fits) {
      if (f.isFinal()) {
        continue;
      }
      for (int k = 0; k < f.rows().length; k++) {
        margins[f.label()][f.rows()[k]] = f.margins()[k];
      }
    }
    for (int l = 0; l < data.labels; l++) {
      for (int i = 0; i < data.size(); i++) {
        gold[l][i] = data.hasLabel(i, l);
      }
    }
    return ThresholdTuner.tune(margins, gold, MIN_POSITIVES);
  }
}
