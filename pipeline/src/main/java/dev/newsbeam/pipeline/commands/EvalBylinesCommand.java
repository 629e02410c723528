package dev.newsbeam.pipeline.commands;

import dev.newsbeam.byline.BylineEvaluation;
import dev.newsbeam.byline.OutletRegistry;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code eval-bylines [--dev=../shared/bylines/bylines-dev.jsonl]
 * [--reuters=../shared/corpora/reuters21578-train.jsonl] [--sample=30]}: prints the byline and
 * credit-line scores on the dev set and the share of corpus bylines that yield an author.
 */
public final class EvalBylinesCommand {
  private EvalBylinesCommand() {}

  public static int run(String[] args) throws Exception {
    BylineArgs a = new BylineArgs(args);
    Path dev = BylineArgs.resolve(a.get("dev", "../shared/bylines/bylines-dev.jsonl"));
    Path corpus = BylineArgs.resolve(a.get("reuters", "../shared/corpora/reuters21578-train.jsonl"));
    int sample = (int) a.getDouble("sample", 30);
    for (Path p : new Path[] {dev, corpus}) {
      if (!Files.isRegularFile(p)) {
        System.err.println("eval-bylines: no such file " + p.toAbsolutePath());
        return 2;
      }
    }
    // spread the printed sample over the corpus: its 639 bylines are in file order, clustered by desk
    BylineEvaluation eval = new BylineEvaluation(OutletRegistry.bundled(), sample, 21);
    try (BufferedReader in = Files.newBufferedReader(dev, StandardCharsets.UTF_8)) {
      eval.addDevRows(in);
    }
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      eval.addCorpusRows(in);
    }
    System.out.println("dev set: " + dev);
    System.out.println("corpus:  " + corpus);
    eval.report(System.out::println);
    return 0;
  }

  /** {@code --key=value} arguments of the byline commands, with paths resolved like the README shows them. */
  static final class BylineArgs {
    private final Map<String, String> values = new HashMap<>();

    BylineArgs(String[] args) {
      for (String arg : args) {
        if (!arg.startsWith("--") || !arg.contains("=")) {
          throw new IllegalArgumentException("expected --key=value, got '" + arg + "'");
        }
        int eq = arg.indexOf('=');
        values.put(arg.substring(2, eq), arg.substring(eq + 1));
      }
    }

    String get(String key, String fallback) {
      return values.getOrDefault(key, fallback);
    }

    double getDouble(String key, double fallback) {
      return values.containsKey(key) ? Double.parseDouble(values.get(key)) : fallback;
    }

    /**
     * A path as given when it exists, else the same relative path tried from each parent of the
     * working directory, so {@code ../shared/...} works from the repo root and from a module directory.
     */
    static Path resolve(String path) {
      Path given = Path.of(path);
      if (Files.exists(given) || given.isAbsolute()) {
        return given;
      }
      for (Path dir = Path.of("").toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve(path).normalize();
        if (Files.exists(candidate)) {
          return candidate;
        }
      }
      return given;
    }
  }
}
