package dev.newsbeam.lab.eval;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class ClusteringQualityTest {
  private static ClusteringQuality of(String truth, String predicted) {
    ClusteringQuality q = new ClusteringQuality();
    for (int i = 0; i < truth.length(); i++) {
      q.add(String.valueOf(truth.charAt(i)), String.valueOf(predicted.charAt(i)));
    }
    return q;
  }

  @Test
  void pairwiseScoresFromContingencyCounts() {
    // truth {0,1,2}{3,4,5}; predicted {0,1}{2,3}{4,5}: 2 of 3 predicted pairs right, 2 of 6 true
    // found
    ClusteringQuality q = of("aaabbb", "xxyyzz");
    assertThat(q.precision(), closeTo(2 / 3.0, 1e-12));
    assertThat(q.recall(), closeTo(2 / 6.0, 1e-12));
    assertThat(q.f1(), closeTo(4 / 9.0, 1e-12));
    // Hubert-Arabie ARI by hand: index 2, expected 6*3/15 = 1.2, max 4.5 -> 0.8/3.3
    assertThat(q.adjustedRandIndex(), closeTo(0.8 / 3.3, 1e-12));
  }

  @Test
  void identicalClusteringsScoreOneWhateverTheLabels() {
    ClusteringQuality q = of("aabbbc", "ppqqqr");
    assertThat(q.f1(), equalTo(1.0));
    assertThat(q.adjustedRandIndex(), equalTo(1.0));
  }

  @Test
  void everythingInOneClusterHasFullRecallLowPrecision() {
    ClusteringQuality q = of("aabbcc", "zzzzzz");
    assertThat(q.recall(), equalTo(1.0));
    assertThat(q.precision(), closeTo(3 / 15.0, 1e-12));
    assertThat(q.adjustedRandIndex(), closeTo(0.0, 1e-12));
  }
}
