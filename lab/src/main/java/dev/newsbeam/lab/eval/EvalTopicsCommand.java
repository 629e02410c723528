package dev.newsbeam.lab.eval;

import dev.newsbeam.dedup.ArticleSketcher;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.ingest.IngestOptions;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import dev.newsbeam.lab.baseline.BaselineDedup;
import dev.newsbeam.pipeline.Main;
import dev.newsbeam.pipeline.TrainTopicsCommand;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Topic;
import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.topics.F1Scores;
import dev.newsbeam.topics.Taxonomy;
import dev.newsbeam.topics.TaxonomyTagger;
import dev.newsbeam.topics.TopicClassifier;
import dev.newsbeam.topics.TopicSettings;
import dev.newsbeam.topics.TrainSettings;
import dev.newsbeam.topics.TrainTopicModel;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.Create;

/**
 * {@code ./newsbeam-lab eval-topics [--input=labelled.jsonl] [--split=date|kfold] [--trainShare=S]
 * [--k=K] [--topicFallback=false] [--taxonomy=FILE] [--mapping=FILE] [--topicModel=DIR]
 * [train-topics options] [--runner=...]} ({@link EvalTopicsOptions}).
 *
 * <ol>
 *   <li>Trained model, trained by the {@code train-topics} Beam pipeline on each training part into
 *       {@code --work} (or read from {@code --topicModel}, a model trained before on the same date
 *       split); micro/macro F1 over all categories and over the 10 most frequent training
 *       categories. {@code --split=date}: earliest articles train, latest test — the later period's
 *       news drifts from the training period's, as it will in use. {@code --split=kfold}: {@code k}
 *       folds, every labelled article tested once, scores pooled; a near-duplicate cluster (the
 *       dedup stage's algorithm) stays in one fold, so no test article has a wire copy in its
 *       training part.
 *   <li>Taxonomy (no training; {@code --taxonomy}, {@code --stem} and {@code --stopwords} as the
 *       pipeline's): every labelled article's gold labels are mapped to IPTC top-level codes
 *       ({@code --mapping}, default the bundled Reuters mapping); top-1 accuracy is the share of
 *       articles whose first tag has one of those codes as its root.
 * </ol>
 */
public final class EvalTopicsCommand {
  static final String USAGE =
      "Usage: ./newsbeam-lab eval-topics [--input=labelled.jsonl] [--split=date|kfold]"
          + " [--topicModel=DIR] [options] [--runner=...]\n"
          + "  --input: one JSONL file of articles with a 'labels' array; without it, "
          + LabPaths.REUTERS_TRAIN;

  private EvalTopicsCommand() {}

  public static int run(String[] args) throws Exception {
    if (LabCli.help(args, System.out, USAGE, EvalTopicsOptions.class)) {
      return 0;
    }
    EvalTopicsOptions options = LabCli.parse(args, EvalTopicsOptions.class);
    if (options.getTopicModel() != null && options.getSplit() != EvalTopicsOptions.Split.DATE) {
      throw new IllegalArgumentException(
          "--topicModel scores one model trained before: it goes with --split=date");
    }
    // the training set and fits travel as side inputs of MBs: the checks would clone them
    Main.relaxDirectRunnerChecks(options, args);
    Path input = labelledInput(options);
    List<Article> labelled = LabelledCorpus.readLabelled(input);
    System.out.printf("eval-topics: %d labelled articles in %s%n", labelled.size(), input);
    if (!options.getSkipModel()) {
      evaluateModel(labelled, options);
    }
    if (!options.getSkipTaxonomy()) {
      TopicSettings topics = TopicSettings.from(options);
      LabelMapping mapping =
          options.getMapping() != null
              ? LabelMapping.read(Path.of(options.getMapping()))
              : LabelMapping.reuters();
      evaluateTaxonomy(
          labelled, Taxonomy.parse(topics.taxonomyJson()), topics.taxonomyTagger(), mapping);
    }
    return 0;
  }

  /** {@code --input}, or the shared Reuters corpus when none is given. */
  public static Path labelledInput(IngestOptions options) {
    return LabPaths.resolve(
        options.getInput() != null ? options.getInput() : LabPaths.REUTERS_TRAIN);
  }

  private static void evaluateModel(List<Article> labelled, EvalTopicsOptions options)
      throws Exception {
    TrainSettings settings = TrainSettings.from(options);
    boolean fallback = options.getTopicFallback();
    Path work = Path.of(options.getWork());
    Scores scores = new Scores();
    Map<String, Integer> labelFreq = new HashMap<>();
    switch (options.getSplit()) {
      case DATE -> {
        LabelledCorpus.Split s = LabelledCorpus.byDate(labelled, options.getTrainShare());
        System.out.printf(
            "eval-topics: split by date: train %d articles (%s .. %s), test %d (%s .. %s); %s%n",
            s.train().size(),
            s.train().get(0).getPublishedDate(),
            s.train().get(s.train().size() - 1).getPublishedDate(),
            s.test().size(),
            s.test().get(0).getPublishedDate(),
            s.test().get(s.test().size() - 1).getPublishedDate(),
            settings);
        TopicModel model =
            options.getTopicModel() != null
                ? TopicClassifier.read(new File(options.getTopicModel()))
                : train(s.train(), settings, work, options);
        scores.add(new TopicClassifier(model, fallback), s.test());
        s.train().forEach(art -> art.getLabels().forEach(l -> labelFreq.merge(l, 1, Integer::sum)));
      }
      case KFOLD -> {
        int k = options.getK();
        Map<String, String> cluster = nearDuplicateClusters(labelled);
        System.out.printf(
            "eval-topics: %d-fold cross-validation, folds by near-duplicate cluster (%d clusters of "
                + "%d articles: copies of a story never straddle train and test); %s%n",
            k, new HashSet<>(cluster.values()).size(), labelled.size(), settings);
        List<LabelledCorpus.Split> folds =
            LabelledCorpus.kFolds(labelled, k, art -> cluster.get(art.getId()));
        for (int f = 0; f < folds.size(); f++) {
          LabelledCorpus.Split s = folds.get(f);
          TopicModel model = train(s.train(), settings, work.resolve("fold-" + f), options);
          Scores fold = new Scores();
          TopicClassifier classifier = new TopicClassifier(model, fallback);
          fold.add(classifier, s.test());
          scores.add(classifier, s.test());
          System.out.printf(
              "eval-topics: fold %d: train %d, test %d: micro-F1 %.4f%n",
              f, s.train().size(), s.test().size(), fold.microAll());
        }
        labelled.forEach(art -> art.getLabels().forEach(l -> labelFreq.merge(l, 1, Integer::sum)));
      }
    }
    scores.report(labelFreq, fallback);
  }

  /**
   * Article id → near-duplicate cluster, by the dedup stage's algorithm in memory (default
   * settings).
   */
  private static Map<String, String> nearDuplicateClusters(List<Article> labelled) {
    ArticleSketcher sketcher = new ArticleSketcher(DedupSettings.defaults());
    List<ArticleSketcher.Sketch> sketches = new ArrayList<>();
    for (Article art : labelled) {
      sketches.add(sketcher.sketch(art.getId(), art.getId(), art.getText(), null));
    }
    return new BaselineDedup(DedupSettings.defaults()).clusters(sketches);
  }

  private static TopicModel train(
      List<Article> train, TrainSettings settings, Path work, PipelineOptions options)
      throws Exception {
    long t0 = System.nanoTime();
    Pipeline p = Pipeline.create(options);
    TrainTopicsCommand.write(
        p.apply("TrainingArticles", Create.of(train).withCoder(AvroCoder.of(Article.class)))
            .apply("TrainTopicModel", TrainTopicModel.with(settings)),
        work.toString());
    PipelineResult.State state = p.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("training pipeline ended in state " + state);
    }
    TopicModel model = TopicClassifier.read(new File(work.toString()));
    System.out.printf(
        "eval-topics: trained in %.0f s: %d terms, %d labels, final loss %.5f, model in %s%n",
        (System.nanoTime() - t0) / 1e9,
        model.getVocabulary().size(),
        model.getLabels().size(),
        model.getFinalLoss(),
        work);
    return model;
  }

  /** Predictions against gold labels, pooled over every test article scored (all folds). */
  private static final class Scores {
    final F1Scores f1 = new F1Scores();
    final Set<String> testLabels = new TreeSet<>();
    final Set<String> predictedLabels = new TreeSet<>();

    void add(TopicClassifier classifier, List<Article> test) {
      for (Article art : test) {
        List<String> predicted = classifier.predict(art.getTitle(), art.getText());
        f1.add(art.getLabels(), predicted);
        testLabels.addAll(art.getLabels());
        predictedLabels.addAll(predicted);
      }
    }

    Set<String> all() {
      Set<String> all = new TreeSet<>(testLabels);
      all.addAll(predictedLabels);
      return all;
    }

    double microAll() {
      return f1.micro(all());
    }

    /**
     * Over all categories and over the 10 most frequent of {@code labelFreq} (the training labels).
     */
    void report(Map<String, Integer> labelFreq, boolean fallback) {
      Set<String> top10 =
          new LinkedHashSet<>(
              labelFreq.entrySet().stream()
                  .sorted(
                      (x, y) ->
                          y.getValue() != x.getValue().intValue()
                              ? y.getValue() - x.getValue()
                              : x.getKey().compareTo(y.getKey()))
                  .limit(10)
                  .map(Map.Entry::getKey)
                  .toList());
      System.out.printf(
          "eval-topics: MODEL (fallback %s) all categories (%d in test): micro-F1 %.4f  macro-F1 %.4f%n",
          fallback ? "on" : "off", testLabels.size(), microAll(), f1.macro(testLabels));
      System.out.printf(
          "eval-topics: MODEL top-10 categories %s: micro-F1 %.4f  macro-F1 %.4f%n",
          top10, f1.micro(top10), f1.macro(top10));
      for (String l : top10) {
        long[] c = f1.counts(l);
        System.out.printf("eval-topics:   %-10s tp %4d fp %4d fn %4d%n", l, c[0], c[1], c[2]);
      }
    }
  }

  private static void evaluateTaxonomy(
      List<Article> labelled, Taxonomy taxonomy, TaxonomyTagger tagger, LabelMapping mapping) {
    TopicScores scores = new TopicScores();
    for (Article art : labelled) {
      List<String> roots = new ArrayList<>();
      for (Topic t : tagger.tag(art.getTitle(), art.getText())) {
        String root = taxonomy.root(t.getCode());
        if (!roots.contains(root)) {
          roots.add(root);
        }
      }
      scores.add(mapping.codes(art.getLabels()), roots);
    }
    System.out.printf(
        "eval-topics: TAXONOMY top-1 accuracy vs IPTC top-level: %.4f (%d of %d; %d untagged),"
            + " top-3 %.4f%n",
        scores.top1(), scores.top1Count(), scores.articles(), scores.untagged(), scores.top3());
    System.out.printf(
        "eval-topics:   %-48s %9s %9s %6s %6s%n", "topic", "predicted", "gold", "P", "R");
    scores
        .byTopic()
        .forEach(
            (code, c) ->
                System.out.printf(
                    "eval-topics:   %-48s %9d %9d %6.3f %6.3f%n",
                    name(taxonomy, code), c.predicted(), c.gold(), c.precision(), c.recall()));
  }

  private static String name(Taxonomy taxonomy, String code) {
    Taxonomy.TopicDef t = taxonomy.topics().get(code);
    return t == null ? code : t.name();
  }
}
