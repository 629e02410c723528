package dev.newsbeam.lab;

import dev.newsbeam.ingest.IngestOptions;
import dev.newsbeam.pipeline.OutputOptions;

/**
 * Options of the plain-Java baseline ({@code dev.newsbeam.lab.baseline.PlainJavaBaseline}): the
 * pipeline's input and output, read and written as the pipeline does, on {@code --threads} workers.
 */
public interface BaselineOptions extends IngestOptions, OutputOptions, ThreadsOptions {}
