package dev.newsbeam.topics;

import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.schema.TopicModelLabel;
import java.util.ArrayList;
import java.util.List;

/** Turns trained weights, tuned thresholds and the vocabulary into the Avro {@link TopicModel}. */
public final class TopicModelBuilder {
  private TopicModelBuilder() {}

  /** Held-out positives below which a label takes the global threshold. */
  public static final int MIN_HELDOUT_POSITIVES = 3;

  public static TopicModel build(Vocabulary vocab, LogisticTrainer.State state,
      ThresholdTuner tuner, TrainSettings settings, String createdAt) {
    ThresholdTuner.Result tuned = tuner == null ? null : tuner.tune(MIN_HELDOUT_POSITIVES);
    int dim = state.dim;
    List<TopicModelLabel> labels = new ArrayList<>(vocab.labels.size());
    for (int l = 0; l < vocab.labels.size(); l++) {
      List<Float> w = new ArrayList<>(dim);
      int base = l * (dim + 1);
      for (int j = 0; j < dim; j++) {
        w.add(state.weights[base + j]);
      }
      labels.add(TopicModelLabel.newBuilder()
          .setLabel(vocab.labels.get(l))
          .setBias(state.weights[base + dim])
          .setWeights(w)
          .setThreshold(tuned == null ? 0.5 : tuned.thresholds()[l])
          .setTrainPositives(vocab.fitLabelCounts[l])
          .setHeldoutPositives(vocab.heldOutLabelCounts[l])
          .setHeldoutF1(tuned == null ? 0.0 : tuned.f1()[l])
          .build());
    }
    List<Float> idf = new ArrayList<>(vocab.idf.length);
    for (float f : vocab.idf) {
      idf.add(f);
    }
    return TopicModel.newBuilder()
        .setFormatVersion(TopicClassifier.FORMAT_VERSION)
        .setAlgorithm("ovr-logistic-" + settings.params().optimizer())
        .setStemming(settings.stemming().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .setTitleWeight(settings.titleWeight())
        .setVocabulary(new ArrayList<>(vocab.terms))
        .setIdf(idf)
        .setLabels(labels)
        .setTrainingArticles(vocab.fitDocs)
        .setHeldoutArticles(vocab.heldOutDocs)
        .setPasses(state.steps())
        .setL2(settings.params().l2())
        .setMinDf(settings.minDf())
        .setFinalLoss(Double.isNaN(state.loss()) ? 0.0 : state.loss())
        .setCreatedAt(createdAt)
        .build();
  }
}
