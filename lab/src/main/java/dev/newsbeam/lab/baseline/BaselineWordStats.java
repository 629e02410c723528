package dev.newsbeam.lab.baseline;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Ngram;
import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.schema.TermScore;
import dev.newsbeam.schema.TermStat;
import dev.newsbeam.shuffle.CompactCounts;
import dev.newsbeam.shuffle.SumCountsInShards;
import dev.newsbeam.stats.ArticleGroups;
import dev.newsbeam.stats.Bigrams;
import dev.newsbeam.stats.ComputeWordStats;
import dev.newsbeam.stats.Keyness;
import dev.newsbeam.stats.Pmi;
import dev.newsbeam.stats.TextProfile;
import dev.newsbeam.stats.TfIdf;
import dev.newsbeam.stats.WordStatsSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The ComputeWordStats stage without Beam, over the same cores and with the same definitions:
 *
 * <ol>
 *   <li>pass 1, in parallel, over the {@link TextProfile}s the spine made (one analysis per
 *       article; its term counts kept as {@link CompactCounts} for pass 2); per slice, over
 *       canonical articles only, the sums (occurrences, documents) of terms and of bigrams, and the
 *       term tokens per group ({@link ArticleGroups}); slices merged;
 *   <li>the term table: terms in at least {@code minDf} canonical articles;
 *   <li>pass 2, in parallel: top_terms by {@link TfIdf#top} against the table (a pruned term counts
 *       as df = minDf - 1, as in the pipeline), and per group the counts of the kept terms of its
 *       canonical articles;
 *   <li>terms (TermStat per kept term), keyness per group by {@link Keyness} G² (top k per group),
 *       bigram collocations by {@link Pmi} (count and df thresholds, top k).
 * </ol>
 */
final class BaselineWordStats {

  /** The corpus outputs and the pipeline's {@code stats.*} manifest counts. */
  record Result(
      List<TermStat> terms,
      List<TermKeyness> keyness,
      List<Ngram> ngrams,
      Map<String, Long> counts) {}

  /** Highest G² first; on ties the smaller term (the pipeline's order, best first). */
  static final Comparator<TermKeyness> KEYNESS_BEST_FIRST =
      new ComputeWordStats.KeynessOrder().reversed();

  /** Highest PMI first, then the higher count, then the smaller (first, second). */
  static final Comparator<Ngram> NGRAM_BEST_FIRST = new ComputeWordStats.NgramOrder().reversed();

  private final WordStatsSettings settings;

  BaselineWordStats(WordStatsSettings settings) {
    this.settings = settings;
  }

  /** What one slice of pass 1 summed over its canonical articles. */
  private static final class Sums {
    long canonical;
    long wordTokens;
    long termTokens;
    Map<String, long[]> terms = new HashMap<>();
    Map<String, long[]> bigrams = new HashMap<>();
    Map<String, Long> groupTokens = new HashMap<>();
  }

  /**
   * Sets every article's top terms from the profiles the spine made (its other stats are already
   * set); returns the corpus tables.
   */
  Result run(List<Article> articles, TextProfile[] profiles, WorkerPool pool) {
    int n = articles.size();
    @SuppressWarnings("unchecked")
    Map<String, Integer>[] termCounts = new Map[n];
    Sums corpus =
        merge(
            pool.slices(
                n,
                (from, to) -> {
                  Sums s = new Sums();
                  for (int i = from; i < to; i++) {
                    Article a = articles.get(i);
                    TextProfile profile = profiles[i];
                    Map<String, Integer> counts = CompactCounts.of(profile.termCounts());
                    termCounts[i] = counts;
                    if (!ArticleGroups.isCanonical(a)) {
                      continue;
                    }
                    long tokens = 0;
                    for (int c : counts.values()) {
                      tokens += c;
                    }
                    s.canonical++;
                    s.termTokens += tokens;
                    s.wordTokens += profile.stats().getWordCount();
                    profile
                        .termCounts()
                        .forEach((term, c) -> SumCountsInShards.add(s.terms, term, c, 1));
                    profile
                        .bigramCounts()
                        .forEach((bigram, c) -> SumCountsInShards.add(s.bigrams, bigram, c, 1));
                    for (String group : ArticleGroups.of(a)) {
                      s.groupTokens.merge(group, tokens, Long::sum);
                    }
                  }
                  return s;
                }));

    Map<String, long[]> table = new HashMap<>();
    corpus.terms.forEach(
        (term, sums) -> {
          if (sums[1] >= settings.minDf()) {
            table.put(term, sums);
          }
        });
    long corpusSize = corpus.canonical;
    long prunedDf = settings.prunedDf();

    Map<String, Map<String, long[]>> groupTerms = new HashMap<>();
    for (Map<String, Map<String, long[]>> part :
        pool.slices(
            n,
            (from, to) -> {
              Map<String, Map<String, long[]>> perGroup = new HashMap<>();
              for (int i = from; i < to; i++) {
                Article a = articles.get(i);
                Map<String, Integer> counts = termCounts[i];
                termCounts[i] = null;
                // a term missing from the table was pruned (df < minDf) or is absent from canonical
                // articles:
                // minDf - 1 is the largest df it can have, so its idf is never overstated
                List<TermScore> top =
                    TfIdf.top(
                        counts,
                        term -> {
                          long[] stat = table.get(term);
                          return stat == null ? prunedDf : stat[1];
                        },
                        corpusSize,
                        settings.topTerms());
                a.getStats().setTopTerms(top);
                if (!ArticleGroups.isCanonical(a)) {
                  continue;
                }
                for (String group : ArticleGroups.of(a)) {
                  Map<String, long[]> terms = perGroup.computeIfAbsent(group, g -> new HashMap<>());
                  counts.forEach(
                      (term, c) -> {
                        if (table.containsKey(term)) {
                          SumCountsInShards.add(terms, term, c, 1);
                        }
                      });
                }
              }
              return perGroup;
            })) {
      part.forEach((group, terms) -> groupTerms.merge(group, terms, BaselineWordStats::mergeInto));
    }

    List<TermStat> terms = new ArrayList<>(table.size());
    table.forEach(
        (term, s) -> terms.add(new TermStat(term, s[0], s[1], TfIdf.idf(corpusSize, s[1]))));
    terms.sort(Comparator.comparing(TermStat::getTerm));

    List<TermKeyness> keyness = keyness(groupTerms, table, corpus, pool);
    List<Ngram> ngrams = ngrams(corpus.bigrams, table, corpus.termTokens);

    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("stats.articles", (long) n);
    counts.put("stats.articles_counted", corpusSize);
    counts.put("stats.tokens", corpus.wordTokens);
    counts.put("stats.term_tokens", corpus.termTokens);
    counts.put("stats.types", (long) corpus.terms.size());
    counts.put("stats.types_kept", (long) table.size());
    return new Result(terms, keyness, ngrams, counts);
  }

  /** Per group, the top k over-represented kept terms against the rest of the corpus, ranked. */
  private List<TermKeyness> keyness(
      Map<String, Map<String, long[]>> groupTerms,
      Map<String, long[]> table,
      Sums corpus,
      WorkerPool pool) {
    List<String> groups = new ArrayList<>(groupTerms.keySet());
    groups.sort(null);
    List<TermKeyness> out = new ArrayList<>();
    for (List<TermKeyness> part :
        pool.slices(
            groups.size(),
            (from, to) -> {
              List<TermKeyness> ranked = new ArrayList<>();
              for (int g = from; g < to; g++) {
                String group = groups.get(g);
                long groupTotal = corpus.groupTokens.get(group);
                long rest = corpus.termTokens - groupTotal;
                if (rest <= 0) {
                  continue;
                }
                PriorityQueue<TermKeyness> best =
                    new PriorityQueue<>(KEYNESS_BEST_FIRST.reversed());
                groupTerms
                    .get(group)
                    .forEach(
                        (term, sums) -> {
                          long a = sums[0];
                          long b = table.get(term)[0] - a;
                          if (!Keyness.overRepresented(a, b, groupTotal, rest)) {
                            return;
                          }
                          offer(
                              best,
                              settings.keynessTopK(),
                              KEYNESS_BEST_FIRST,
                              Keyness.row(group, term, a, b, groupTotal, rest));
                        });
                List<TermKeyness> top = sorted(best, KEYNESS_BEST_FIRST);
                for (int r = 0; r < top.size(); r++) {
                  top.get(r).setRank(r + 1);
                }
                ranked.addAll(top);
              }
              return ranked;
            })) {
      out.addAll(part);
    }
    return out;
  }

  /**
   * Bigrams of count &gt;= ngramMinCount in &gt;= minDf articles whose terms are kept, top k by
   * PMI.
   */
  private List<Ngram> ngrams(Map<String, long[]> bigrams, Map<String, long[]> table, long tokens) {
    PriorityQueue<Ngram> best = new PriorityQueue<>(NGRAM_BEST_FIRST.reversed());
    bigrams.forEach(
        (bigram, sums) -> {
          long count = sums[0];
          long df = sums[1];
          if (count < settings.ngramMinCount() || df < settings.minDf()) {
            return;
          }
          String first = Bigrams.first(bigram);
          String second = Bigrams.second(bigram);
          long[] x = table.get(first);
          long[] y = table.get(second);
          if (x == null || y == null) {
            return;
          }
          offer(
              best,
              settings.ngramTopK(),
              NGRAM_BEST_FIRST,
              Ngram.newBuilder()
                  .setFirst(first)
                  .setSecond(second)
                  .setCount(count)
                  .setDocumentFrequency(df)
                  .setFirstCount(x[0])
                  .setSecondCount(y[0])
                  .setPmi(Pmi.pmi(count, x[0], y[0], tokens))
                  .setRank(0)
                  .build());
        });
    List<Ngram> top = sorted(best, NGRAM_BEST_FIRST);
    for (int r = 0; r < top.size(); r++) {
      top.get(r).setRank(r + 1);
    }
    return top;
  }

  /** Keeps the k best in a heap whose head is the worst kept. */
  private static <T> void offer(PriorityQueue<T> heap, int k, Comparator<T> bestFirst, T item) {
    if (heap.size() < k) {
      heap.add(item);
    } else if (bestFirst.compare(item, heap.peek()) < 0) {
      heap.poll();
      heap.add(item);
    }
  }

  private static <T> List<T> sorted(PriorityQueue<T> heap, Comparator<T> bestFirst) {
    List<T> out = new ArrayList<>(heap);
    out.sort(bestFirst);
    return out;
  }

  private static Map<String, long[]> mergeInto(Map<String, long[]> a, Map<String, long[]> b) {
    Map<String, long[]> big = a.size() >= b.size() ? a : b;
    Map<String, long[]> small = big == a ? b : a;
    small.forEach((key, s) -> SumCountsInShards.add(big, key, s[0], s[1]));
    return big;
  }

  private static Sums merge(List<Sums> parts) {
    Sums total = new Sums();
    for (Sums s : parts) {
      total.canonical += s.canonical;
      total.wordTokens += s.wordTokens;
      total.termTokens += s.termTokens;
      total.terms = mergeInto(total.terms, s.terms);
      total.bigrams = mergeInto(total.bigrams, s.bigrams);
      s.groupTokens.forEach((g, t) -> total.groupTokens.merge(g, t, Long::sum));
    }
    return total;
  }
}
