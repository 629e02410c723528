package dev.newsbeam.lab.bench;

import dev.newsbeam.dedup.DedupOptions;
import dev.newsbeam.lab.ThreadsOptions;
import dev.newsbeam.lab.WorkOptions;
import dev.newsbeam.lab.corpus.GeneratorOptions;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Options of {@code bench}: which corpora ({@link GeneratorOptions}, {@code --sizes}), which
 * engines, how often and in what JVM; the dedup engines take the pipeline's dedup options ({@link
 * DedupOptions}), which bench passes on to each of their runs.
 */
public interface BenchOptions extends DedupOptions, GeneratorOptions, WorkOptions, ThreadsOptions {
  @Description("Corpus sizes (articles), comma-separated: one generated corpus per size.")
  @Default.InstanceFactory(TenAndHundredThousand.class)
  List<Long> getSizes();

  void setSizes(List<Long> value);

  @Description(
      "Engines, comma-separated: baseline, flink, direct, dedup-flink, dedup-direct, mllib.")
  @Default.InstanceFactory(AllButDedupDirect.class)
  List<Engine> getEngines();

  void setEngines(List<Engine> value);

  @Description("Runs of each engine on each corpus, each in a fresh JVM.")
  @Default.Integer(3)
  int getRuns();

  void setRuns(int value);

  @Description("Largest corpus the DirectRunner engines (direct, dedup-direct) run on.")
  @Default.Long(100_000)
  long getDirectMax();

  void setDirectMax(long value);

  @Description("Largest corpus the mllib engine runs on.")
  @Default.Long(100_000)
  long getMllibMax();

  void setMllibMax(long value);

  @Description("JVM options of each run (heap, GC), space-separated.")
  @Default.String("-Xmx4g")
  String getJavaOpts();

  void setJavaOpts(String value);

  @Description("A run that takes longer is stopped and reported as such.")
  @Default.Long(60)
  long getTimeoutMinutes();

  void setTimeoutMinutes(long value);

  @Description(
      "Class path of the runs' JVMs. A copy of the lab's jars keeps a long bench on one build "
          + "while the tree changes.")
  @Default.InstanceFactory(ThisClassPath.class)
  String getClassPath();

  void setClassPath(String value);

  @Description("The Markdown report written from every measurement in --work/results.jsonl.")
  @Default.String("BENCHMARKS.md")
  String getReport();

  void setReport(String value);

  @Description("Only write the report from the measurements already in --work.")
  @Default.Boolean(false)
  boolean getReportOnly();

  void setReportOnly(boolean value);

  @Description("Delete the earlier measurements in --work first.")
  @Default.Boolean(false)
  boolean getFresh();

  void setFresh(boolean value);

  @Description("Also run the JMH microbenchmarks (--jmhJar) for the report.")
  @Default.Boolean(true)
  boolean getJmh();

  void setJmh(boolean value);

  @Description(
      "The JMH benchmarks jar (mvn -B package builds it); a relative path is also looked for above "
          + "the working directory and in the repository.")
  @Default.String("benchmarks/target/benchmarks.jar")
  String getJmhJar();

  void setJmhJar(String value);

  @Description("JMH arguments: short settings, as the report shows rates, not the run's point.")
  @Default.String("-f 1 -wi 3 -w 2s -i 5 -r 2s")
  String getJmhArgs();

  void setJmhArgs(String value);

  @Description(
      "Run a named series of bench invocations instead (issue8: every row of BENCHMARKS.md); "
          + "options given with it win over the series' own.")
  Suite getSuite();

  void setSuite(Suite value);

  /** The sizes of the report's main tables. */
  final class TenAndHundredThousand implements DefaultValueFactory<List<Long>> {
    @Override
    public List<Long> create(PipelineOptions options) {
      return List.of(10_000L, 100_000L);
    }
  }

  /** Every engine but dedup-direct (the DirectRunner's dedup is for eval-dedup). */
  final class AllButDedupDirect implements DefaultValueFactory<List<Engine>> {
    @Override
    public List<Engine> create(PipelineOptions options) {
      return List.of(
          Engine.BASELINE, Engine.FLINK, Engine.DIRECT, Engine.DEDUP_FLINK, Engine.MLLIB);
    }
  }

  /** The class path of this JVM: the runs use the classes that started the bench. */
  final class ThisClassPath implements DefaultValueFactory<String> {
    @Override
    public String create(PipelineOptions options) {
      return System.getProperty("java.class.path");
    }
  }
}
