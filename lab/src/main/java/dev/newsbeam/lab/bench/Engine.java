package dev.newsbeam.lab.bench;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.newsbeam.lab.LabCli;
import java.util.List;

/** What one {@code bench-run} measures ({@code --engine}, and bench's {@code --engines}). */
public enum Engine {
  /** The plain-Java baseline: the pipeline's work on the same pure cores, no Beam. */
  BASELINE,
  /** The whole pipeline on Flink embedded. */
  FLINK,
  /** The whole pipeline on the DirectRunner. */
  DIRECT,
  /** Ingest + dedup on Flink embedded, scored against the corpus's truth. */
  DEDUP_FLINK,
  /** Ingest + dedup on the DirectRunner, scored against the corpus's truth. */
  DEDUP_DIRECT,
  /** Spark MLlib's MinHashLSH on the same corpus, scored against its truth. */
  MLLIB;

  /** The value as users write it: {@code baseline}, {@code dedup-flink}, ... */
  @JsonValue
  public String code() {
    return LabCli.code(this);
  }

  /** Parses a {@link #code} or constant name, any case (the option parser calls it too). */
  @JsonCreator
  public static Engine parse(String value) {
    return LabCli.parseEnum(Engine.class, "an engine", value);
  }

  /** Whether the engine only deduplicates, and so takes the dedup options and is scored. */
  public boolean dedupOnly() {
    return this == DEDUP_FLINK || this == DEDUP_DIRECT || this == MLLIB;
  }

  /** Whether the engine runs on the DirectRunner, which bench skips above {@code --directMax}. */
  public boolean onDirectRunner() {
    return this == DIRECT || this == DEDUP_DIRECT;
  }

  /**
   * Beam arguments of the engines that run a pipeline: Flink embedded or the DirectRunner (its
   * immutability and encodability checks off) on {@code threads} threads.
   */
  List<String> runnerArgs(int threads) {
    return switch (this) {
      case FLINK, DEDUP_FLINK ->
          List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=" + threads);
      case DIRECT, DEDUP_DIRECT ->
          List.of(
              "--runner=DirectRunner",
              "--targetParallelism=" + threads,
              "--enforceImmutability=false",
              "--enforceEncodability=false");
      default -> throw new IllegalStateException(this + " runs no Beam pipeline");
    };
  }
}
