package dev.newsbeam.pipeline.commands;

import dev.newsbeam.byline.BylineEvaluation;
import dev.newsbeam.byline.OutletRegistry;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code eval-bylines [--dev=../shared/bylines/bylines-dev.jsonl]
 * [--reuters=../shared/corpora/reuters21578-train.jsonl] [--sample=30]}: prints the byline and
 * credit-line scores on the dev set and the share of corpus bylines that yield an author.
 */
public final class EvalBylinesCommand {
  private EvalBylinesCommand() {}

  public static int run(String[] args) throws Exception {
    CommandArgs a = new CommandArgs(args);
    Path dev = CommandArgs.resolve(a.get("dev", "../shared/bylines/bylines-dev.jsonl"));
    Path corpus =
        CommandArgs.resolve(a.get("reuters", "../shared/corpora/reuters21578-train.jsonl"));
    int sample = (int) a.getDouble("sample", 30);
    for (Path p : new Path[] {dev, corpus}) {
      if (!Files.isRegularFile(p)) {
        System.err.println("eval-bylines: no such file " + p.toAbsolutePath());
        return 2;
      }
    }
    // spread the printed sample over the corpus: its 639 bylines are in file order, clustered by
    // desk
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
}
