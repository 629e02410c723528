package dev.newsbeam.lab.eval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.newsbeam.ingest.IngestOptions;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.WorkOptions;
import dev.newsbeam.topics.TopicOptions;
import dev.newsbeam.topics.TrainOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code eval-topics}: train-topics' options ({@link TrainOptions}: the solver, the
 * folds that tune thresholds, {@code --stem}, {@code --minDf}), the pipeline's topic options
 * ({@link TopicOptions}: {@code --taxonomy}, {@code --topicModel}, {@code --topicFallback}), the
 * labelled articles ({@code --input}) and how they are split. Runner options ({@code
 * --runner=FlinkRunner ...}) go to the training pipelines.
 */
public interface EvalTopicsOptions extends IngestOptions, TrainOptions, TopicOptions, WorkOptions {
  /** How the labelled articles are split into training and test parts. */
  enum Split {
    /** The earliest articles train, the latest test: later news drifts, as it will in use. */
    DATE,
    /** k folds by near-duplicate cluster: every article tested once, scores pooled. */
    KFOLD;

    @JsonValue
    public String code() {
      return LabCli.code(this);
    }

    @JsonCreator
    public static Split parse(String value) {
      return LabCli.parseEnum(Split.class, "--split", value);
    }
  }

  @Description(
      "date: the earliest --trainShare of the articles train, the latest test; kfold: --k folds, "
          + "every article tested once, a near-duplicate cluster kept within one fold.")
  @Default.Enum("DATE")
  Split getSplit();

  void setSplit(Split value);

  @Description("Share of the articles, earliest first, that trains with --split=date.")
  @Default.Double(0.8)
  double getTrainShare();

  void setTrainShare(double value);

  @Description("Folds of --split=kfold.")
  @Default.Integer(5)
  int getK();

  void setK(int value);

  @Description(
      "Gold label to IPTC top-level code mapping (TSV) for the taxonomy's score; default: the "
          + "bundled Reuters mapping.")
  String getMapping();

  void setMapping(String value);

  @Description("Skip the trained model's evaluation.")
  @Default.Boolean(false)
  boolean getSkipModel();

  void setSkipModel(boolean value);

  @Description("Skip the taxonomy's evaluation.")
  @Default.Boolean(false)
  boolean getSkipTaxonomy();

  void setSkipTaxonomy(boolean value);
}
