package dev.newsbeam.topics;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where a trained topic model lives: train-topics writes it there, the pipeline reads it. */
public interface TopicModelOptions extends PipelineOptions {
  @Description(
      "A topic model directory (or model file): train-topics writes the model there; the pipeline "
          + "reads it and adds the model's tags to the taxonomy's.")
  String getTopicModel();

  void setTopicModel(String value);
}
