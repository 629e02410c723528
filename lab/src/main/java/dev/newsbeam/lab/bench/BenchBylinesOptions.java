package dev.newsbeam.lab.bench;

import dev.newsbeam.lab.eval.BylineSetOptions;

/** Options of {@code bench-bylines}: eval-bylines' bylines, parsed for a measured time. */
public interface BenchBylinesOptions extends BylineSetOptions, MeasurementOptions {}
