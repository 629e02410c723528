package dev.newsbeam.pipeline;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;

/**
 * Sums the pipeline's manifest counts and writes {@code manifest.json} once every output in {@code
 * after} is final, so the manifest never describes files that are not there yet.
 */
final class WriteManifest extends PTransform<PCollection<KV<String, Long>>, PDone> {
  private final String path;
  private final String runId;
  private final String runner;
  private final String optionsJson;
  private final Instant startedAt;
  private final Map<String, String[]> outputs;
  private final List<PCollection<?>> after;

  WriteManifest(
      String path,
      String runId,
      String runner,
      String optionsJson,
      Instant startedAt,
      Map<String, String[]> outputs,
      List<PCollection<?>> after) {
    this.path = path;
    this.runId = runId;
    this.runner = runner;
    this.optionsJson = optionsJson;
    this.startedAt = startedAt;
    this.outputs = outputs;
    this.after = after;
  }

  @Override
  public PDone expand(PCollection<KV<String, Long>> counts) {
    // one map, not a sum per name: the DirectRunner would run a bundle for every count name
    PCollectionView<Map<String, Long>> totals =
        counts.apply("SumCounts", Combine.globally(new SumPerNameFn()).asSingletonView());
    counts
        .getPipeline()
        .apply("ManifestTrigger", Create.of(path))
        .apply("WaitForOutputs", Wait.on(after.toArray(new PCollection<?>[0])))
        .apply(
            "WriteManifestJson",
            ParDo.of(
                    new WriteManifestFn(
                        runId, runner, optionsJson, startedAt.toEpochMilli(), outputs, totals))
                .withSideInputs(totals));
    return PDone.in(counts.getPipeline());
  }

  /** Sums the counts of each name into one map. */
  static final class SumPerNameFn
      extends Combine.CombineFn<KV<String, Long>, Map<String, Long>, Map<String, Long>> {
    @Override
    public Map<String, Long> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public Map<String, Long> addInput(Map<String, Long> sums, KV<String, Long> count) {
      sums.merge(count.getKey(), count.getValue(), Long::sum);
      return sums;
    }

    @Override
    public Map<String, Long> mergeAccumulators(Iterable<Map<String, Long>> accumulators) {
      Map<String, Long> merged = new HashMap<>();
      for (Map<String, Long> sums : accumulators) {
        sums.forEach((name, n) -> merged.merge(name, n, Long::sum));
      }
      return merged;
    }

    @Override
    public Map<String, Long> extractOutput(Map<String, Long> sums) {
      return sums;
    }

    @Override
    public Coder<Map<String, Long>> getAccumulatorCoder(
        CoderRegistry registry, Coder<KV<String, Long>> inputCoder) {
      return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    }

    @Override
    public Coder<Map<String, Long>> getDefaultOutputCoder(
        CoderRegistry registry, Coder<KV<String, Long>> inputCoder) {
      return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    }
  }

  static final class WriteManifestFn extends DoFn<String, Void> {
    private final String runId;
    private final String runner;
    private final String optionsJson;
    private final long startedAtMillis;
    private final Map<String, String[]> outputs;
    private final PCollectionView<Map<String, Long>> totals;

    WriteManifestFn(
        String runId,
        String runner,
        String optionsJson,
        long startedAtMillis,
        Map<String, String[]> outputs,
        PCollectionView<Map<String, Long>> totals) {
      this.runId = runId;
      this.runner = runner;
      this.optionsJson = optionsJson;
      this.startedAtMillis = startedAtMillis;
      this.outputs = outputs;
      this.totals = totals;
    }

    @ProcessElement
    public void process(@Element String manifestPath, ProcessContext c) throws Exception {
      Manifest.write(
          manifestPath,
          Manifest.build(
              c.sideInput(totals),
              runId,
              runner,
              optionsJson,
              Instant.ofEpochMilli(startedAtMillis),
              Instant.now(),
              outputs));
    }
  }
}
