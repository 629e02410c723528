package dev.newsbeam.dedup;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of exact and near-duplicate detection; {@link DedupSettings#from} reads them. */
public interface DedupOptions extends PipelineOptions {
  @Description(
      "Near-duplicate threshold: Jaccard similarity of word shingles to the canonical (see "
          + "--verify).")
  @Default.Double(DedupSettings.DEFAULT_SIMILARITY)
  double getSimilarity();

  void setSimilarity(double value);

  @Description(
      "MinHash permutations per article (LSH bands x rows are derived from this and "
          + "--similarity).")
  @Default.Integer(DedupSettings.DEFAULT_NUM_PERM)
  int getNumPerm();

  void setNumPerm(int value);

  @Description(
      "LSH bands x rows for near-duplicate candidates, e.g. 32x2 (bands x rows <= --numPerm); "
          + "default: the shape that best fits --similarity and --numPerm.")
  String getLshBands();

  void setLshBands(String value);

  @Description(
      "Chain guard: a near duplicate joins a cluster only if it is similar to the cluster's "
          + "canonical (true); false: clusters are the connected components of verified LSH "
          + "edges, as in MLlib, text-dedup or NeMo Curator, and can grow through chains of "
          + "templated stories.")
  @Default.Boolean(DedupSettings.DEFAULT_CHAIN_GUARD)
  boolean getChainGuard();

  void setChainGuard(boolean value);

  @Description(
      "How LSH candidate pairs are verified: minhash (Jaccard estimated from the signatures) or "
          + "exact (Jaccard of the shingle sets, as MLlib and NeMo Curator; each sketch then "
          + "carries its shingles through the dedup shuffles, about 5x the bytes).")
  @Default.Enum(DedupSettings.DEFAULT_VERIFY)
  DedupSettings.Verify getVerify();

  void setVerify(DedupSettings.Verify value);

  @Description("Words per shingle for near-duplicate detection.")
  @Default.Integer(DedupSettings.DEFAULT_SHINGLE)
  int getShingle();

  void setShingle(int value);

  @Description(
      "Which copy a duplicate cluster keeps: earliest, latest or longest (ties: longer text, "
          + "then smaller id).")
  @Default.Enum(DedupSettings.DEFAULT_KEEP)
  CanonicalPolicy getKeep();

  void setKeep(CanonicalPolicy value);
}
