package dev.newsbeam.stats;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Ngram;
import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.schema.TermStat;
import dev.newsbeam.stage.StageResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/** The outputs of {@link ComputeWordStats}. */
public final class WordStatsResult extends StageResult {
  private final PCollection<TermStat> terms;
  private final PCollection<TermKeyness> keyness;
  private final PCollection<Ngram> ngrams;

  WordStatsResult(
      PCollection<Article> articles,
      PCollection<TermStat> terms,
      PCollection<TermKeyness> keyness,
      PCollection<Ngram> ngrams,
      PCollection<KV<String, Long>> counts) {
    super(articles, counts);
    this.terms = with("terms", terms);
    this.keyness = with("termKeyness", keyness);
    this.ngrams = with("ngrams", ngrams);
  }

  /** Corpus term statistics over canonical articles, terms with df ≥ minDf: {@code terms/}. */
  public PCollection<TermStat> terms() {
    return terms;
  }

  /** Top terms by G² per topic, label and outlet: {@code term_keyness/}. */
  public PCollection<TermKeyness> keyness() {
    return keyness;
  }

  /** Top bigram collocations by PMI: {@code ngrams/}. */
  public PCollection<Ngram> ngrams() {
    return ngrams;
  }
}
