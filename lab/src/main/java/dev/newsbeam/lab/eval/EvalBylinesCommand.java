package dev.newsbeam.lab.eval;

import dev.newsbeam.byline.OutletRegistry;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./newsbeam-lab eval-bylines [--dev=FILE] [--reuters=FILE] [--sample=N]}: prints the byline
 * and credit-line scores on the dev set and the share of corpus bylines that yield an author
 * ({@link EvalBylinesOptions}).
 */
public final class EvalBylinesCommand {
  static final String USAGE =
      "Usage: ./newsbeam-lab eval-bylines [--dev=FILE] [--reuters=FILE] [--sample=N]";

  private EvalBylinesCommand() {}

  public static int run(String[] args) throws Exception {
    if (LabCli.help(args, System.out, USAGE, EvalBylinesOptions.class)) {
      return 0;
    }
    EvalBylinesOptions options = LabCli.parse(args, EvalBylinesOptions.class);
    Path dev = LabPaths.resolve(options.getDev());
    Path corpus = LabPaths.resolve(options.getReuters());
    int sample = options.getSample();
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
