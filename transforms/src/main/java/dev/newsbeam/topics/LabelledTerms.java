package dev.newsbeam.topics;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A labelled article reduced to its term counts and cross-validation fold: what training shuffles
 * instead of words.
 */
public record LabelledTerms(String id, Map<String, Integer> counts, List<String> labels, int fold)
    implements Serializable {}
