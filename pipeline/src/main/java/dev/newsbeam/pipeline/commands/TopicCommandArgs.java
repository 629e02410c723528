package dev.newsbeam.pipeline.commands;

import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.topics.TrainSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@link CommandArgs} of the topic commands, with what train-topics and eval-topics share: the
 * training settings and the Beam arguments of the training pipeline.
 */
final class TopicCommandArgs {
  private final CommandArgs args;
  private final List<String> pipelineArgs;

  TopicCommandArgs(String[] args, Set<String> keys) {
    this.args = new CommandArgs(args, keys);
    this.pipelineArgs = this.args.pipelineArgs();
  }

  /**
   * Beam arguments for training. On the DirectRunner the per-element immutability and encodability
   * checks clone every training-set side input and fit (MBs each) and dominate the run time, so
   * they are off unless asked for; other runners do no such checks.
   */
  String[] trainingPipelineArgs() {
    List<String> out = new ArrayList<>(pipelineArgs);
    boolean direct =
        pipelineArgs.stream().noneMatch(x -> x.startsWith("--runner="))
            || pipelineArgs.contains("--runner=DirectRunner");
    if (direct && pipelineArgs.stream().noneMatch(x -> x.startsWith("--enforceImmutability"))) {
      out.add("--enforceImmutability=false");
    }
    if (direct && pipelineArgs.stream().noneMatch(x -> x.startsWith("--enforceEncodability"))) {
      out.add("--enforceEncodability=false");
    }
    return out.toArray(String[]::new);
  }

  boolean has(String key) {
    return args.has(key);
  }

  String get(String key, String fallback) {
    return args.get(key, fallback);
  }

  int getInt(String key, int fallback) {
    return args.getInt(key, fallback);
  }

  double getDouble(String key, double fallback) {
    return args.getDouble(key, fallback);
  }

  /** Keys shared by train-topics and eval-topics. */
  static final Set<String> TRAIN_KEYS =
      Set.of(
          "c",
          "positiveWeight",
          "maxIterations",
          "tolerance",
          "folds",
          "minDf",
          "titleWeight",
          "stem");

  TrainSettings trainSettings() {
    TrainSettings d = TrainSettings.defaults();
    return d.withC(getDouble("c", d.c()))
        .withPositiveWeight(getDouble("positiveWeight", d.positiveWeight()))
        .withMaxIterations(getInt("maxIterations", d.maxIterations()))
        .withTolerance(getDouble("tolerance", d.tolerance()))
        .withFolds(getInt("folds", d.folds()))
        .withMinDf(getInt("minDf", d.minDf()))
        .withTitleWeight(getInt("titleWeight", d.titleWeight()))
        .withStemming(has("stem") ? NewsAnalyzer.Stemming.parse(get("stem", null)) : d.stemming());
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new java.util.HashSet<>(a);
    out.addAll(b);
    return out;
  }
}
