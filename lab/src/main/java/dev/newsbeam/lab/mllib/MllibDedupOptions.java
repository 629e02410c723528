package dev.newsbeam.lab.mllib;

import dev.newsbeam.dedup.DedupOptions;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.lab.ThreadsOptions;
import dev.newsbeam.lab.corpus.CorpusOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Options of {@link MllibDedup#main}: a generated corpus, {@code local[--threads]}, and the
 * pipeline's dedup options, of which MLlib uses the threshold ({@code --similarity}) and, for its
 * default number of tables, our LSH bands ({@code --numPerm}, {@code --lshBands}).
 */
public interface MllibDedupOptions extends DedupOptions, CorpusOptions, ThreadsOptions {
  @Description("MinHashLSH hash tables (one min-hash each).")
  @Default.InstanceFactory(OurBands.class)
  int getTables();

  void setTables(int value);

  /**
   * As many tables as our dedup stage has LSH bands with these options' threshold, permutations and
   * {@code --lshBands}, over word 3-shingles and Jaccard alone ({@link
   * MllibDedup#comparedSettings}).
   */
  final class OurBands implements DefaultValueFactory<Integer> {
    @Override
    public Integer create(PipelineOptions options) {
      DedupSettings given = DedupSettings.from(options.as(DedupOptions.class));
      DedupSettings compared =
          MllibDedup.comparedSettings()
              .withSimilarity(given.similarity())
              .withNumPerm(given.numPerm());
      return (given.lshBands() == null ? compared : compared.withLshBands(given.lshBands()))
          .bands()
          .bands();
    }
  }
}
