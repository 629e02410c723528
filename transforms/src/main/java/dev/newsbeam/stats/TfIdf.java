package dev.newsbeam.stats;

import dev.newsbeam.schema.TermScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** TF-IDF with raw counts and natural-log idf: tfidf = count × ln(N / df). */
public final class TfIdf {
  private TfIdf() {}

  /** Highest score first, ties by term so the ranking is reproducible. */
  public static final Comparator<TermScore> RANKING =
      Comparator.comparingDouble(TermScore::getTfidf).reversed().thenComparing(TermScore::getTerm);

  /** ln(n / df); df is clamped to at least 1 (a term unseen in the corpus counts as seen once). */
  public static double idf(long n, long df) {
    return Math.log((double) n / Math.max(1L, df));
  }

  /**
   * The top {@code k} terms of an article by TF-IDF against a corpus of {@code n} documents,
   * highest first, ties by term. Terms scoring 0 or less (in every document, or an empty corpus)
   * are left out.
   *
   * @param counts the article's term counts
   * @param df the document frequency of a term in the corpus
   */
  public static List<TermScore> top(
      Map<String, Integer> counts, ToLongFunction<String> df, long n, int k) {
    List<TermScore> scored = new ArrayList<>(counts.size());
    if (n <= 0) {
      return scored;
    }
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      double tfidf = e.getValue() * idf(n, df.applyAsLong(e.getKey()));
      if (tfidf > 0) {
        scored.add(new TermScore(e.getKey(), e.getValue(), tfidf));
      }
    }
    scored.sort(RANKING);
    return scored.size() > k ? new ArrayList<>(scored.subList(0, k)) : scored;
  }
}
