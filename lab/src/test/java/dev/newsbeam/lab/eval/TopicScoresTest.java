package dev.newsbeam.lab.eval;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicScoresTest {
  private static final String SPORT = "medtop:15000000";
  private static final String POLITICS = "medtop:11000000";
  private static final String ECONOMY = "medtop:04000000";

  @Test
  void topOneTopThreeAndPerTopicPrecisionAndRecall() {
    TopicScores s = new TopicScores();
    s.add(Set.of(SPORT), List.of(SPORT, ECONOMY)); // right first
    s.add(Set.of(SPORT), List.of(ECONOMY, POLITICS, SPORT)); // right third
    s.add(Set.of(POLITICS, ECONOMY), List.of(ECONOMY)); // one of two gold codes
    s.add(Set.of(POLITICS), List.of()); // untagged

    assertThat(s.articles(), equalTo(4L));
    assertThat(s.untagged(), equalTo(1L));
    assertThat(s.top1(), closeTo(2 / 4.0, 1e-9));
    assertThat(s.top3(), closeTo(3 / 4.0, 1e-9));
    TopicScores.Counts economy = s.byTopic().get(ECONOMY);
    assertThat(economy, equalTo(new TopicScores.Counts(2, 1, 1)));
    assertThat(economy.precision(), closeTo(0.5, 1e-9));
    assertThat(s.byTopic().get(SPORT).recall(), closeTo(0.5, 1e-9));
    assertThat(s.byTopic().get(POLITICS), equalTo(new TopicScores.Counts(0, 0, 2)));
  }

  @Test
  void iptcCodesStandForThemselvesUnlessTheMappingListsThem() {
    LabelMapping reuters = LabelMapping.reuters();
    assertThat(
        reuters.codes(List.of(SPORT, "medtop:20000822")), contains(SPORT, "medtop:20000822"));
    LabelMapping remap = LabelMapping.parse(SPORT + "\t" + POLITICS + "\n");
    assertThat(remap.codes(List.of(SPORT)), contains(POLITICS));
    // not a code: the mapping (here without fallback) decides
    assertThat(remap.codes(List.of("medtop:15")).isEmpty(), equalTo(true));
  }
}
