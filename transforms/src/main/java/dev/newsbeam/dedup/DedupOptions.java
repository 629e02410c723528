package dev.newsbeam.dedup;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of exact and near-duplicate detection; {@link DedupSettings#from} reads them. */
public interface DedupOptions extends PipelineOptions {
  @Description(
      "Near-duplicate threshold: Jaccard similarity of shingles (see --shingle) to the canonical "
          + "(see --verify); with --containment, a pair below it can still match by containment.")
  @Default.Double(DedupSettings.DEFAULT_SIMILARITY)
  double getSimilarity();

  void setSimilarity(double value);

  @Description(
      "MinHash permutations per article (LSH bands x rows are derived from this, --similarity "
          + "and --containment).")
  @Default.Integer(DedupSettings.DEFAULT_NUM_PERM)
  int getNumPerm();

  void setNumPerm(int value);

  @Description(
      "LSH bands x rows for near-duplicate candidates, e.g. 32x2 (bands x rows <= --numPerm); "
          + "default: the shape that best fits --numPerm and the lowest Jaccard similarity a "
          + "duplicate can have: --similarity, or with --containment that of a copy keeping "
          + DedupSettings.CONTAINMENT_SHORTEST_RATIO
          + " of the longer text's shingles, if lower.")
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

  @Description(
      "Shingles for near-duplicate detection: word:N (N consecutive words), char:N (N "
          + "consecutive characters of the words written without spaces or punctuation, so "
          + "OCR-like letter noise damages few shingles and split, merged or hyphen-broken words "
          + "still match), or N (= word:N).")
  @Default.String(DedupSettings.DEFAULT_SHINGLE)
  String getShingle();

  void setShingle(String value);

  @Description(
      "Containment threshold: a pair is also a near duplicate when the shorter text's shingles "
          + "are at least this share contained in the longer's, |A∩B|/min(|A|,|B|) (an abridged "
          + "or truncated copy of a story); estimated from the MinHash signatures, exact with "
          + "--verify=exact. 0 turns containment off (Jaccard similarity alone).")
  @Default.Double(DedupSettings.DEFAULT_CONTAINMENT)
  double getContainment();

  void setContainment(double value);

  @Description(
      "Distinct shingles the shorter text needs before --containment can make it a duplicate, so "
          + "that a brief of a few sentences lifted from a long story does not count as contained "
          + "in it. 0: those of about "
          + DedupSettings.CONTAINMENT_MIN_WORDS
          + " words of text for the --shingle kind (N-1 fewer words for word:N; for char:N, "
          + ShingleSpec.LETTERS_PER_WORD
          + " letters a word, N-1 fewer).")
  @Default.Integer(DedupSettings.DEFAULT_MIN_CONTAINMENT_SHINGLES)
  int getMinContainmentShingles();

  void setMinContainmentShingles(int value);

  @Description(
      "Which copy a duplicate cluster keeps: earliest, latest or longest (ties: longer text, "
          + "then smaller id).")
  @Default.Enum(DedupSettings.DEFAULT_KEEP)
  CanonicalPolicy getKeep();

  void setKeep(CanonicalPolicy value);

  @Description(
      "Figure test: two texts that each have at least 2 figures (words with a digit: amounts, "
          + "dates, percentages) are near duplicates only if this share of the smaller figure set "
          + "is in the other; it keeps templated stories (earnings, dividends) of different "
          + "companies apart. 0: off.")
  @Default.Double(DedupSettings.DEFAULT_FIGURE_AGREEMENT)
  double getFigureAgreement();

  void setFigureAgreement(double value);
}
