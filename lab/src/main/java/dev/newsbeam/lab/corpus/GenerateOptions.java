package dev.newsbeam.lab.corpus;

/**
 * Options of {@code generate}: a corpus of {@code --articles} articles drawn from {@code --base}
 * with {@code --seed}, written to {@code --corpus}.
 */
public interface GenerateOptions extends GeneratorOptions, ArticleCountOptions, CorpusOptions {}
