package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class DedupCodersTest {
  @Test
  void sketchesSurviveTheirCoderWithEveryField() throws Exception {
    DocSketch d =
        new DocSketch(
                "reuters/17", "Reuters", "fp-17", -86_400_000L, 1234, new int[] {-1, 0, 7, 1 << 30})
            .withExactCopies(3)
            .withShingles(new int[] {2, 5, 9})
            .withShingleCount(70_000)
            .withFigures(new int[] {-8, 3, 12});
    DocSketch back = CoderUtils.clone(DedupCoders.sketch(), d);
    assertThat(back, equalTo(d));
    assertThat(back.shingles, equalTo(d.shingles));
    assertThat(back.exactCopies, equalTo(3L));
    assertThat(back.shingleCount, equalTo(70_000));
    assertThat(back.figures, equalTo(new int[] {-8, 3, 12}));
    assertThat(d.withFigures(new int[] {3}), not(equalTo(d)));
    assertThat(d.withExactCopies(5).figures, equalTo(d.figures));
    // the count is part of the value: a sketch differing only there is another sketch
    assertThat(d.withShingleCount(69_999), not(equalTo(d)));
    // and survives the other withers
    assertThat(d.withExactCopies(5).shingleCount, equalTo(70_000));
    assertThat(d.withShingles(new int[0]).shingleCount, equalTo(70_000));
    DocSketch undated = new DocSketch("x/1", "X", "~x/1", null, 0, new int[0]);
    assertThat(CoderUtils.clone(DedupCoders.sketch(), undated), equalTo(undated));
    CoderProperties.coderDeterministic(DedupCoders.sketch(), d, d);
    CoderProperties.coderDecodeEncodeEqual(DedupCoders.sketch(), d);
  }

  @Test
  void linksSurviveTheirCoderWithEveryField() throws Exception {
    ClusterLink l = new ClusterLink("a/2", "fp-2", "a/1", "AP", 0.4375, 0, 2);
    ClusterLink back = CoderUtils.clone(DedupCoders.link(), l);
    assertThat(back, equalTo(l));
    assertThat(back.similarity, equalTo(0.4375));
    assertThat(back.canonicalExactCopies, equalTo(2L));
  }
}
