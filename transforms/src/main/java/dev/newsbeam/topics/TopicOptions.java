package dev.newsbeam.topics;

import dev.newsbeam.text.AnalysisOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of topic tagging; {@link TopicSettings#from} reads them. */
public interface TopicOptions extends AnalysisOptions, TopicModelOptions {
  @Description(
      "Taxonomy JSON for the topic tagger (format in README 'Topics'); default: the bundled "
          + "IPTC Media Topics taxonomy.")
  String getTaxonomy();

  void setTaxonomy(String value);

  @Description(
      "With --topicModel: an article that reaches no label's threshold gets the model's nearest "
          + "label if within the model's fallback margin (true), or no model tag (false: for news "
          + "unlike the training corpus).")
  @Default.Boolean(TopicSettings.DEFAULT_MODEL_FALLBACK)
  boolean getTopicFallback();

  void setTopicFallback(boolean value);
}
