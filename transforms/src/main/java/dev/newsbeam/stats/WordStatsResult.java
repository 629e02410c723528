package dev.newsbeam.stats;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Ngram;
import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.schema.TermStat;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/** The outputs of {@link ComputeWordStats}. */
public final class WordStatsResult implements POutput {
  private static final TupleTag<Article> ARTICLES = new TupleTag<>("articles");
  private static final TupleTag<TermStat> TERMS = new TupleTag<>("terms");
  private static final TupleTag<TermKeyness> KEYNESS = new TupleTag<>("termKeyness");
  private static final TupleTag<Ngram> NGRAMS = new TupleTag<>("ngrams");
  private static final TupleTag<KV<String, Long>> MANIFEST = new TupleTag<>("manifest");

  private final Pipeline pipeline;
  private final PCollection<Article> articles;
  private final PCollection<TermStat> terms;
  private final PCollection<TermKeyness> keyness;
  private final PCollection<Ngram> ngrams;
  private final PCollection<KV<String, Long>> manifest;

  WordStatsResult(
      Pipeline pipeline,
      PCollection<Article> articles,
      PCollection<TermStat> terms,
      PCollection<TermKeyness> keyness,
      PCollection<Ngram> ngrams,
      PCollection<KV<String, Long>> manifest) {
    this.pipeline = pipeline;
    this.articles = articles;
    this.terms = terms;
    this.keyness = keyness;
    this.ngrams = ngrams;
    this.manifest = manifest;
  }

  /** Every input article with {@code stats} filled, top_terms included. */
  public PCollection<Article> articles() {
    return articles;
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

  /** (counter name, value) pairs for manifest.json: stats.articles, stats.articles_counted, ... */
  public PCollection<KV<String, Long>> manifest() {
    return manifest;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(
        ARTICLES, articles, TERMS, terms, KEYNESS, keyness, NGRAMS, ngrams, MANIFEST, manifest);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
