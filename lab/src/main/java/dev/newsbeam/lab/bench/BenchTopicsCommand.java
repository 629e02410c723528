package dev.newsbeam.lab.bench;

import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import dev.newsbeam.lab.eval.EvalTopicsCommand;
import dev.newsbeam.lab.eval.LabelledCorpus;
import dev.newsbeam.schema.Article;
import dev.newsbeam.topics.TaxonomyTagger;
import java.util.List;

/**
 * {@code ./newsbeam-lab bench-topics [--input=labelled.jsonl] [--warmupSeconds=S] [--seconds=S]}
 * ({@link BenchTopicsOptions}): throughput of the pure taxonomy tagger (analysis + matching +
 * scoring) on one thread, after a warm-up, in articles/s, on eval-topics' labelled articles.
 */
public final class BenchTopicsCommand {
  static final String USAGE =
      "Usage: ./newsbeam-lab bench-topics [--input=labelled.jsonl] [--warmupSeconds=S]"
          + " [--seconds=S]\n"
          + "  --input: one JSONL file of articles with a 'labels' array; without it, "
          + LabPaths.REUTERS_TRAIN;

  private BenchTopicsCommand() {}

  public static int run(String[] args) throws Exception {
    if (LabCli.help(args, System.out, USAGE, BenchTopicsOptions.class)) {
      return 0;
    }
    BenchTopicsOptions options = LabCli.parse(args, BenchTopicsOptions.class);
    List<Article> articles = LabelledCorpus.readLabelled(EvalTopicsCommand.labelledInput(options));
    TaxonomyTagger tagger = TaxonomyTagger.defaults();
    long chars = articles.stream().mapToLong(x -> x.getText().length()).sum();
    System.out.printf(
        "bench-topics: %d articles, %.0f chars on average%n",
        articles.size(), chars / (double) articles.size());
    run(tagger, articles, options.getWarmupSeconds());
    double[] r = run(tagger, articles, options.getSeconds());
    System.out.printf(
        "bench-topics: taxonomy tagger, 1 thread: %.0f articles/s wall clock, %.0f articles per"
            + " CPU-second of the thread (%.1f MB/s of text per CPU-second, %d tags)%n",
        r[0], r[3], r[1], (long) r[2]);
    return 0;
  }

  /**
   * {articles/s wall clock, MB/s per CPU-second, tags, articles per CPU-second}. CPU time of the
   * thread is reported too because on a shared machine the wall clock measures the neighbours as
   * well.
   */
  private static double[] run(TaxonomyTagger tagger, List<Article> articles, double seconds) {
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    long cpuStart = cpu.getCurrentThreadCpuTime();
    long n = 0;
    long chars = 0;
    long tags = 0;
    while (System.nanoTime() < deadline) {
      for (Article art : articles) {
        tags += tagger.tag(art.getTitle(), art.getText()).size();
        chars += art.getText().length();
        n++;
      }
    }
    double s = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    return new double[] {n / s, chars / cpuSeconds / 1e6, tags, n / cpuSeconds};
  }
}
