package dev.newsbeam.stats;

import dev.newsbeam.text.AnalysisOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of word statistics; {@link WordStatsSettings#from} reads them. */
public interface WordStatsOptions extends AnalysisOptions {
  @Description("Top terms by TF-IDF kept per article (stats.top_terms).")
  @Default.Integer(WordStatsSettings.DEFAULT_TOP_TERMS)
  int getTopTerms();

  void setTopTerms(int value);

  @Description(
      "Most over-represented terms (G²) kept per topic, label and outlet in term_keyness/.")
  @Default.Integer(WordStatsSettings.DEFAULT_KEYNESS_TOP_K)
  int getKeynessTopK();

  void setKeynessTopK(int value);

  @Description("Bigram collocations kept in ngrams/, by PMI.")
  @Default.Integer(WordStatsSettings.DEFAULT_NGRAM_TOP_K)
  int getNgramTopK();

  void setNgramTopK(int value);

  @Description("Minimum count of a bigram to be ranked in ngrams/.")
  @Default.Integer(WordStatsSettings.DEFAULT_NGRAM_MIN_COUNT)
  int getNgramMinCount();

  void setNgramMinCount(int value);
}
