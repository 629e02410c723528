package dev.newsbeam.pipeline.commands;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.LshBands;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvalDedupCommandTest {
  private static CommandArgs args(String... a) {
    return new CommandArgs(
        a, Set.of("similarity", "numPerm", "shingle", "keep", "lshBands", "chainGuard", "verify"));
  }

  @Test
  void defaultsAreThePipelines() {
    DedupSettings s = EvalDedupCommand.settings(args());
    assertThat(s, is(DedupSettings.defaults()));
    assertThat(EvalDedupCommand.describeLsh(s), is("37x3 bands, chain guard"));
  }

  @Test
  void dedupOptionsBuildTheSettingsAndNameTheRun() {
    DedupSettings s =
        EvalDedupCommand.settings(
            args("--lshBands=32x2", "--chainGuard=false", "--verify=exact", "--similarity=0.35"));
    assertThat(s.bands(), is(new LshBands(32, 2)));
    assertThat(s.guardRounds(), is(0));
    assertThat(s.verify(), is(DedupSettings.Verify.EXACT));
    assertThat(s.similarity(), is(0.35));
    assertThat(EvalDedupCommand.describeLsh(s), is("32x2 bands, no chain guard, exact Jaccard"));
  }

  @Test
  void anUnknownVerificationIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> EvalDedupCommand.settings(args("--verify=cosine")));
  }
}
