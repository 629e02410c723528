/**
 * Exact and near-duplicate detection ({@link dev.newsbeam.dedup.DetectDuplicates}).
 *
 * <p><b>Pure cores</b> (no Beam types): {@link dev.newsbeam.dedup.TextFingerprint} (NFKC, case
 * fold, punctuation and symbols dropped, whitespace collapsed; SHA-256 truncated to 128 bits),
 * {@link dev.newsbeam.dedup.Shingler} (word or character n-grams, per {@link
 * dev.newsbeam.dedup.ShingleSpec}, over the shared {@link dev.newsbeam.text.NewsAnalyzer} words,
 * 64-bit hashes), {@link dev.newsbeam.dedup.DuplicateRule} (Jaccard similarity or containment: when
 * a pair is a duplicate), {@link dev.newsbeam.dedup.MinHasher} (seeded multiply-shift permutations,
 * 32-bit signature values), {@link dev.newsbeam.dedup.LshBands} (bands x rows by datasketch's
 * weighted false-positive/false-negative area), {@link dev.newsbeam.dedup.BucketStars} (star edges
 * of the buckets in one shuffle shard), {@link dev.newsbeam.dedup.ComponentForest} (mergeable
 * union-find, smallest id as root), {@link dev.newsbeam.dedup.CanonicalPolicy}, {@link
 * dev.newsbeam.dedup.ChainGuard} and {@link dev.newsbeam.dedup.ArticleSketcher} (an article's
 * fingerprint, signature and band keys).
 *
 * <p><b>Defaults for news</b> ({@link dev.newsbeam.dedup.DedupSettings}): 3-word shingles and a
 * Jaccard threshold of 0.3 over 128 permutations. Re-edited news copies share far fewer shingles
 * than web near-copies, and two copies edited independently are further apart than either is from
 * the original, which the threshold to the canonical must allow; shorter shingles let templated
 * wire briefs match each other. docs/dedup.md has the measurements behind the choice.
 *
 * <p><b>Chaining</b>: components of verified edges are only candidates; a member joins a cluster
 * only if it is a duplicate of the cluster's canonical under the same {@link
 * dev.newsbeam.dedup.DuplicateRule} that verified the edges (estimated, or exact with {@code
 * --verify=exact}; {@link dev.newsbeam.dedup.ChainGuard}), so every link in the output is a direct
 * match to the kept article.
 */
package dev.newsbeam.dedup;
