package dev.newsbeam.pipeline.commands;

import dev.newsbeam.ingest.ReadArticles;
import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.topics.TrainSettings;
import dev.newsbeam.topics.TrainTopicModel;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code ./newsbeam train-topics --input=labelled.jsonl --output=model/ [--c=50 --folds=5
 * --titleWeight=N ...] [--runner=...]}: a Beam pipeline that learns a topic model from the
 * articles' {@code labels} and writes {@code <output>/topic-model.avro}. Any input the main
 * pipeline reads works; articles without labels are skipped.
 */
public final class TrainTopicsCommand {
  private TrainTopicsCommand() {}

  public static int run(String[] args) throws Exception {
    TopicCommandArgs a =
        new TopicCommandArgs(
            args, TopicCommandArgs.union(Set.of("input", "output"), TopicCommandArgs.TRAIN_KEYS));
    String input = a.get("input", null);
    if (input == null) {
      System.err.println("train-topics: --input=PATHS is required (JSONL with a 'labels' array)");
      return 2;
    }
    String output = a.get("output", "model");
    TrainSettings settings = a.trainSettings();
    PipelineOptions options = PipelineOptionsFactory.fromArgs(a.trainingPipelineArgs()).create();
    Pipeline p = Pipeline.create(options);
    write(
        p.apply("ReadArticles", ReadArticles.from(input))
            .articles()
            .apply("TrainTopicModel", TrainTopicModel.with(settings)),
        output);
    PipelineResult.State state = p.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      System.err.println("train-topics: pipeline ended in state " + state);
      return 1;
    }
    System.out.printf(
        "train-topics: wrote %s/%s.avro (%s)%n", output, TrainTopicModel.FILE_PREFIX, settings);
    return 0;
  }

  static void write(org.apache.beam.sdk.values.PCollection<TopicModel> model, String dir) {
    String prefix = (dir.endsWith("/") ? dir : dir + "/") + TrainTopicModel.FILE_PREFIX;
    model.apply(
        "WriteTopicModel",
        AvroIO.write(TopicModel.class).to(prefix).withSuffix(".avro").withoutSharding());
  }
}
