package dev.newsbeam.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
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
  private final String runner;
  private final String optionsJson;
  private final Instant startedAt;
  private final Map<String, String[]> outputs;
  private final List<PCollection<?>> after;

  WriteManifest(
      String path,
      String runner,
      String optionsJson,
      Instant startedAt,
      Map<String, String[]> outputs,
      List<PCollection<?>> after) {
    this.path = path;
    this.runner = runner;
    this.optionsJson = optionsJson;
    this.startedAt = startedAt;
    this.outputs = outputs;
    this.after = after;
  }

  @Override
  public PDone expand(PCollection<KV<String, Long>> counts) {
    PCollectionView<Map<String, Long>> totals =
        counts.apply("SumCounts", Sum.longsPerKey()).apply("CountsAsMap", View.asMap());
    counts
        .getPipeline()
        .apply("ManifestTrigger", Create.of(path))
        .apply("WaitForOutputs", Wait.on(after.toArray(new PCollection<?>[0])))
        .apply(
            "WriteManifestJson",
            ParDo.of(
                    new WriteManifestFn(
                        runner, optionsJson, startedAt.toEpochMilli(), outputs, totals))
                .withSideInputs(totals));
    return PDone.in(counts.getPipeline());
  }

  static final class WriteManifestFn extends DoFn<String, Void> {
    private final String runner;
    private final String optionsJson;
    private final long startedAtMillis;
    private final Map<String, String[]> outputs;
    private final PCollectionView<Map<String, Long>> totals;

    WriteManifestFn(
        String runner,
        String optionsJson,
        long startedAtMillis,
        Map<String, String[]> outputs,
        PCollectionView<Map<String, Long>> totals) {
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
              runner,
              optionsJson,
              Instant.ofEpochMilli(startedAtMillis),
              Instant.now(),
              outputs));
    }
  }
}
