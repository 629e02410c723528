package dev.newsbeam.topics;

import dev.newsbeam.text.NewsAnalyzer;
import java.io.Serializable;

/**
 * Settings of {@code train-topics}: the solver ({@code c}: inverse L2 strength as in LIBLINEAR,
 * {@code positiveWeight}: cost of a missed positive relative to a false one, iteration cap and
 * relative gradient tolerance), the number of cross-validation folds that tune thresholds, the
 * vocabulary cut-off and how articles are analysed.
 */
public record TrainSettings(
    double c,
    double positiveWeight,
    int maxIterations,
    double tolerance,
    int folds,
    int minDf,
    int titleWeight,
    NewsAnalyzer.Stemming stemming)
    implements Serializable {

  public TrainSettings {
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be at least 2, not " + folds);
    }
    if (c <= 0 || positiveWeight <= 0) {
      throw new IllegalArgumentException("c and positiveWeight must be positive");
    }
  }

  public static final double DEFAULT_C = 50;
  public static final double DEFAULT_POSITIVE_WEIGHT = 1;
  public static final int DEFAULT_MAX_ITERATIONS = 300;
  public static final double DEFAULT_TOLERANCE = 1e-4;
  public static final int DEFAULT_FOLDS = 5;
  public static final int DEFAULT_TITLE_WEIGHT = 3;

  /** The defaults; the analysis ({@code --stem}, {@code --minDf}) is the analyzer's default. */
  public static TrainSettings defaults() {
    return new TrainSettings(
        DEFAULT_C,
        DEFAULT_POSITIVE_WEIGHT,
        DEFAULT_MAX_ITERATIONS,
        DEFAULT_TOLERANCE,
        DEFAULT_FOLDS,
        NewsAnalyzer.DEFAULT_MIN_DF,
        DEFAULT_TITLE_WEIGHT,
        NewsAnalyzer.Stemming.valueOf(NewsAnalyzer.DEFAULT_STEMMING));
  }

  /** The settings {@code options} give (their defaults are this record's). */
  public static TrainSettings from(TrainOptions options) {
    return new TrainSettings(
        options.getC(),
        options.getPositiveWeight(),
        options.getMaxIterations(),
        options.getTolerance(),
        options.getFolds(),
        options.getMinDf(),
        options.getTitleWeight(),
        options.getStem());
  }

  public TrainSettings withC(double value) {
    return new TrainSettings(
        value, positiveWeight, maxIterations, tolerance, folds, minDf, titleWeight, stemming);
  }

  public TrainSettings withPositiveWeight(double value) {
    return new TrainSettings(
        c, value, maxIterations, tolerance, folds, minDf, titleWeight, stemming);
  }

  public TrainSettings withMaxIterations(int value) {
    return new TrainSettings(
        c, positiveWeight, value, tolerance, folds, minDf, titleWeight, stemming);
  }

  public TrainSettings withTolerance(double value) {
    return new TrainSettings(
        c, positiveWeight, maxIterations, value, folds, minDf, titleWeight, stemming);
  }

  public TrainSettings withFolds(int value) {
    return new TrainSettings(
        c, positiveWeight, maxIterations, tolerance, value, minDf, titleWeight, stemming);
  }

  public TrainSettings withMinDf(int value) {
    return new TrainSettings(
        c, positiveWeight, maxIterations, tolerance, folds, value, titleWeight, stemming);
  }

  public TrainSettings withTitleWeight(int value) {
    return new TrainSettings(
        c, positiveWeight, maxIterations, tolerance, folds, minDf, value, stemming);
  }

  public TrainSettings withStemming(NewsAnalyzer.Stemming value) {
    return new TrainSettings(
        c, positiveWeight, maxIterations, tolerance, folds, minDf, titleWeight, value);
  }

  /** Deterministic cross-validation fold of an article, the same on every runner and every run. */
  public int fold(String articleId) {
    return Math.floorMod(articleId.hashCode() * 0x9E3779B1, folds);
  }
}
