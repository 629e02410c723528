package dev.newsbeam.topics;

import java.io.Serializable;

/**
 * The result of fitting one label on the articles outside one cross-validation fold ({@code fold} ≥
 * 0: the margins of that fold's articles, the weights are dropped) or on all articles ({@code fold}
 * = -1: the final weights).
 *
 * @param rows training-set rows of the fold scored out of fold (empty for the final fit)
 * @param margins their margins {@code w·x + b}
 * @param logLoss summed log-loss over all rows of the final fit (0 for fold fits)
 */
public record LabelFit(
    int label,
    int fold,
    float[] weights,
    double bias,
    int iterations,
    int[] rows,
    double[] margins,
    double logLoss)
    implements Serializable {

  public boolean isFinal() {
    return fold < 0;
  }
}
