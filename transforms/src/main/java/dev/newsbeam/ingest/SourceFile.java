package dev.newsbeam.ingest;

import java.io.Serializable;

/**
 * An input file: {@code path} as matched (written to {@code source}) and {@code relativePath} to
 * the input root (the base of derived article ids).
 */
public record SourceFile(String path, String relativePath) implements Serializable {}
