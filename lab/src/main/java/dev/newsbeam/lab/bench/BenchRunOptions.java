package dev.newsbeam.lab.bench;

import dev.newsbeam.dedup.DedupOptions;
import dev.newsbeam.lab.ThreadsOptions;
import dev.newsbeam.lab.corpus.CorpusOptions;
import dev.newsbeam.pipeline.OutputOptions;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * Options of {@code bench-run}: one engine on one generated corpus ({@link CorpusOptions}), its
 * outputs in {@code --output} ({@link OutputOptions}); the dedup engines take the pipeline's dedup
 * options ({@link DedupOptions}).
 */
public interface BenchRunOptions
    extends DedupOptions, CorpusOptions, OutputOptions, ThreadsOptions {
  @Description("The engine to run: baseline, flink, direct, dedup-flink, dedup-direct or mllib.")
  @Validation.Required
  Engine getEngine();

  void setEngine(Engine value);
}
