package dev.newsbeam.stats;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Topic;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The groups an article belongs to for keyness, as keys {@code facet:group}: {@code topic:<code>}
 * per topic tag, {@code label:<label>} per gold label and {@code outlet:<name>}. Facet names
 * contain no colon, so the first colon splits a key back (topic codes such as {@code
 * medtop:16000000} keep theirs).
 */
public final class ArticleGroups {
  public static final String TOPIC = "topic";
  public static final String LABEL = "label";
  public static final String OUTLET = "outlet";

  private ArticleGroups() {}

  /** Distinct group keys of {@code article}, blank names skipped. */
  public static Set<String> of(Article article) {
    Set<String> keys = new LinkedHashSet<>();
    for (Topic topic : article.getTopics()) {
      add(keys, TOPIC, topic.getCode());
    }
    for (String label : article.getLabels()) {
      add(keys, LABEL, label);
    }
    add(keys, OUTLET, article.getOutlet());
    return keys;
  }

  public static String key(String facet, String group) {
    return facet + ':' + group;
  }

  public static String facet(String key) {
    return key.substring(0, key.indexOf(':'));
  }

  public static String group(String key) {
    return key.substring(key.indexOf(':') + 1);
  }

  /**
   * Corpus figures count canonical articles only: unique articles and the kept copy of a cluster.
   */
  public static boolean isCanonical(Article article) {
    return article.getDedup() == null || article.getDedup().getIsCanonical();
  }

  private static void add(Set<String> keys, String facet, String group) {
    if (group != null && !group.isBlank()) {
      keys.add(key(facet, group.strip()));
    }
  }
}
