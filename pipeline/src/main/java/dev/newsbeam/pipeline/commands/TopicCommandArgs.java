package dev.newsbeam.pipeline.commands;

import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.topics.TrainSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --key=value} arguments of the topic commands: the keys a command knows, and the rest, which go
 * to Beam's {@code PipelineOptionsFactory} (e.g. {@code --runner=FlinkRunner}).
 */
final class TopicCommandArgs {
  final Map<String, String> known = new LinkedHashMap<>();
  final List<String> pipelineArgs = new ArrayList<>();

  TopicCommandArgs(String[] args, Set<String> keys) {
    for (String a : args) {
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("arguments are --key=value, not '" + a + "'");
      }
      int eq = a.indexOf('=');
      String key = eq < 0 ? a.substring(2) : a.substring(2, eq);
      if (keys.contains(key)) {
        known.put(key, eq < 0 ? "true" : a.substring(eq + 1));
      } else {
        pipelineArgs.add(a);
      }
    }
  }

  /**
   * Beam arguments for training. On the DirectRunner the per-element immutability and encodability
   * checks clone every training-set side input and fit (MBs each) and dominate the run time, so they
   * are off unless asked for; other runners do no such checks.
   */
  String[] trainingPipelineArgs() {
    List<String> out = new ArrayList<>(pipelineArgs);
    boolean direct = pipelineArgs.stream().noneMatch(x -> x.startsWith("--runner="))
        || pipelineArgs.contains("--runner=DirectRunner");
    if (direct && pipelineArgs.stream().noneMatch(x -> x.startsWith("--enforceImmutability"))) {
      out.add("--enforceImmutability=false");
    }
    if (direct && pipelineArgs.stream().noneMatch(x -> x.startsWith("--enforceEncodability"))) {
      out.add("--enforceEncodability=false");
    }
    return out.toArray(String[]::new);
  }

  String get(String key, String fallback) {
    return known.getOrDefault(key, fallback);
  }

  int getInt(String key, int fallback) {
    return known.containsKey(key) ? Integer.parseInt(known.get(key)) : fallback;
  }

  double getDouble(String key, double fallback) {
    return known.containsKey(key) ? Double.parseDouble(known.get(key)) : fallback;
  }

  /** Keys shared by train-topics and eval-topics. */
  static final Set<String> TRAIN_KEYS = Set.of("c", "positiveWeight", "maxIterations", "tolerance", "folds",
      "minDf", "titleWeight", "stem");

  TrainSettings trainSettings() {
    TrainSettings d = TrainSettings.defaults();
    return d.withC(getDouble("c", d.c()))
        .withPositiveWeight(getDouble("positiveWeight", d.positiveWeight()))
        .withMaxIterations(getInt("maxIterations", d.maxIterations()))
        .withTolerance(getDouble("tolerance", d.tolerance()))
        .withFolds(getInt("folds", d.folds()))
        .withMinDf(getInt("minDf", d.minDf()))
        .withTitleWeight(getInt("titleWeight", d.titleWeight()))
        .withStemming(known.containsKey("stem") ? NewsAnalyzer.Stemming.parse(get("stem", null)) : d.stemming());
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new java.util.HashSet<>(a);
    out.addAll(b);
    return out;
  }
}
