package dev.newsbeam.stats;

import dev.newsbeam.schema.ArticleStats;
import java.util.Map;

/**
 * What one analyzer pass learns about a text: its {@link ArticleStats} (top_terms still empty: they
 * need the corpus), how often each term occurs, and how often each in-sentence bigram of terms
 * occurs.
 *
 * @param stats every ArticleStats field but top_terms
 * @param termCounts term → occurrences (terms as {@code NewsAnalyzer.terms})
 * @param bigramCounts {@link Bigrams#key} → occurrences
 * @param termTokens occurrences of all terms, i.e. the sum of {@code termCounts} values
 */
public record TextProfile(
    ArticleStats stats,
    Map<String, Integer> termCounts,
    Map<String, Integer> bigramCounts,
    int termTokens) {}
