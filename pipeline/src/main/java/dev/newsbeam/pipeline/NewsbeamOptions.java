package dev.newsbeam.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of the main newsbeam pipeline; runner options come in through {@code --runner=...}. */
public interface NewsbeamOptions extends PipelineOptions {

  @Description(
      "Comma-separated files, globs or directories to read (*.txt, *.jsonl, *.ndjson, each "
          + "optionally .gz/.bz2/.zst). A directory means every supported file under it. "
          + "Default: the repository's testdata/.")
  String getInput();

  void setInput(String value);

  @Description(
      "Output directory: articles/, errors/, manifest.json and the stage outputs go under it.")
  @Default.String("target/newsbeam-out")
  String getOutput();

  void setOutput(String value);

  @Description("Replace the results already in --output (refused otherwise).")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);

  @Description(
      "Largest article (text file, or JSONL line) in bytes; larger ones become 'too_large' errors.")
  @Default.Long(10L * 1024 * 1024)
  long getMaxArticleBytes();

  void setMaxArticleBytes(long value);

  @Description(
      "Shards of articles/*.avro; 0 = automatic (runner-determined, 4 on the DirectRunner). "
          + "The smaller datasets are written as one shard each.")
  @Default.Integer(0)
  int getNumShards();

  void setNumShards(int value);

  @Description(
      "Shuffle shards of the joins and sums (dedup, topic counts, word statistics, the "
          + "redistribution after reading); the output does not depend on it. 0 = automatic: each stage's "
          + "default (256 for dedup, 64 for sums, 128 buckets after reading) on a cluster runner, "
          + "2 x --targetParallelism on the DirectRunner, which copies a key's group for every incoming "
          + "bundle and runs a bundle per key downstream.")
  @Default.Integer(0)
  int getShuffleShards();

  void setShuffleShards(int value);

  @Description("Avro block compression of every output: snappy, deflate, zstandard or null.")
  @Default.String("snappy")
  String getAvroCodec();

  void setAvroCodec(String value);

  // ---- dedup ----

  @Description(
      "Near-duplicate threshold: Jaccard similarity of word shingles to the canonical (see --verify).")
  @Default.Double(0.3)
  double getSimilarity();

  void setSimilarity(double value);

  @Description(
      "MinHash permutations per article (LSH bands x rows are derived from this and --similarity).")
  @Default.Integer(128)
  int getNumPerm();

  void setNumPerm(int value);

  @Description(
      "LSH bands x rows for near-duplicate candidates, e.g. 32x2 (bands x rows <= --numPerm); default: "
          + "the shape that best fits --similarity and --numPerm (37x3 at 0.3 and 128).")
  String getLshBands();

  void setLshBands(String value);

  @Description(
      "Chain guard: a near duplicate joins a cluster only if it is similar to the cluster's canonical "
          + "(true); false: clusters are the connected components of verified LSH edges, as in MLlib, text-dedup "
          + "or NeMo Curator, and can grow through chains of templated stories.")
  @Default.Boolean(true)
  boolean getChainGuard();

  void setChainGuard(boolean value);

  @Description(
      "How LSH candidate pairs are verified: minhash (Jaccard estimated from the signatures) or exact "
          + "(Jaccard of the shingle sets, as MLlib and NeMo Curator; each sketch then carries its shingles through "
          + "the dedup shuffles, ~5x the bytes).")
  @Default.String("minhash")
  String getVerify();

  void setVerify(String value);

  @Description("Words per shingle for near-duplicate detection.")
  @Default.Integer(3)
  int getShingle();

  void setShingle(int value);

  @Description(
      "Which copy a duplicate cluster keeps: earliest, latest or longest (ties: longer text, then smaller id).")
  @Default.String("earliest")
  String getKeep();

  void setKeep(String value);

  // ---- topics ----

  @Description(
      "Taxonomy JSON for the topic tagger (format in README 'Topics'); default: the bundled "
          + "IPTC Media Topics taxonomy.")
  String getTaxonomy();

  void setTaxonomy(String value);

  @Description("A train-topics output directory (or model file): adds tags from that classifier.")
  String getTopicModel();

  void setTopicModel(String value);

  @Description(
      "With --topicModel: an article that reaches no label's threshold gets the model's nearest "
          + "label if within the model's fallback margin (true), or no model tag (false: for news unlike the "
          + "training corpus).")
  @Default.Boolean(true)
  boolean getTopicFallback();

  void setTopicFallback(boolean value);

  // ---- word statistics ----

  @Description(
      "Stemming of terms (TF-IDF, keyness, collocations, taxonomy topics; a topic model keeps the "
          + "stemming it was trained with): none, english-minimal or porter.")
  @Default.String("porter")
  String getStem();

  void setStem(String value);

  @Description(
      "English stopword list (word statistics and taxonomy topics): classic (Lucene's 33 words), "
          + "snowball (174) or none.")
  @Default.String("classic")
  String getStopwords();

  void setStopwords(String value);

  @Description(
      "Corpus terms, collocations and keyness keep only terms in at least this many canonical articles.")
  @Default.Integer(2)
  int getMinDf();

  void setMinDf(int value);

  @Description("Top terms by TF-IDF kept per article (stats.top_terms).")
  @Default.Integer(10)
  int getTopTerms();

  void setTopTerms(int value);

  @Description(
      "Most over-represented terms (G²) kept per topic, label and outlet in term_keyness/.")
  @Default.Integer(25)
  int getKeynessTopK();

  void setKeynessTopK(int value);

  @Description("Bigram collocations kept in ngrams/, by PMI.")
  @Default.Integer(100)
  int getNgramTopK();

  void setNgramTopK(int value);

  @Description("Minimum count of a bigram to be ranked in ngrams/.")
  @Default.Integer(5)
  int getNgramMinCount();

  void setNgramMinCount(int value);
}
