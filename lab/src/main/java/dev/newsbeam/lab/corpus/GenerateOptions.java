package dev.newsbeam.lab.corpus;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code generate}: a corpus of {@code --articles} articles of {@code --mix} drawn from
 * {@code --base} with {@code --seed}, written to {@code --corpus}.
 */
public interface GenerateOptions extends GeneratorOptions, ArticleCountOptions, CorpusOptions {
  @Description(
      "What the corpus holds besides originals. wire: re-crawls, re-titled, edited and updated"
          + " copies (the benchmark corpora); archive: those plus OCR-damaged, abridged,"
          + " abridged+OCR and abridged-of-abridged copies and templated stories (hard negatives).")
  @Default.Enum("WIRE")
  DuplicateCorpusGenerator.Mix getMix();

  void setMix(DuplicateCorpusGenerator.Mix value);
}
