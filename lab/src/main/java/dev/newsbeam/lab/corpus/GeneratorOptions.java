package dev.newsbeam.lab.corpus;

import dev.newsbeam.lab.LabPaths;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** What {@link DuplicateCorpusGenerator} draws its stories from, and its seed. */
public interface GeneratorOptions extends PipelineOptions {
  @Description(
      "Base corpus (JSONL with id, date, title and text) whose stories the generator copies and "
          + "edits; a relative path is also looked for above the working directory.")
  @Default.String(LabPaths.REUTERS_TRAIN)
  String getBase();

  void setBase(String value);

  @Description("Seed of the generator: the same seed, base and size give the same corpus.")
  @Default.Long(42)
  long getSeed();

  void setSeed(long value);
}
