package dev.newsbeam.lab.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import org.junit.jupiter.api.Test;

class BenchRunCommandTest {
  @Test
  void passesEveryFlagItDoesNotSetItselfOnToThePipeline() {
    assertThat(
        BenchRunCommand.pipelineFlags(
            new String[] {
              "--engine=flink",
              "--corpus=c",
              "--similarity=0.5",
              "--output=o",
              "--overwrite=true",
              "--flinkConfDir=conf",
              "--threads=2",
              "--objectReuse"
            }),
        contains("--similarity=0.5", "--flinkConfDir=conf", "--objectReuse"));
  }
}
