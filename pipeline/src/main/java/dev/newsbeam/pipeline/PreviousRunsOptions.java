package dev.newsbeam.pipeline;

import java.util.UUID;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Daily runs: which earlier outputs a batch is deduplicated against, and this run's id. */
public interface PreviousRunsOptions extends PipelineOptions {
  @Description(
      "Earlier outputs (--output of earlier runs; comma-separated, any Beam filesystem, globs "
          + "allowed) whose sketches/ this batch is deduplicated against: an article that copies "
          + "an earlier canonical gets its id and run (canonical_run) and is not canonical. "
          + "Earlier outputs are only read.")
  String getPrevious();

  void setPrevious(String value);

  @Description(
      "Id of this run, written to manifest.json (run_id) and to every sketches/ row; later runs "
          + "name it in canonical_run. Default: a random UUID.")
  @Default.InstanceFactory(RunIdFactory.class)
  String getRunId();

  void setRunId(String value);

  /** A fresh UUID: two runs never share an id unless told to. */
  final class RunIdFactory implements DefaultValueFactory<String> {
    @Override
    public String create(PipelineOptions options) {
      return UUID.randomUUID().toString();
    }
  }
}
