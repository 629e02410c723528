package dev.newsbeam.pipeline;

import dev.newsbeam.ingest.ReadArticles;
import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.topics.TrainSettings;
import dev.newsbeam.topics.TrainTopicModel;
import java.io.PrintStream;
import java.util.Arrays;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollection;

/**
 * {@code ./newsbeam train-topics --input=labelled.jsonl --topicModel=model/ [--c=50 --folds=5
 * --titleWeight=N ...] [--runner=...]}: a Beam pipeline that learns a topic model from the
 * articles' {@code labels} and writes {@code <topicModel>/topic-model.avro}, which the pipeline's
 * {@code --topicModel} then reads. Any input the pipeline reads works; articles without labels are
 * skipped.
 */
public final class TrainTopicsCommand {
  private TrainTopicsCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    PipelineOptionsFactory.register(TrainTopicsOptions.class);
    if (Arrays.asList(args).contains("--help")) {
      out.println("Usage: ./newsbeam train-topics --input=PATHS --topicModel=DIR [options]");
      out.println();
      PipelineOptionsFactory.printHelp(out, TrainTopicsOptions.class);
      return 0;
    }
    TrainTopicsOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(TrainTopicsOptions.class);
      if (options.getInput() == null || options.getTopicModel() == null) {
        throw new IllegalArgumentException(
            "--input=PATHS (JSONL with a 'labels' array) and --topicModel=DIR (where the model is "
                + "written) are required");
      }
      // the training set and fits travel as side inputs of MBs: the checks would clone them
      Main.relaxDirectRunnerChecks(options, args);
    } catch (IllegalArgumentException e) {
      err.println("newsbeam train-topics: " + Main.usageMessage(e));
      return 2;
    }
    TrainSettings settings = TrainSettings.from(options);
    Pipeline p = Pipeline.create(options);
    write(
        p.apply(
                "ReadArticles",
                ReadArticles.from(options.getInput())
                    .withMaxArticleBytes(options.getMaxArticleBytes()))
            .articles()
            .apply("TrainTopicModel", TrainTopicModel.with(settings)),
        options.getTopicModel());
    PipelineResult.State state = p.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      err.println("newsbeam train-topics: pipeline ended in state " + state);
      return 1;
    }
    out.printf(
        "newsbeam train-topics: wrote %s/%s.avro (%s)%n",
        options.getTopicModel(), TrainTopicModel.FILE_PREFIX, settings);
    return 0;
  }

  /** Writes the model as {@code <dir>/topic-model.avro}, one file. */
  public static void write(PCollection<TopicModel> model, String dir) {
    String prefix = (dir.endsWith("/") ? dir : dir + "/") + TrainTopicModel.FILE_PREFIX;
    model.apply(
        "WriteTopicModel",
        AvroIO.write(TopicModel.class).to(prefix).withSuffix(".avro").withoutSharding());
  }
}
