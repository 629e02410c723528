package dev.newsbeam.topics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Corpus statistics of a training set and the vocabulary and labels chosen from them (pure core).
 * {@link Counts} is the accumulator of one combiner pass over the articles.
 */
public final class Vocabulary implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Document frequencies and label counts, mergeable. */
  public static final class Counts implements Serializable {
    private static final long serialVersionUID = 1L;
    public final Map<String, Long> df = new HashMap<>();
    public final Map<String, Long> labels = new HashMap<>();
    public long docs;

    public Counts add(LabelledTerms doc) {
      docs++;
      for (String term : doc.counts().keySet()) {
        df.merge(term, 1L, Long::sum);
      }
      for (String l : new java.util.HashSet<>(doc.labels())) {
        labels.merge(l, 1L, Long::sum);
      }
      return this;
    }

    public Counts merge(Counts other) {
      other.df.forEach((k, v) -> df.merge(k, v, Long::sum));
      other.labels.forEach((k, v) -> labels.merge(k, v, Long::sum));
      docs += other.docs;
      return this;
    }
  }

  public final List<String> terms;
  public final float[] idf;
  public final List<String> labels;

  /** Training articles per label. */
  public final long[] labelCounts;

  public final long docs;
  private transient Map<String, Integer> termIndex;
  private transient Map<String, Integer> labelIndex;

  private Vocabulary(
      List<String> terms, float[] idf, List<String> labels, long[] labelCounts, long docs) {
    this.terms = terms;
    this.idf = idf;
    this.labels = labels;
    this.labelCounts = labelCounts;
    this.docs = docs;
  }

  /**
   * Terms in at least {@code minDf} articles (sorted, so the model is the same on every runner) and
   * the labels (sorted).
   */
  public static Vocabulary of(Counts c, int minDf) {
    List<String> terms =
        new ArrayList<>(
            new TreeMap<>(c.df)
                .entrySet().stream()
                    .filter(e -> e.getValue() >= minDf)
                    .map(Map.Entry::getKey)
                    .toList());
    float[] idf = new float[terms.size()];
    for (int i = 0; i < idf.length; i++) {
      idf[i] = Features.idf(c.docs, c.df.get(terms.get(i)));
    }
    List<String> labels = new ArrayList<>(new TreeMap<>(c.labels).keySet());
    long[] counts = new long[labels.size()];
    for (int l = 0; l < labels.size(); l++) {
      counts[l] = c.labels.get(labels.get(l));
    }
    return new Vocabulary(terms, idf, labels, counts, c.docs);
  }

  public Map<String, Integer> termIndex() {
    if (termIndex == null) {
      Map<String, Integer> m = new HashMap<>(terms.size() * 2);
      for (int i = 0; i < terms.size(); i++) {
        m.put(terms.get(i), i);
      }
      termIndex = m;
    }
    return termIndex;
  }

  public Map<String, Integer> labelIndex() {
    if (labelIndex == null) {
      Map<String, Integer> m = new HashMap<>();
      for (int i = 0; i < labels.size(); i++) {
        m.put(labels.get(i), i);
      }
      labelIndex = m;
    }
    return labelIndex;
  }

  /** The training vector of {@code doc}. */
  public SparseDoc vector(LabelledTerms doc) {
    return Features.vector(
        doc.id(),
        doc.counts(),
        termIndex(),
        idf,
        Features.labelIndices(doc.labels(), labelIndex()),
        doc.fold());
  }
}
