package dev.newsbeam.topics;

import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.schema.TopicModelLabel;
import java.util.ArrayList;
import java.util.List;

/** Turns the final fits, tuned thresholds and the vocabulary into the Avro {@link TopicModel}. */
public final class TopicModelBuilder {
  private TopicModelBuilder() {}

  public static final String ALGORITHM = "ovr-logistic-lbfgs";

  /**
   * @param finals the final fit of every label, in label order
   * @param tuned thresholds on the margin, as {@link ThresholdTuner} chose them
   */
  public static TopicModel build(
      Vocabulary vocab,
      List<LabelFit> finals,
      ThresholdTuner.Result tuned,
      TrainSettings settings,
      String createdAt) {
    int dim = vocab.terms.size();
    List<TopicModelLabel> labels = new ArrayList<>(vocab.labels.size());
    int iterations = 0;
    double loss = 0;
    for (int l = 0; l < vocab.labels.size(); l++) {
      LabelFit fit = finals.get(l);
      if (fit.label() != l || !fit.isFinal()) {
        throw new IllegalArgumentException("final fits must come one per label in label order");
      }
      List<Float> w = new ArrayList<>(dim);
      for (int j = 0; j < dim; j++) {
        w.add(fit.weights()[j]);
      }
      iterations = Math.max(iterations, fit.iterations());
      loss += fit.logLoss();
      labels.add(
          TopicModelLabel.newBuilder()
              .setLabel(vocab.labels.get(l))
              .setBias(fit.bias())
              .setWeights(w)
              .setThreshold(BinaryLogistic.sigmoid(tuned.thresholds()[l]))
              .setTrainPositives(vocab.labelCounts[l])
              .setHeldoutPositives(vocab.labelCounts[l])
              .setHeldoutF1(tuned.f1()[l])
              .build());
    }
    List<Float> idf = new ArrayList<>(vocab.idf.length);
    for (float f : vocab.idf) {
      idf.add(f);
    }
    long docs = vocab.docs;
    return TopicModel.newBuilder()
        .setFormatVersion(TopicClassifier.FORMAT_VERSION)
        .setAlgorithm(ALGORITHM)
        .setStemming(
            settings.stemming().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .setTitleWeight(settings.titleWeight())
        .setVocabulary(new ArrayList<>(vocab.terms))
        .setIdf(idf)
        .setLabels(labels)
        .setTrainingArticles(docs)
        .setHeldoutArticles(docs)
        .setPasses(iterations)
        .setL2(docs == 0 ? 0 : 1.0 / (settings.c() * docs))
        .setMinDf(settings.minDf())
        .setFinalLoss(docs == 0 || labels.isEmpty() ? 0 : loss / docs / labels.size())
        .setCreatedAt(createdAt)
        .setC(settings.c())
        .setFolds(settings.folds())
        .setFallbackMargin(tuned.fallbackMargin())
        .build();
  }
}
