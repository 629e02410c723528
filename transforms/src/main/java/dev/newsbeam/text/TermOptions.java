package dev.newsbeam.text;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * How words become terms and which terms are kept: shared by word statistics, the taxonomy tagger
 * ({@link AnalysisOptions}) and topic-model training, so each flag means one thing everywhere.
 */
public interface TermOptions extends PipelineOptions {
  @Description(
      "Stemming of terms: none, english-minimal or porter (word statistics, taxonomy topics and "
          + "train-topics; a topic model keeps the stemming it was trained with).")
  @Default.Enum(NewsAnalyzer.DEFAULT_STEMMING)
  NewsAnalyzer.Stemming getStem();

  void setStem(NewsAnalyzer.Stemming value);

  @Description(
      "Terms in fewer documents are dropped: from corpus terms, collocations and keyness (counted "
          + "over canonical articles), and from a trained topic model's vocabulary.")
  @Default.Integer(NewsAnalyzer.DEFAULT_MIN_DF)
  int getMinDf();

  void setMinDf(int value);
}
