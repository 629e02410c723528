package dev.newsbeam.pipeline.commands;

import dev.newsbeam.topics.LogisticTrainer;
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
   * checks clone every weight vector and gradient (tens of MB) at every pass and dominate the run time,
   * so they are off unless asked for; other runners do no such checks.
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
  static final Set<String> TRAIN_KEYS = Set.of("passes", "learningRate", "l2", "optimizer", "minDf", "heldOutPercent");

  TrainSettings trainSettings() {
    TrainSettings d = TrainSettings.defaults();
    LogisticTrainer.Params p = d.params();
    return d.withParams(new LogisticTrainer.Params(getInt("passes", p.passes()),
            getDouble("learningRate", p.learningRate()), getDouble("l2", p.l2()), get("optimizer", p.optimizer())))
        .withMinDf(getInt("minDf", d.minDf()))
        .withHeldOutPercent(getInt("heldOutPercent", d.heldOutPercent()));
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new java.util.HashSet<>(a);
    out.addAll(b);
    return out;
  }
}
