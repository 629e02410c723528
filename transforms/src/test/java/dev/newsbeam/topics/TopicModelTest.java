package dev.newsbeam.topics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Topic;
import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure-core tests of training arithmetic, threshold tuning and the model's Avro form. */
class TopicModelTest {

  /** Trains in memory exactly what the Beam transform does in combiners. */
  static TopicModel trainInMemory(List<Article> articles, TrainSettings s) {
    NewsAnalyzer analyzer = new NewsAnalyzer(s.stemming());
    Vocabulary.Counts counts = new Vocabulary.Counts();
    List<LabelledTerms> docs = articles.stream()
        .map(a -> new LabelledTerms(a.getId(),
            Features.termCounts(analyzer, a.getTitle(), a.getText(), s.titleWeight()),
            a.getLabels(), s.isHeldOut(a.getId())))
        .toList();
    docs.forEach(counts::add);
    Vocabulary vocab = Vocabulary.of(counts, s.minDf());
    List<SparseDoc> vectors = docs.stream().map(vocab::vector).toList();
    LogisticTrainer.State state = LogisticTrainer.State.initial(vocab.terms.size(), vocab.fitLabelCounts, vocab.fitDocs);
    for (int p = 0; p < s.params().passes(); p++) {
      LogisticTrainer.Gradient g = new LogisticTrainer.Gradient(state.weights.length);
      for (SparseDoc d : vectors) {
        if (!d.heldOut()) {
          LogisticTrainer.addGradient(g, d, state);
        }
      }
      state = state.step(g, s.params());
    }
    ThresholdTuner tuner = new ThresholdTuner(vocab.labels.size());
    for (SparseDoc d : vectors) {
      if (d.heldOut()) {
        for (int l = 0; l < vocab.labels.size(); l++) {
          tuner.add(l, LogisticTrainer.sigmoid(LogisticTrainer.margin(state.weights, state.dim, l, d)), d.hasLabel(l));
        }
      }
    }
    return TopicModelBuilder.build(vocab, state, tuner, s, "2024-01-01T00:00:00Z");
  }

  static TrainSettings small() {
    return TrainSettings.defaults().withPasses(15).withHeldOutPercent(25);
  }

  @Test
  void lossFallsPassByPass() {
    TrainSettings s = small();
    NewsAnalyzer analyzer = NewsAnalyzer.defaults();
    Vocabulary.Counts counts = new Vocabulary.Counts();
    List<LabelledTerms> docs = Synthetic.corpus(60, 1).stream()
        .map(a -> new LabelledTerms(a.getId(), Features.termCounts(analyzer, a.getTitle(), a.getText(), 1), a.getLabels(), false))
        .toList();
    docs.forEach(counts::add);
    Vocabulary vocab = Vocabulary.of(counts, 2);
    List<SparseDoc> vectors = docs.stream().map(vocab::vector).toList();
    LogisticTrainer.State state = LogisticTrainer.State.initial(vocab.terms.size(), vocab.fitLabelCounts, vocab.fitDocs);
    double first = Double.NaN;
    double previous = Double.NaN;
    for (int p = 0; p < 10; p++) {
      LogisticTrainer.Gradient g = new LogisticTrainer.Gradient(state.weights.length);
      for (SparseDoc d : vectors) {
        LogisticTrainer.addGradient(g, d, state);
      }
      double loss = g.loss / g.docs;
      if (p == 0) {
        first = loss;
      }
      previous = loss;
      state = state.step(g, s.params());
    }
    // heavy-ball momentum need not fall every pass, but ten passes must cut the loss by far
    assertThat(previous, lessThan(first / 5));
  }

  @Test
  void trainedModelTagsUnseenArticlesWithEvidence() {
    TopicModel model = trainInMemory(Synthetic.corpus(90, 2), small());
    assertThat(model.getLabels().stream().map(l -> l.getLabel()).toList(), contains("acq", "grain", "running"));
    TopicClassifier c = new TopicClassifier(model);
    assertThat(c.predict("Farm news", "Farmers expect a record wheat harvest after good rainfall, officials said."),
        contains("grain"));
    assertThat(c.predict("Deal", "The board backed the takeover bid and shareholders accepted the offer."),
        contains("acq"));
    List<Topic> tags = c.tag("Race", "The athlete won the marathon medal in the stadium.");
    assertThat(tags.stream().map(Topic::getCode).toList(), contains("running"));
    for (Topic t : tags) {
      assertThat(t.getSource(), is("model"));
      assertThat(t.getLabel(), is(t.getCode()));
      assertThat(t.getEvidence(), not(empty()));
      assertThat(t.getEvidence(), everyItem(matchesPattern(".+×[1-9][0-9]*")));
    }
    assertThat(tags.get(0).getEvidence(), hasItem(matchesPattern("(marathon|medal|athlet|stadium)×1")));
  }

  @Test
  void modelSurvivesAvroRoundTrip() throws Exception {
    TopicModel model = trainInMemory(Synthetic.corpus(45, 3), small());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TopicClassifier.write(model, bytes);
    TopicModel back = TopicClassifier.read(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(back, is(model));
    assertThat(back.getVocabulary().size(), greaterThan(10));
    String text = "Shareholders approved the merger and the board sold its stake.";
    double[] p1 = new TopicClassifier(model).probabilities(new TopicClassifier(model).features("x", text));
    double[] p2 = new TopicClassifier(back).probabilities(new TopicClassifier(back).features("x", text));
    for (int i = 0; i < p1.length; i++) {
      assertThat(p2[i], closeTo(p1[i], 1e-12));
    }
  }

  @Test
  void thresholdSitsBetweenSeparatedScores() {
    ThresholdTuner t = new ThresholdTuner(2);
    for (double p : new double[] {0.7, 0.8, 0.9, 0.75}) {
      t.add(0, p, true);
    }
    for (double p : new double[] {0.1, 0.2, 0.3, 0.05}) {
      t.add(0, p, false);
    }
    t.add(1, 0.9, true); // too few positives: falls back to the global threshold
    ThresholdTuner.Result r = t.tune(3);
    assertThat(r.thresholds()[0], greaterThan(0.3));
    assertThat(r.thresholds()[0], lessThan(0.7));
    assertThat(r.f1()[0], closeTo(1.0, 1e-9));
    assertThat(r.thresholds()[1], is(r.global()));
  }

  @Test
  void gradientCoderKeepsEveryNonZeroEntry() throws Exception {
    LogisticTrainer.Gradient g = new LogisticTrainer.Gradient(10);
    g.sum[0] = 1.5;
    g.sum[7] = -2.25e-9;
    g.energy = new double[] {0, 3, 0};
    g.docs = 4;
    g.loss = 0.75;
    LogisticTrainer.Gradient back = org.apache.beam.sdk.util.CoderUtils.decodeFromByteArray(
        GradientCoder.of(), org.apache.beam.sdk.util.CoderUtils.encodeToByteArray(GradientCoder.of(), g));
    assertThat(java.util.Arrays.equals(back.sum, g.sum), is(true));
    assertThat(java.util.Arrays.equals(back.energy, g.energy), is(true));
    assertThat(back.docs, is(4L));
    assertThat(back.loss, is(0.75));
  }

  @Test
  void microAndMacroF1() {
    F1Scores f = new F1Scores();
    f.add(List.of("a"), List.of("a"));
    f.add(List.of("a", "b"), List.of("a"));
    f.add(List.of("b"), List.of("c"));
    // a: tp2; b: fn2; c: fp1 -> micro = 4 / (4 + 1 + 2)
    assertThat(f.micro(java.util.Set.of("a", "b", "c")), closeTo(4.0 / 7.0, 1e-12));
    assertThat(f.macro(java.util.Set.of("a", "b", "c")), closeTo(1.0 / 3.0, 1e-12));
  }
}
