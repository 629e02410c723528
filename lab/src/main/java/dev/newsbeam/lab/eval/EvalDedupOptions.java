package dev.newsbeam.lab.eval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.newsbeam.dedup.DedupOptions;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.WorkOptions;
import dev.newsbeam.lab.corpus.GenerateOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code eval-dedup}: the pipeline's dedup options ({@link DedupOptions}, the same flags
 * and defaults), the corpus to generate or read ({@link GenerateOptions}), and how to run. Runner
 * options ({@code --runner=FlinkRunner ...}) parse into the same object.
 */
public interface EvalDedupOptions extends DedupOptions, GenerateOptions, WorkOptions {
  /** Where the dedup runs. */
  enum Mode {
    /** Ingest + DetectDuplicates as a Beam pipeline on --runner: the figures to quote. */
    PIPELINE,
    /** The same algorithm in memory (the lab's BaselineDedup, no Beam): for sweeps. */
    MEMORY;

    @JsonValue
    public String code() {
      return LabCli.code(this);
    }

    @JsonCreator
    public static Mode parse(String value) {
      return LabCli.parseEnum(Mode.class, "--mode", value);
    }
  }

  @Description(
      "pipeline: ingest + dedup as a Beam pipeline on --runner; memory: the same algorithm in "
          + "memory without Beam, seconds instead of minutes, for sweeping --similarity or "
          + "--shingle (the figures to quote come from the pipeline).")
  @Default.Enum("PIPELINE")
  Mode getMode();

  void setMode(Mode value);

  @Description(
      "Also dedup the --base corpus itself and check that every exact-duplicate body is found and "
          + "that no 'exact' row joins different texts.")
  @Default.Boolean(true)
  boolean getCheckBase();

  void setCheckBase(boolean value);
}
