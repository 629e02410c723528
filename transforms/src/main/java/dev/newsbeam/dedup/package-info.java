/**
 * Exact and near-duplicate detection ({@link dev.newsbeam.dedup.DetectDuplicates}).
 *
 * <p><b>Pure cores</b> (no Beam types): {@link dev.newsbeam.dedup.TextFingerprint} (NFKC, case
 * fold, punctuation and symbols dropped, whitespace collapsed; SHA-256 truncated to 128 bits),
 * {@link dev.newsbeam.dedup.Shingler} (word n-grams over the shared {@link
 * dev.newsbeam.text.NewsAnalyzer} words, 64-bit hashes), {@link dev.newsbeam.dedup.MinHasher}
 * (seeded multiply-shift permutations, 32-bit signature values), {@link
 * dev.newsbeam.dedup.LshBands} (bands x rows by datasketch's weighted false-positive/false-negative
 * area), {@link dev.newsbeam.dedup.BucketStars} (star edges of the buckets in one shuffle shard),
 * {@link dev.newsbeam.dedup.ComponentForest} (mergeable union-find, smallest id as root), {@link
 * dev.newsbeam.dedup.CanonicalPolicy}, {@link dev.newsbeam.dedup.ChainGuard}, {@link
 * dev.newsbeam.dedup.ClusteringQuality} and {@link dev.newsbeam.dedup.DuplicateCorpusGenerator}.
 *
 * <p><b>Defaults for news</b> ({@link dev.newsbeam.dedup.DedupSettings}): 3-word shingles, Jaccard
 * threshold 0.3, 128 permutations (37 bands x 3 rows). Measured on the generator's default mix (10k
 * articles from Reuters-21578 train, seed 1; exact Jaccard of each copy to its original, and of 400
 * sampled originals to their most similar unrelated original):
 *
 * <pre>
 *   n  copies below t=0.4 / 0.5 / 0.8     unrelated nearest at or above t=0.4 / 0.5 / 0.8
 *   1      0.3% / 1.7% / 27%                     8.7% / 4.8% / 0.3%
 *   2      0.5% / 2.3% / 30%                     4.5% / 2.5% / 1.0%
 *   3      0.6% / 2.8% / 34%                     2.5% / 1.5% / 1.0%
 *   4      0.8% / 3.5% / 37%                     1.3% / 1.0% / 0.0%
 *   5      1.1% / 4.5% / 40%                     1.8% / 1.5% / 0.7%
 * </pre>
 *
 * A web-style 0.8 threshold loses a third of the copies whatever n; at 0.3-0.4 trigrams keep all
 * but 0.1-0.6% of the copies while single words and bigrams let templated wire briefs ("... sets X
 * billion dlr customer repurchase ...") match each other. The threshold also bounds similarity to
 * the canonical, and two copies edited independently are further apart than each is from the
 * original, so the end-to-end sweep (see {@link dev.newsbeam.dedup.DedupSettings}) settles on 0.3.
 * Most of the remaining "unrelated" matches were the base corpus's own near copies, which the
 * generator now removes from its stories.
 *
 * <p><b>Chaining</b>: components of verified edges are only candidates; a member joins a cluster
 * only if its Jaccard similarity (estimated, or exact with {@code --verify=exact}) to the cluster's
 * canonical is at least the threshold ({@link dev.newsbeam.dedup.ChainGuard}), so every link in the
 * output is a direct match to the kept article.
 */
package dev.newsbeam.dedup;
