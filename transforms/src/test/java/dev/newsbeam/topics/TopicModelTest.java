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

  /** Trains in memory exactly what the Beam transform does in its combiners and fit DoFn. */
  static TopicModel trainInMemory(List<Article> articles, TrainSettings s) {
    NewsAnalyzer analyzer = new NewsAnalyzer(s.stemming());
    Vocabulary.Counts counts = new Vocabulary.Counts();
    List<LabelledTerms> docs =
        articles.stream()
            .map(
                a ->
                    new LabelledTerms(
                        a.getId(),
                        Features.termCounts(analyzer, a.getTitle(), a.getText(), s.titleWeight()),
                        a.getLabels(),
                        s.fold(a.getId())))
            .toList();
    docs.forEach(counts::add);
    Vocabulary vocab = Vocabulary.of(counts, s.minDf());
    TrainingSet data =
        TrainingSet.of(
            docs.stream().map(vocab::vector).toList(),
            vocab.terms.size(),
            vocab.labels.size(),
            s.folds());
    List<LabelFit> fits =
        TopicTrainer.jobs(vocab.labels.size(), s.folds()).stream()
            .map(j -> TopicTrainer.fit(data, j[0], j[1], s))
            .toList();
    return TopicModelBuilder.build(
        vocab,
        fits.stream().filter(LabelFit::isFinal).toList(),
        TopicTrainer.tune(data, fits),
        s,
        "2024-01-01T00:00:00Z");
  }

  static TrainSettings small() {
    return TrainSettings.defaults().withFolds(3);
  }

  static TrainingSet trainingSet(List<Article> articles, TrainSettings s) {
    NewsAnalyzer analyzer = new NewsAnalyzer(s.stemming());
    Vocabulary.Counts counts = new Vocabulary.Counts();
    List<LabelledTerms> docs =
        articles.stream()
            .map(
                a ->
                    new LabelledTerms(
                        a.getId(),
                        Features.termCounts(analyzer, a.getTitle(), a.getText(), 1),
                        a.getLabels(),
                        s.fold(a.getId())))
            .toList();
    docs.forEach(counts::add);
    Vocabulary vocab = Vocabulary.of(counts, 2);
    return TrainingSet.of(
        docs.stream().map(vocab::vector).toList(),
        vocab.terms.size(),
        vocab.labels.size(),
        s.folds());
  }

  @Test
  void solverReachesTheOptimumOfTheRegularisedLogLoss() {
    TrainSettings s = small();
    TrainingSet data = trainingSet(Synthetic.corpus(60, 1), s);
    double c = 10;
    int label = 1;
    BinaryLogistic.Fit fit = BinaryLogistic.fit(data, label, -1, c, 1, 500, 1e-8);
    assertThat(fit.gradientRatio(), lessThan(1e-6));
    // at the optimum the gradient vanishes: check it independently of the solver's own bookkeeping
    double[] x = new double[data.dim + 1];
    for (int j = 0; j < data.dim; j++) {
      x[j] = fit.weights()[j];
    }
    x[data.dim] = fit.bias();
    double[] cost = new double[data.size()];
    for (int i = 0; i < data.size(); i++) {
      cost[i] = data.hasLabel(i, label) ? c : -c;
    }
    double[] grad = new double[x.length];
    double f = BinaryLogistic.evaluate(data, cost, x, grad);
    double norm = 0;
    for (double g : grad) {
      norm += g * g;
    }
    assertThat(Math.sqrt(norm), lessThan(1e-3));
    // and moving any weight a little makes the objective worse
    for (int j : new int[] {0, data.dim / 2, data.dim - 1, data.dim}) {
      for (double d : new double[] {-1e-2, 1e-2}) {
        double[] y = x.clone();
        y[j] += d;
        assertThat(BinaryLogistic.evaluate(data, cost, y, new double[x.length]), greaterThan(f));
      }
    }
    // the fit separates the label on its own training data
    for (int i = 0; i < data.size(); i++) {
      assertThat(data.margin(i, fit.weights(), fit.bias()) > 0, is(data.hasLabel(i, label)));
    }
  }

  @Test
  void foldFitsScoreOnlyTheirOwnFoldAndPositiveWeightRaisesMargins() {
    TrainSettings s = small();
    TrainingSet data = trainingSet(Synthetic.corpus(60, 4), s);
    LabelFit fold1 = TopicTrainer.fit(data, 0, 1, s);
    assertThat(fold1.isFinal(), is(false));
    assertThat(fold1.weights(), is((float[]) null));
    for (int row : fold1.rows()) {
      assertThat(data.fold(row), is(1));
    }
    long inFold =
        java.util.stream.IntStream.range(0, data.size()).filter(i -> data.fold(i) == 1).count();
    assertThat((long) fold1.rows().length, is(inFold));
    BinaryLogistic.Fit plain = BinaryLogistic.fit(data, 0, -1, 1, 1, 300, 1e-6);
    BinaryLogistic.Fit weighted = BinaryLogistic.fit(data, 0, -1, 1, 5, 300, 1e-6);
    assertThat(weighted.bias(), greaterThan(plain.bias()));
  }

  @Test
  void trainedModelTagsUnseenArticlesWithEvidence() {
    TopicModel model = trainInMemory(Synthetic.corpus(90, 2), small());
    assertThat(
        model.getLabels().stream().map(l -> l.getLabel()).toList(),
        contains("acq", "grain", "running"));
    TopicClassifier c = new TopicClassifier(model);
    assertThat(
        c.predict(
            "Farm news",
            "Farmers expect a record wheat harvest after good rainfall, officials said."),
        contains("grain"));
    assertThat(
        c.predict("Deal", "The board backed the takeover bid and shareholders accepted the offer."),
        contains("acq"));
    List<Topic> tags = c.tag("Race", "The athlete won the marathon medal in the stadium.");
    assertThat(tags.stream().map(Topic::getCode).toList(), contains("running"));
    for (Topic t : tags) {
      assertThat(t.getSource(), is("model"));
      assertThat(t.getLabel(), is(t.getCode()));
      assertThat(t.getEvidence(), not(empty()));
      assertThat(t.getEvidence(), everyItem(matchesPattern(".+×[1-9][0-9]*")));
    }
    assertThat(
        tags.get(0).getEvidence(), hasItem(matchesPattern("(marathon|medal|athlet|stadium)×1")));
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
    double[] p1 =
        new TopicClassifier(model).probabilities(new TopicClassifier(model).features("x", text));
    double[] p2 =
        new TopicClassifier(back).probabilities(new TopicClassifier(back).features("x", text));
    for (int i = 0; i < p1.length; i++) {
      assertThat(p2[i], closeTo(p1[i], 1e-12));
    }
  }

  @Test
  void classifierFallsBackToTheNearestLabelWithinTheModelsMargin() {
    TopicModel model = trainInMemory(Synthetic.corpus(90, 2), small());
    model.getLabels().forEach(l -> l.setThreshold(0.999999)); // nothing reaches these
    String title = "Farm news";
    String text = "Farmers expect a record wheat harvest after good rainfall, officials said.";
    model.setFallbackMargin(0.0);
    assertThat(new TopicClassifier(model).predict(title, text), empty());
    model.setFallbackMargin(50.0);
    List<Topic> tags = new TopicClassifier(model).tag(title, text);
    assertThat(tags.stream().map(Topic::getCode).toList(), contains("grain"));
    assertThat(
        tags.get(0).getEvidence(), hasItem(matchesPattern("(wheat|harvest|farmer|rainfal)×1")));
    assertThat(tags.get(0).getScore(), lessThan(0.999999));
    // switched off at apply time, the same model gives the same article nothing
    assertThat(new TopicClassifier(model, false).predict(title, text), empty());
    assertThat(new TopicClassifier(model, true).predict(title, text), contains("grain"));
  }

  @Test
  void modelOfTheOlderLayoutStillReadsAndTagsWithoutFallback() throws Exception {
    TopicModel model = trainInMemory(Synthetic.corpus(45, 3), small());
    // the layout before c, folds and fallback_margin: write with that schema, read with today's
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode schema =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.readTree(TopicModel.getClassSchema().toString());
    com.fasterxml.jackson.databind.node.ArrayNode fields =
        (com.fasterxml.jackson.databind.node.ArrayNode) schema.get("fields");
    for (int i = fields.size() - 1; i >= 0; i--) {
      if (List.of("c", "folds", "fallback_margin").contains(fields.get(i).get("name").asText())) {
        fields.remove(i);
      }
    }
    org.apache.avro.Schema old = new org.apache.avro.Schema.Parser().parse(schema.toString());
    org.apache.avro.generic.GenericData.Record record =
        new org.apache.avro.generic.GenericData.Record(old);
    for (org.apache.avro.Schema.Field f : old.getFields()) {
      record.put(
          f.name(),
          org.apache.avro.generic.GenericData.get().deepCopy(f.schema(), model.get(f.name())));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (org.apache.avro.file.DataFileWriter<Object> w =
        new org.apache.avro.file.DataFileWriter<>(
            new org.apache.avro.generic.GenericDatumWriter<>(old))) {
      w.create(old, bytes);
      w.append(record);
    }
    TopicModel back = TopicClassifier.read(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(back.getFallbackMargin(), is(0.0));
    assertThat(back.getFolds(), is(0));
    assertThat(back.getLabels(), is(model.getLabels()));
    assertThat(
        new TopicClassifier(back)
            .predict("Deal", "Shareholders backed the takeover bid and the offer."),
        contains("acq"));
  }

  static boolean[] gold(int... labels) {
    boolean[] out = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = labels[i] == 1;
    }
    return out;
  }

  @Test
  void thresholdSitsBetweenSeparatedScores() {
    double[][] margins = {
      {2.0, 3.0, 2.5, 1.5, -1.0, -2.0, -0.5, -3.0},
      {-4.0, -4.0, -4.0, 1.0, -4.0, -4.0, -4.0, -4.0}, // one positive only: global threshold
    };
    boolean[][] gold = {gold(1, 1, 1, 1, 0, 0, 0, 0), gold(0, 0, 0, 1, 0, 0, 0, 0)};
    ThresholdTuner.Result r = ThresholdTuner.tune(margins, gold, 3);
    assertThat(r.thresholds()[0], greaterThan(-0.5));
    assertThat(r.thresholds()[0], lessThan(1.5));
    assertThat(r.f1()[0], closeTo(1.0, 1e-9));
    assertThat(r.thresholds()[1], is(r.global()));
    assertThat(r.microF1(), closeTo(1.0, 1e-9));
  }

  @Test
  void labelItsModelCannotSeparateIsNeverAssigned() {
    // label 1's positives score below most negatives: the F1-optimal cut for that label alone would
    // take everything (F1 0.4); for micro-F1 over both labels it must take nothing
    double[][] margins = {
      {3, 3, 3, 3, 3, 3, -3, -3, -3, -3},
      {0, 0, 0, 0, -1, -1, 1, 1, 1, 1},
    };
    boolean[][] gold = {gold(1, 1, 1, 1, 1, 1, 0, 0, 0, 0), gold(0, 0, 0, 0, 1, 1, 0, 0, 0, 0)};
    ThresholdTuner.Result r = ThresholdTuner.tune(margins, gold, 2);
    assertThat(r.thresholds()[1], greaterThan(1.0));
    assertThat(r.f1()[1], is(0.0));
    assertThat(r.thresholds()[0], lessThan(3.0));
  }

  @Test
  void fallbackGivesAnArticleWithoutTagsItsNearestLabel() {
    double[] th = {1.0, 0.0};
    assertThat(ThresholdTuner.predict(new double[] {-0.3, -5}, th, 0)[0], is(false));
    assertThat(ThresholdTuner.predict(new double[] {-0.3, -5}, th, 1.5)[0], is(true));
    assertThat(ThresholdTuner.predict(new double[] {-0.3, -5}, th, 1.0)[0], is(false));
    // an article with a tag gets no fallback label
    assertThat(ThresholdTuner.predict(new double[] {0.9, 0.1}, th, 8)[0], is(false));
    // label 0's positives (articles 0-3, 8) all score below its negatives (articles that carry
    // label
    // 1), so no threshold takes them without more false positives; the fallback takes them instead
    double[][] margins = {
      {0.2, 0.3, 0.1, 0.25, 0.7, 0.6, -6, -6, 0.5, -6, 0.65, 0.65, 0.65, 0.65, 0.65, 0.65},
      {-6, -6, -6, -6, 2, 2, 2, 2, -6, 3, 2, 2, 2, 2, 2, 2}
    };
    boolean[][] gold = {
      gold(1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0),
      gold(0, 0, 0, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1)
    };
    ThresholdTuner.Result r = ThresholdTuner.tune(margins, gold, 2);
    assertThat(r.thresholds()[0], greaterThan(0.7));
    assertThat(r.fallbackMargin(), greaterThan(0.0));
    assertThat(r.microF1(), closeTo(1.0, 1e-12));
    boolean[] p =
        ThresholdTuner.predict(new double[] {0.1, -6}, r.thresholds(), r.fallbackMargin());
    assertThat(p[0] && !p[1], is(true));
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
