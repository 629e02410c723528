package dev.newsbeam.lab.bench;

import dev.newsbeam.ingest.IngestOptions;

/** Options of {@code bench-topics}: eval-topics' labelled articles, tagged for a measured time. */
public interface BenchTopicsOptions extends IngestOptions, MeasurementOptions {}
