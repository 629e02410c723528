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
    public final Map<String, Long> fitLabels = new HashMap<>();
    public final Map<String, Long> heldOutLabels = new HashMap<>();
    public long docs;
    public long fitDocs;
    public long heldOutDocs;

    public Counts add(LabelledTerms doc) {
      docs++;
      for (String term : doc.counts().keySet()) {
        df.merge(term, 1L, Long::sum);
      }
      Map<String, Long> labels = doc.heldOut() ? heldOutLabels : fitLabels;
      for (String l : doc.labels()) {
        labels.merge(l, 1L, Long::sum);
      }
      if (doc.heldOut()) {
        heldOutDocs++;
      } else {
        fitDocs++;
      }
      return this;
    }

    public Counts merge(Counts other) {
      other.df.forEach((k, v) -> df.merge(k, v, Long::sum));
      other.fitLabels.forEach((k, v) -> fitLabels.merge(k, v, Long::sum));
      other.heldOutLabels.forEach((k, v) -> heldOutLabels.merge(k, v, Long::sum));
      docs += other.docs;
      fitDocs += other.fitDocs;
      heldOutDocs += other.heldOutDocs;
      return this;
    }
  }

  public final List<String> terms;
  public final float[] idf;
  public final List<String> labels;
  public final long[] fitLabelCounts;
  public final long[] heldOutLabelCounts;
  public final long fitDocs;
  public final long heldOutDocs;
  private transient Map<String, Integer> termIndex;
  private transient Map<String, Integer> labelIndex;

  private Vocabulary(List<String> terms, float[] idf, List<String> labels, long[] fitLabelCounts,
      long[] heldOutLabelCounts, long fitDocs, long heldOutDocs) {
    this.terms = terms;
    this.idf = idf;
    this.labels = labels;
    this.fitLabelCounts = fitLabelCounts;
    this.heldOutLabelCounts = heldOutLabelCounts;
    this.fitDocs = fitDocs;
    this.heldOutDocs = heldOutDocs;
  }

  /**
   * Terms in at least {@code minDf} articles (sorted, so the model is the same on every runner) and
   * the labels of the fitting fold (sorted).
   */
  public static Vocabulary of(Counts c, int minDf) {
    List<String> terms = new ArrayList<>(new TreeMap<>(c.df).entrySet().stream()
        .filter(e -> e.getValue() >= minDf).map(Map.Entry::getKey).toList());
    float[] idf = new float[terms.size()];
    for (int i = 0; i < idf.length; i++) {
      idf[i] = Features.idf(c.docs, c.df.get(terms.get(i)));
    }
    List<String> labels = new ArrayList<>(new TreeMap<>(c.fitLabels).keySet());
    long[] fit = new long[labels.size()];
    long[] held = new long[labels.size()];
    for (int l = 0; l < labels.size(); l++) {
      fit[l] = c.fitLabels.get(labels.get(l));
      held[l] = c.heldOutLabels.getOrDefault(labels.get(l), 0L);
    }
    return new Vocabulary(terms, idf, labels, fit, held, c.fitDocs, c.heldOutDocs);
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
    return Features.vector(doc.counts(), termIndex(), idf,
        Features.labelIndices(doc.labels(), labelIndex()), doc.heldOut());
  }
}
