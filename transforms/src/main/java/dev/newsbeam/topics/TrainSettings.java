package dev.newsbeam.topics;

import dev.newsbeam.text.NewsAnalyzer;
import java.io.Serializable;

/**
 * Settings of {@code train-topics}: optimiser parameters, vocabulary cut-off, share of articles held
 * out for threshold tuning, and how articles are analysed.
 */
public record TrainSettings(LogisticTrainer.Params params, int minDf, int heldOutPercent,
    int titleWeight, NewsAnalyzer.Stemming stemming) implements Serializable {

  public static TrainSettings defaults() {
    return new TrainSettings(LogisticTrainer.Params.defaults(), 2, 15, 1, NewsAnalyzer.Stemming.PORTER);
  }

  public TrainSettings withPasses(int passes) {
    return new TrainSettings(new LogisticTrainer.Params(passes, params.learningRate(), params.l2(),
        params.optimizer()), minDf, heldOutPercent, titleWeight, stemming);
  }

  public TrainSettings withParams(LogisticTrainer.Params p) {
    return new TrainSettings(p, minDf, heldOutPercent, titleWeight, stemming);
  }

  public TrainSettings withMinDf(int df) {
    return new TrainSettings(params, df, heldOutPercent, titleWeight, stemming);
  }

  public TrainSettings withHeldOutPercent(int pct) {
    return new TrainSettings(params, minDf, pct, titleWeight, stemming);
  }

  /** Deterministic fold assignment, the same on every runner and every run. */
  public boolean isHeldOut(String articleId) {
    return Math.floorMod(articleId.hashCode() * 0x9E3779B1, 100) < heldOutPercent;
  }
}
