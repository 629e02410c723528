package dev.newsbeam.lab.html;

import dev.newsbeam.lab.bench.MeasurementOptions;

/** Options of {@code bench-extraction}: the pages, cycled for a measured time. */
public interface BenchExtractionOptions extends ExtractionSetOptions, MeasurementOptions {}
