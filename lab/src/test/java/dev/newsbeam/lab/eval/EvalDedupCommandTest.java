package dev.newsbeam.lab.eval;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsbeam.dedup.CanonicalPolicy;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.LshBands;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import dev.newsbeam.lab.corpus.DuplicateCorpusGenerator;
import org.junit.jupiter.api.Test;

/** eval-dedup's options: the pipeline's dedup options and defaults, parsed by Beam. */
class EvalDedupCommandTest {
  private static EvalDedupOptions options(String... args) {
    return LabCli.parse(args, EvalDedupOptions.class);
  }

  @Test
  void defaultsAreThePipelines() {
    EvalDedupOptions o = options();
    DedupSettings s = DedupSettings.from(o);
    assertThat(s, is(DedupSettings.defaults()));
    assertThat(EvalDedupCommand.describeLsh(s), is("31x2 bands, chain guard"));
    assertThat(o.getMode(), is(EvalDedupOptions.Mode.PIPELINE));
    assertThat(o.getCheckBase(), is(true));
    assertThat(o.getCorpus(), is((String) null));
    assertThat(o.getBase(), is(LabPaths.REUTERS_TRAIN));
    assertThat(o.getMix(), is(DuplicateCorpusGenerator.Mix.WIRE));
  }

  @Test
  void theMixParsesAndAnUnknownOneIsRefused() {
    assertThat(options("--mix=archive").getMix(), is(DuplicateCorpusGenerator.Mix.ARCHIVE));
    assertThat(options("--mix=WIRE").getMix(), is(DuplicateCorpusGenerator.Mix.WIRE));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> options("--mix=scans"));
    assertThat(e.getMessage(), containsString("--mix must be one of wire, archive"));
  }

  @Test
  void dedupOptionsBuildTheSettingsAndNameTheRun() {
    DedupSettings s =
        DedupSettings.from(
            options(
                "--lshBands=32x2",
                "--chainGuard=false",
                "--verify=exact",
                "--similarity=0.35",
                "--keep=LONGEST"));
    assertThat(s.bands(), is(new LshBands(32, 2)));
    assertThat(s.guardRounds(), is(0));
    assertThat(s.verify(), is(DedupSettings.Verify.EXACT));
    assertThat(s.similarity(), is(0.35));
    assertThat(s.keep(), is(CanonicalPolicy.LONGEST));
    assertThat(EvalDedupCommand.describeLsh(s), is("32x2 bands, no chain guard, exact Jaccard"));
  }

  @Test
  void labOptionsParseTheirCliSpellings() {
    EvalDedupOptions o = options("--mode=memory", "--checkBase=false", "--articles=200");
    assertThat(o.getMode(), is(EvalDedupOptions.Mode.MEMORY));
    assertThat(o.getCheckBase(), is(false));
    assertThat(o.getArticles(), is(200L));
  }

  @Test
  void anUnknownVerificationIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> options("--verify=cosine"));
    assertThat(e.getMessage(), containsString("--verify must be minhash or exact"));
  }

  @Test
  void anUnknownModeOrOptionIsRefused() {
    IllegalArgumentException mode =
        assertThrows(IllegalArgumentException.class, () -> options("--mode=batch"));
    assertThat(mode.getMessage(), containsString("--mode must be one of pipeline, memory"));
    IllegalArgumentException option =
        assertThrows(IllegalArgumentException.class, () -> options("--similarty=0.4"));
    assertThat(option.getMessage(), containsString("similarty"));
  }

  @Test
  void settingsOutOfRangeAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> DedupSettings.from(options("--similarity=1.5")));
    assertThrows(
        IllegalArgumentException.class,
        () -> DedupSettings.from(options("--numPerm=64", "--lshBands=40x2")));
  }
}
