package dev.newsbeam.lab.bench;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.newsbeam.lab.LabCli;
import java.util.List;

/** A named series of {@code bench} invocations ({@code --suite}). */
public enum Suite {
  /**
   * Every measurement of BENCHMARKS.md, as the invocations that made them: the defaults at 10k and
   * 100k on every engine; near-duplicates clustered as MLlib does, against MLlib with as many
   * tables, and verified by exact Jaccard; the 1M rows (the baseline holds the corpus in memory,
   * hence its heap; the DirectRunner once).
   */
  ISSUE8(
      List.of(
          List.of(
              "--sizes=10000,100000",
              "--engines=baseline,flink,direct,dedup-flink,mllib",
              "--timeoutMinutes=20"),
          List.of(
              "--sizes=10000,100000",
              "--engines=dedup-flink,mllib",
              "--lshBands=32x2",
              "--chainGuard=false",
              "--timeoutMinutes=100"),
          List.of(
              "--sizes=10000,100000",
              "--engines=dedup-flink",
              "--lshBands=32x2",
              "--chainGuard=false",
              "--verify=exact"),
          List.of("--sizes=1000000", "--engines=flink", "--timeoutMinutes=75"),
          List.of(
              "--sizes=1000000", "--engines=baseline", "--javaOpts=-Xmx20g", "--timeoutMinutes=40"),
          List.of(
              "--sizes=1000000",
              "--engines=direct",
              "--directMax=1000000",
              "--runs=1",
              "--javaOpts=-Xmx20g -XX:+ExitOnOutOfMemoryError",
              "--timeoutMinutes=45")));

  private final List<List<String>> steps;

  Suite(List<List<String>> steps) {
    this.steps = steps;
  }

  /** The bench arguments of each invocation, in order. */
  public List<List<String>> steps() {
    return steps;
  }

  @JsonValue
  public String code() {
    return LabCli.code(this);
  }

  @JsonCreator
  public static Suite parse(String value) {
    return LabCli.parseEnum(Suite.class, "--suite", value);
  }
}
