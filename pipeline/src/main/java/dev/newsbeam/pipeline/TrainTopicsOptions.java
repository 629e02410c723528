package dev.newsbeam.pipeline;

import dev.newsbeam.ingest.IngestOptions;
import dev.newsbeam.topics.TopicModelOptions;
import dev.newsbeam.topics.TrainOptions;

/**
 * Options of {@code ./newsbeam train-topics}: labelled articles in ({@code --input}), a topic model
 * out ({@code --topicModel}, the directory the pipeline's {@code --topicModel} then reads).
 */
public interface TrainTopicsOptions extends IngestOptions, TrainOptions, TopicModelOptions {}
