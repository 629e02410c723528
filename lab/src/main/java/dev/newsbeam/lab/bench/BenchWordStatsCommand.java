package dev.newsbeam.lab.bench;

import dev.newsbeam.lab.LabCli;
import dev.newsbeam.pipeline.Main;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DedupInfo;
import dev.newsbeam.stats.ComputeWordStats;
import dev.newsbeam.stats.WordStatsResult;
import dev.newsbeam.stats.WordStatsSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollection;

/**
 * {@code ./newsbeam-lab bench-word-stats [--articles=N] [--vocabulary=N] [word-statistics options]
 * [--runner=... --targetParallelism=N]} ({@link BenchWordStatsOptions}): runs {@link
 * ComputeWordStats} over generated articles (Zipfian pseudo-word vocabulary, skewed outlets, one
 * article in ten a non-canonical copy) and reports wall time, the manifest totals and the JVM's
 * peak heap use, to check that corpus statistics stay within a fixed heap as the corpus grows (run
 * it with a small {@code -Xmx}).
 */
public final class BenchWordStatsCommand {
  static final String USAGE =
      "Usage: ./newsbeam-lab bench-word-stats [--articles=N] [--vocabulary=N]"
          + " [word-statistics options] [--runner=...]";

  private BenchWordStatsCommand() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  public static int run(String[] args) throws Exception {
    if (LabCli.help(args, System.out, USAGE, BenchWordStatsOptions.class)) {
      return 0;
    }
    BenchWordStatsOptions options = LabCli.parse(args, BenchWordStatsOptions.class);
    Main.relaxDirectRunnerChecks(options, args);
    long articles = options.getArticles();
    WordStatsSettings settings = WordStatsSettings.from(options);
    Pipeline pipeline = Pipeline.create(options);
    PCollection<Article> input =
        pipeline
            .apply("GenerateIndexes", GenerateSequence.from(0).to(articles))
            .apply("GenerateArticles", ParDo.of(new GenerateArticleFn(options.getVocabulary())))
            .setCoder(AvroCoder.of(Article.class));
    WordStatsResult stats = input.apply("ComputeWordStats", ComputeWordStats.with(settings));
    stats
        .counts()
        .apply("SumCounts", Sum.longsPerKey())
        .apply("PrintCounts", ParDo.of(new PrintFn<>("manifest")));
    stats
        .terms()
        .apply("CountTerms", Count.globally())
        .apply("PrintTermRows", ParDo.of(new PrintFn<>("terms rows")));
    stats
        .keyness()
        .apply("CountKeyness", Count.globally())
        .apply("PrintKeynessRows", ParDo.of(new PrintFn<>("term_keyness rows")));
    stats
        .ngrams()
        .apply("CountNgrams", Count.globally())
        .apply("PrintNgramRows", ParDo.of(new PrintFn<>("ngrams rows")));
    stats
        .articles()
        .apply("CountArticles", Count.globally())
        .apply("PrintArticleRows", ParDo.of(new PrintFn<>("articles rows")));

    HeapWatch heap = new HeapWatch();
    heap.start();
    long start = System.nanoTime();
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    double seconds = (System.nanoTime() - start) / 1e9;
    heap.interrupt();
    long max = Runtime.getRuntime().maxMemory();
    System.out.printf(
        Locale.ROOT,
        "bench-word-stats: %d articles, %s in %.1f s (%.0f articles/s); peak heap used %.0f MB of -Xmx %.0f MB%n",
        articles,
        state,
        seconds,
        articles / seconds,
        peakHeapBytes() / 1e6,
        max / 1e6);
    return state == PipelineResult.State.DONE ? 0 : 1;
  }

  /** Peak use summed over heap pools since start: what the collectors had to keep at most. */
  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /**
   * Logs old-generation use after each collection would be finer; sampling is enough for a bound.
   */
  private static final class HeapWatch extends Thread {
    HeapWatch() {
      setDaemon(true);
    }

    @Override
    public void run() {
      long maxUsed = 0;
      Runtime rt = Runtime.getRuntime();
      try {
        while (!isInterrupted()) {
          maxUsed = Math.max(maxUsed, rt.totalMemory() - rt.freeMemory());
          Thread.sleep(200);
        }
      } catch (InterruptedException e) {
        // done
      }
      System.out.printf(Locale.ROOT, "sampled max heap used: %.0f MB%n", maxUsed / 1e6);
    }
  }

  static class PrintFn<T> extends DoFn<T, Void> {
    private final String label;

    PrintFn(String label) {
      this.label = label;
    }

    @ProcessElement
    public void process(@Element T element) {
      System.out.println(label + ": " + element);
    }
  }

  /**
   * A deterministic fictional article per index: 80–400 words in sentences of 6–24, about 30%
   * stopwords, content words drawn Zipf-like from pseudo-words ("bakoli", "tumeresa", ...).
   */
  static class GenerateArticleFn extends DoFn<Long, Article> {
    private static final String[] SYLLABLES = {
      "ka", "lo", "mi", "tu", "re", "sa", "ni", "po", "de", "va", "qui", "zo", "be", "ra", "shi",
      "gu"
    };
    private static final String[] STOPWORDS = {
      "the", "of", "and", "to", "in", "a", "is", "was", "for", "on"
    };
    private static final String[] OUTLETS = {
      "Wire One", "Wire Two", "Daily Three", "Four Times", "Five Post"
    };
    private static final String[] LABELS = {
      "grain", "ship", "earn", "trade", "money", "crude", "acq"
    };
    private final int vocabulary;

    GenerateArticleFn(int vocabulary) {
      this.vocabulary = vocabulary;
    }

    @ProcessElement
    public void process(@Element Long index, OutputReceiver<Article> out) {
      SplittableRandom random = new SplittableRandom(index * 0x9E3779B97F4A7C15L);
      int words = 80 + random.nextInt(320);
      StringBuilder text = new StringBuilder(words * 7);
      int sentenceLeft = 6 + random.nextInt(19);
      for (int i = 0; i < words; i++) {
        String word =
            random.nextInt(10) < 3
                ? STOPWORDS[random.nextInt(STOPWORDS.length)]
                : pseudoWord(zipfRank(random));
        text.append(sentenceLeft == 0 || i == 0 ? capitalise(word) : word);
        if (--sentenceLeft <= 0 || i == words - 1) {
          text.append(". ");
          sentenceLeft = 6 + random.nextInt(19);
        } else {
          text.append(' ');
        }
      }
      boolean copy = index % 10 == 9;
      out.output(
          Article.newBuilder()
              .setId("gen-" + index)
              .setSource("generated:" + index)
              .setInputFormat("text")
              .setText(text.toString())
              // one hot outlet: half of all articles
              .setOutlet(
                  random.nextBoolean() ? OUTLETS[0] : OUTLETS[random.nextInt(OUTLETS.length)])
              .setLabels(List.of(LABELS[random.nextInt(LABELS.length)]))
              .setDedup(
                  copy
                      ? new DedupInfo(
                          "gen-" + (index - 1), "gen-" + (index - 1), false, "near", 0.9, null)
                      : null)
              .build());
    }

    /** Rank ~ 1/r over 1..vocabulary: exp of a uniform draw on [0, ln V]. */
    private int zipfRank(SplittableRandom random) {
      return (int) Math.min(vocabulary, Math.exp(random.nextDouble() * Math.log(vocabulary)));
    }

    private static String pseudoWord(int rank) {
      StringBuilder w = new StringBuilder();
      int r = rank;
      do {
        w.append(SYLLABLES[r % SYLLABLES.length]);
        r /= SYLLABLES.length;
      } while (r > 0);
      return w.toString();
    }

    private static String capitalise(String word) {
      return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
  }
}
