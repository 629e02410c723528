package dev.newsbeam.topics;

import dev.newsbeam.text.AnalyzedText;
import dev.newsbeam.text.NewsAnalyzer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classifier's view of an article: term counts from {@link NewsAnalyzer} (title terms counted
 * {@code titleWeight} extra times, because headlines name the subject), turned into sublinear,
 * L2-normalised TF-IDF over a fixed vocabulary.
 */
public final class Features {
  private Features() {}

  /** Term → occurrences in body plus {@code titleWeight} × occurrences in the title. */
  public static Map<String, Integer> termCounts(
      NewsAnalyzer analyzer, String title, String text, int titleWeight) {
    Map<String, Integer> counts = new HashMap<>();
    if (text != null) {
      analyzer.forEachTerm(text, t -> counts.merge(t, 1, Integer::sum));
    }
    return addTitle(counts, analyzer, title, titleWeight);
  }

  /**
   * {@link #termCounts(NewsAnalyzer, String, String, int)} of an analysed body: its terms are
   * counted when {@code analyzer} would give the same (same stemming and stopwords), else the body
   * is analysed again by {@code analyzer}.
   */
  public static Map<String, Integer> termCounts(
      NewsAnalyzer analyzer, String title, AnalyzedText body, int titleWeight) {
    Map<String, Integer> counts = new HashMap<>();
    for (String t : analyzer.reuseOrAnalyze(body).terms()) {
      counts.merge(t, 1, Integer::sum);
    }
    return addTitle(counts, analyzer, title, titleWeight);
  }

  /** {@code counts} with the title's terms added, each {@code titleWeight} times. */
  private static Map<String, Integer> addTitle(
      Map<String, Integer> counts, NewsAnalyzer analyzer, String title, int titleWeight) {
    if (title != null && titleWeight > 0) {
      analyzer.forEachTerm(title, t -> counts.merge(t, titleWeight, Integer::sum));
    }
    return counts;
  }

  /**
   * {@code ln((1 + docs) / (1 + df)) + 1}: never zero, so a term in every article still counts a
   * bit.
   */
  public static float idf(long docs, long df) {
    return (float) (Math.log((1.0 + docs) / (1.0 + df)) + 1.0);
  }

  /**
   * The vector of {@code counts} over {@code vocabulary} (term → index) with the given idf; terms
   * outside the vocabulary are dropped. {@code id}, {@code labels} and {@code fold} only matter for
   * training.
   */
  public static SparseDoc vector(
      String id,
      Map<String, Integer> counts,
      Map<String, Integer> vocabulary,
      float[] idf,
      int[] labels,
      int fold) {
    int[] index = new int[counts.size()];
    int n = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      Integer i = vocabulary.get(e.getKey());
      if (i != null) {
        index[n++] = i;
      }
    }
    index = Arrays.copyOf(index, n);
    Arrays.sort(index);
    float[] value = new float[n];
    double norm = 0;
    // vocabulary lookups again by index would need the reverse map; rebuild values from a small map
    Map<Integer, Integer> byIndex = new HashMap<>(n * 2);
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      Integer i = vocabulary.get(e.getKey());
      if (i != null) {
        byIndex.put(i, e.getValue());
      }
    }
    for (int k = 0; k < n; k++) {
      double v = (1.0 + Math.log(byIndex.get(index[k]))) * idf[index[k]];
      value[k] = (float) v;
      norm += v * v;
    }
    if (norm > 0) {
      float inv = (float) (1.0 / Math.sqrt(norm));
      for (int k = 0; k < n; k++) {
        value[k] *= inv;
      }
    }
    return new SparseDoc(id, index, value, labels, fold);
  }

  /** Label indices of {@code names} in {@code labelIndex}; unknown labels are skipped. */
  public static int[] labelIndices(List<String> names, Map<String, Integer> labelIndex) {
    return names.stream()
        .map(labelIndex::get)
        .filter(i -> i != null)
        .distinct()
        .mapToInt(Integer::intValue)
        .sorted()
        .toArray();
  }
}
