package dev.newsbeam.pipeline.commands;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandArgsTest {
  @Test
  void ownKeysAreParsedAndTheRestGoToBeamInOrder() {
    CommandArgs a =
        new CommandArgs(
            new String[] {"--articles=1_000", "--runner=FlinkRunner", "--fresh", "--parallelism=2"},
            Set.of("articles", "fresh"));
    assertThat(a.getLong("articles", 5), is(1000L));
    assertThat(a.getBoolean("fresh", false), is(true));
    assertThat(a.has("runner"), is(false));
    assertThat(a.pipelineArgs(), contains("--runner=FlinkRunner", "--parallelism=2"));
  }

  @Test
  void withoutKnownKeysEveryArgumentIsOwnAndDefaultsApply() {
    CommandArgs a = new CommandArgs(new String[] {"--runner=FlinkRunner", "--similarity=0.4"});
    assertThat(a.get("runner", null), is("FlinkRunner"));
    assertThat(a.getDouble("similarity", 0.3), is(0.4));
    assertThat(a.getInt("seed", 42), is(42));
    assertThat(a.pipelineArgs(), empty());
  }

  @Test
  void rejectsPositionalArgumentsAndMissingRequiredOnes() {
    assertThrows(
        IllegalArgumentException.class, () -> new CommandArgs(new String[] {"input.jsonl"}));
    assertThrows(
        IllegalArgumentException.class, () -> new CommandArgs(new String[0]).require("output"));
  }
}
