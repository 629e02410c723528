package dev.newsbeam.pipeline.commands;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Topic;
import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.topics.F1Scores;
import dev.newsbeam.topics.LabelMapping;
import dev.newsbeam.topics.LabelledCorpus;
import dev.newsbeam.topics.Taxonomy;
import dev.newsbeam.topics.TaxonomyTagger;
import dev.newsbeam.topics.TopicClassifier;
import dev.newsbeam.topics.TrainSettings;
import dev.newsbeam.topics.TrainTopicModel;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;

/**
 * {@code ./newsbeam eval-topics [--input=labelled.jsonl] [--trainShare=0.8] [--taxonomy=path]
 * [--mapping=path] [--c=50 --folds=5 --titleWeight=N ...] [--runner=...]}.
 *
 * <ol>
 *   <li>Trained model: the labelled articles are split by date (earliest 80% train, latest 20% test),
 *       the model is trained by the {@code train-topics} Beam pipeline on the training part, and
 *       micro/macro F1 are reported on the test part over all categories and over the 10 most frequent
 *       training categories.
 *   <li>Default taxonomy (no training): every labelled article's gold labels are mapped to IPTC
 *       top-level codes ({@code --mapping}, default the bundled Reuters mapping); top-1 accuracy is the
 *       share of articles whose first tag has one of those codes as its root.
 * </ol>
 */
public final class EvalTopicsCommand {
  private EvalTopicsCommand() {}

  public static int run(String[] args) throws Exception {
    TopicCommandArgs a = new TopicCommandArgs(args, TopicCommandArgs.union(
        Set.of("input", "trainShare", "taxonomy", "mapping", "work", "model", "skipModel", "skipTaxonomy"),
        TopicCommandArgs.TRAIN_KEYS));
    Path input = Path.of(a.get("input", defaultCorpus()));
    List<Article> labelled = LabelledCorpus.readLabelled(input);
    System.out.printf("eval-topics: %d labelled articles in %s%n", labelled.size(), input);
    if (!Boolean.parseBoolean(a.get("skipModel", "false"))) {
      evaluateModel(labelled, a);
    }
    if (!Boolean.parseBoolean(a.get("skipTaxonomy", "false"))) {
      Taxonomy taxonomy = a.known.containsKey("taxonomy")
          ? Taxonomy.parse(Taxonomy.readJson(Path.of(a.get("taxonomy", null)))) : Taxonomy.defaults();
      LabelMapping mapping = a.known.containsKey("mapping")
          ? LabelMapping.read(Path.of(a.get("mapping", null))) : LabelMapping.reuters();
      evaluateTaxonomy(labelled, taxonomy, mapping);
    }
    return 0;
  }

  private static void evaluateModel(List<Article> labelled, TopicCommandArgs a) throws Exception {
    LabelledCorpus.Split split = LabelledCorpus.byDate(labelled, a.getDouble("trainShare", 0.8));
    TrainSettings settings = a.trainSettings();
    Path work = Path.of(a.get("work", Files.createTempDirectory("newsbeam-eval-topics").toString()));
    System.out.printf("eval-topics: train %d articles (%s .. %s), test %d (%s .. %s); %s%n",
        split.train().size(), split.train().get(0).getPublishedDate(),
        split.train().get(split.train().size() - 1).getPublishedDate(), split.test().size(),
        split.test().get(0).getPublishedDate(), split.test().get(split.test().size() - 1).getPublishedDate(),
        settings);

    TopicModel model;
    if (a.known.containsKey("model")) { // score a model trained before on the same split
      model = TopicClassifier.read(new File(a.get("model", null)));
    } else {
      model = train(split.train(), settings, work, a);
    }
    score(model, split);
  }

  private static TopicModel train(List<Article> train, TrainSettings settings, Path work, TopicCommandArgs a)
      throws Exception {
    long t0 = System.nanoTime();
    PipelineOptions options = PipelineOptionsFactory.fromArgs(a.trainingPipelineArgs()).create();
    Pipeline p = Pipeline.create(options);
    TrainTopicsCommand.write(p
        .apply("TrainingArticles", Create.of(train).withCoder(AvroCoder.of(Article.class)))
        .apply("TrainTopicModel", TrainTopicModel.with(settings)), work.toString());
    PipelineResult.State state = p.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("training pipeline ended in state " + state);
    }
    TopicModel model = TopicClassifier.read(new File(work.toString()));
    System.out.printf("eval-topics: trained in %.0f s: %d terms, %d labels, final loss %.5f, model in %s%n",
        (System.nanoTime() - t0) / 1e9, model.getVocabulary().size(), model.getLabels().size(),
        model.getFinalLoss(), work);
    return model;
  }

  private static void score(TopicModel model, LabelledCorpus.Split split) {
    TopicClassifier classifier = new TopicClassifier(model);
    F1Scores f1 = new F1Scores();
    Set<String> testLabels = new TreeSet<>();
    Set<String> predictedLabels = new TreeSet<>();
    for (Article art : split.test()) {
      List<String> predicted = classifier.predict(art.getTitle(), art.getText());
      f1.add(art.getLabels(), predicted);
      testLabels.addAll(art.getLabels());
      predictedLabels.addAll(predicted);
    }
    Map<String, Integer> trainFreq = new HashMap<>();
    split.train().forEach(art -> art.getLabels().forEach(l -> trainFreq.merge(l, 1, Integer::sum)));
    Set<String> top10 = new LinkedHashSet<>(trainFreq.entrySet().stream()
        .sorted((x, y) -> y.getValue() != x.getValue().intValue()
            ? y.getValue() - x.getValue() : x.getKey().compareTo(y.getKey()))
        .limit(10).map(Map.Entry::getKey).toList());
    Set<String> all = new TreeSet<>(testLabels);
    all.addAll(predictedLabels);
    System.out.printf("eval-topics: MODEL all categories (%d in test): micro-F1 %.4f  macro-F1 %.4f%n",
        testLabels.size(), f1.micro(all), f1.macro(testLabels));
    System.out.printf("eval-topics: MODEL top-10 categories %s: micro-F1 %.4f  macro-F1 %.4f%n",
        top10, f1.micro(top10), f1.macro(top10));
    for (String l : top10) {
      long[] c = f1.counts(l);
      System.out.printf("eval-topics:   %-10s tp %4d fp %4d fn %4d%n", l, c[0], c[1], c[2]);
    }
  }

  private static void evaluateTaxonomy(List<Article> labelled, Taxonomy taxonomy, LabelMapping mapping) {
    TaxonomyTagger tagger = new TaxonomyTagger(taxonomy, NewsAnalyzer.defaults(), TaxonomyTagger.Settings.defaults());
    long right = 0;
    long untagged = 0;
    Map<String, Long> wrongRoots = new HashMap<>();
    for (Article art : labelled) {
      Set<String> gold = mapping.codes(art.getLabels());
      List<Topic> tags = tagger.tag(art.getTitle(), art.getText());
      if (tags.isEmpty()) {
        untagged++;
        continue;
      }
      String root = taxonomy.root(tags.get(0).getCode());
      if (gold.contains(root)) {
        right++;
      } else {
        wrongRoots.merge(taxonomy.topics().get(root).name(), 1L, Long::sum);
      }
    }
    System.out.printf("eval-topics: TAXONOMY top-1 accuracy vs IPTC top-level: %.4f (%d of %d; %d untagged)%n",
        right / (double) labelled.size(), right, labelled.size(), untagged);
    System.out.printf("eval-topics:   wrong top-1 by topic: %s%n", wrongRoots);
  }

  /** The shared Reuters corpus next to the repository, as the issue names it. */
  static String defaultCorpus() {
    String name = "shared/corpora/reuters21578-train.jsonl";
    String home = System.getenv("NEWSBEAM_HOME");
    for (String candidate : new String[] {home == null ? null : home + "/../" + name, "../" + name, "/work/" + name}) {
      if (candidate != null && Files.isRegularFile(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("no --input given and no ../" + name + " found");
  }
}
