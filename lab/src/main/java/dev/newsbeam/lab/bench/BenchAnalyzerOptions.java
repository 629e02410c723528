package dev.newsbeam.lab.bench;

import dev.newsbeam.ingest.IngestOptions;
import dev.newsbeam.text.AnalysisOptions;

/**
 * Options of {@code bench-analyzer}: the text to analyse ({@code --input}), the pipeline's analysis
 * ({@link AnalysisOptions}: {@code --stem}, {@code --stopwords}) and how long to measure.
 */
public interface BenchAnalyzerOptions extends IngestOptions, AnalysisOptions, MeasurementOptions {}
