package dev.newsbeam.stats;

import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.text.NewsAnalyzer.Stemming;
import dev.newsbeam.text.NewsAnalyzer.Stopwords;
import java.io.Serializable;

/**
 * What {@link ComputeWordStats} computes: how words become terms, which terms the corpus tables
 * keep, and how many of each ranking are written. The one place the defaults are written ({@link
 * WordStatsOptions} takes them from here).
 *
 * @param stemming how terms are stemmed ({@code --stem})
 * @param stopwords which words are not terms ({@code --stopwords})
 * @param minDf corpus tables keep terms (and bigrams) found in at least this many canonical
 *     articles ({@code --minDf})
 * @param topTerms size of each article's {@code stats.top_terms} ({@code --topTerms})
 * @param keynessTopK key terms written per topic, label and outlet ({@code --keynessTopK})
 * @param ngramTopK bigram collocations written ({@code --ngramTopK})
 * @param ngramMinCount a bigram must occur at least this often to be ranked, as PMI overrates rare
 *     pairs ({@code --ngramMinCount})
 */
public record WordStatsSettings(
    Stemming stemming,
    Stopwords stopwords,
    int minDf,
    int topTerms,
    int keynessTopK,
    int ngramTopK,
    int ngramMinCount)
    implements Serializable {
  public static final int DEFAULT_TOP_TERMS = 10;
  public static final int DEFAULT_KEYNESS_TOP_K = 25;
  public static final int DEFAULT_NGRAM_TOP_K = 100;
  public static final int DEFAULT_NGRAM_MIN_COUNT = 5;

  public WordStatsSettings {
    checkPositive("minDf", minDf);
    checkPositive("topTerms", topTerms);
    checkPositive("keynessTopK", keynessTopK);
    checkPositive("ngramTopK", ngramTopK);
    checkPositive("ngramMinCount", ngramMinCount);
  }

  public static WordStatsSettings defaults() {
    NewsAnalyzer analyzer = NewsAnalyzer.defaults();
    return new WordStatsSettings(
        analyzer.stemming(),
        analyzer.stopwords(),
        NewsAnalyzer.DEFAULT_MIN_DF,
        DEFAULT_TOP_TERMS,
        DEFAULT_KEYNESS_TOP_K,
        DEFAULT_NGRAM_TOP_K,
        DEFAULT_NGRAM_MIN_COUNT);
  }

  /** The settings {@code options} give (their defaults are this record's). */
  public static WordStatsSettings from(WordStatsOptions options) {
    return new WordStatsSettings(
        options.getStem(),
        options.getStopwords(),
        options.getMinDf(),
        options.getTopTerms(),
        options.getKeynessTopK(),
        options.getNgramTopK(),
        options.getNgramMinCount());
  }

  public WordStatsSettings withStemming(Stemming value) {
    return new WordStatsSettings(
        value, stopwords, minDf, topTerms, keynessTopK, ngramTopK, ngramMinCount);
  }

  public WordStatsSettings withStopwords(Stopwords value) {
    return new WordStatsSettings(
        stemming, value, minDf, topTerms, keynessTopK, ngramTopK, ngramMinCount);
  }

  public WordStatsSettings withMinDf(int value) {
    return new WordStatsSettings(
        stemming, stopwords, value, topTerms, keynessTopK, ngramTopK, ngramMinCount);
  }

  public WordStatsSettings withTopTerms(int value) {
    return new WordStatsSettings(
        stemming, stopwords, minDf, value, keynessTopK, ngramTopK, ngramMinCount);
  }

  public WordStatsSettings withKeynessTopK(int value) {
    return new WordStatsSettings(
        stemming, stopwords, minDf, topTerms, value, ngramTopK, ngramMinCount);
  }

  public WordStatsSettings withNgramTopK(int value) {
    return new WordStatsSettings(
        stemming, stopwords, minDf, topTerms, keynessTopK, value, ngramMinCount);
  }

  public WordStatsSettings withNgramMinCount(int value) {
    return new WordStatsSettings(
        stemming, stopwords, minDf, topTerms, keynessTopK, ngramTopK, value);
  }

  /** The analyzer of these settings. */
  public NewsAnalyzer analyzer() {
    return new NewsAnalyzer(stemming, stopwords);
  }

  /**
   * The document frequency a term pruned from the table ({@code df < minDf}) is given when its idf
   * is needed: the largest it can have, so its idf is never overstated (exact for minDf 2).
   */
  public long prunedDf() {
    return Math.max(1, minDf - 1);
  }

  private static void checkPositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }
  }
}
