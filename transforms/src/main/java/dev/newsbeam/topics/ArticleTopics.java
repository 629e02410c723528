package dev.newsbeam.topics;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Topic;
import dev.newsbeam.schema.TopicDayCount;
import dev.newsbeam.text.AnalyzedText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics of one article and what they count for: the one place the pipeline's tagging step and
 * the plain-Java baseline share. Pure; a tagger or classifier is built once per worker.
 */
public final class ArticleTopics {
  private static final String SEP = "\u0001";

  private ArticleTopics() {}

  /**
   * Taxonomy tags, then model tags when a classifier is given, each list highest score first.
   *
   * @param classifier the trained model's classifier, or null for taxonomy tags only
   */
  public static List<Topic> tag(TaxonomyTagger tagger, TopicClassifier classifier, Article a) {
    List<Topic> topics = new ArrayList<>(tagger.tag(a.getTitle(), a.getText()));
    if (classifier != null) {
      topics.addAll(classifier.tag(a.getTitle(), a.getText()));
    }
    return topics;
  }

  /**
   * {@link #tag(TaxonomyTagger, TopicClassifier, Article)} of an article whose text is already
   * analysed; tagger and classifier analyse it again only if their stemming or stopwords differ.
   *
   * @throws IllegalArgumentException if {@code body} is not the analysis of the article's text
   */
  public static List<Topic> tag(
      TaxonomyTagger tagger, TopicClassifier classifier, Article a, AnalyzedText body) {
    if (!body.isOf(a.getText())) {
      throw new IllegalArgumentException(
          "article " + a.getId() + ": the analysis is of another text");
    }
    List<Topic> topics = new ArrayList<>(tagger.tag(a.getTitle(), body));
    if (classifier != null) {
      topics.addAll(classifier.tag(a.getTitle(), body));
    }
    return topics;
  }

  /**
   * The manifest counters a tagged article adds one to: {@code topics.tagged_articles} or {@code
   * topics.untagged_articles}, and {@code topics.<code>} per topic.
   */
  public static List<String> counters(Article tagged) {
    List<String> names = new ArrayList<>(tagged.getTopics().size() + 1);
    names.add(tagged.getTopics().isEmpty() ? "topics.untagged_articles" : "topics.tagged_articles");
    for (Topic t : tagged.getTopics()) {
      names.add("topics." + t.getCode());
    }
    return names;
  }

  /**
   * The {@code topics/} keys (day, tagger, code, label) of a tagged article, each counted once:
   * what {@link #dayCount} turns back into a row.
   */
  public static Map<String, Integer> dayTopicKeys(Article tagged) {
    String day =
        tagged.getPublishedDate() == null
            ? ""
            : Long.toString(tagged.getPublishedDate().toEpochDay());
    Map<String, Integer> keys = new HashMap<>();
    for (Topic t : tagged.getTopics()) {
      keys.put(String.join(SEP, day, t.getSource(), t.getCode(), t.getLabel()), 1);
    }
    return keys;
  }

  /**
   * The {@code topics/} row of a {@link #dayTopicKeys} key counted in {@code articles} articles.
   */
  public static TopicDayCount dayCount(String key, long articles) {
    String[] p = key.split(SEP, 4);
    return TopicDayCount.newBuilder()
        .setDate(p[0].isEmpty() ? null : LocalDate.ofEpochDay(Long.parseLong(p[0])))
        .setSource(p[1])
        .setCode(p[2])
        .setLabel(p[3])
        .setArticles(articles)
        .build();
  }
}
