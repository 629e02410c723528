package dev.newsbeam.stats;

/** Pointwise mutual information of a bigram, in bits. */
public final class Pmi {
  private Pmi() {}

  /**
   * log2(P(x,y) / (P(x)·P(y))) estimated as log2(pairCount · total / (firstCount · secondCount)),
   * all probabilities over the same {@code total} token count (as NLTK's bigram measures do).
   */
  public static double pmi(long pairCount, long firstCount, long secondCount, long total) {
    return Math.log((double) pairCount * total / ((double) firstCount * secondCount)) / Math.log(2);
  }
}
