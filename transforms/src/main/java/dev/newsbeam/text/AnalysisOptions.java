package dev.newsbeam.text;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** {@link TermOptions} plus the stopword list: how the pipeline analyses article text. */
public interface AnalysisOptions extends TermOptions {
  @Description(
      "English stopword list of word statistics and taxonomy topics: classic (Lucene's 33 words), "
          + "snowball (174) or none.")
  @Default.Enum(NewsAnalyzer.DEFAULT_STOPWORDS)
  NewsAnalyzer.Stopwords getStopwords();

  void setStopwords(NewsAnalyzer.Stopwords value);
}
