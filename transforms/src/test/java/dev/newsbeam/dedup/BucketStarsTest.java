package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketStarsTest {
  private static List<String> edges(BucketStars stars) {
    List<String> out = new ArrayList<>();
    stars.emit((member, min) -> out.add(member + "->" + min));
    return out;
  }

  @Test
  void linksEveryMemberToTheSmallestIdOfItsBucketNotAllPairs() {
    BucketStars stars = new BucketStars(10);
    // entries of three buckets, interleaved as a shuffle shard delivers them
    stars.add(7, "d");
    stars.add(3, "b");
    stars.add(7, "a");
    stars.add(3, "c");
    stars.add(7, "c");
    stars.add(9, "z");
    stars.add(7, "b");
    assertThat(edges(stars), containsInAnyOrder("b->a", "c->a", "d->a", "c->b"));
  }

  @Test
  void singletonBucketsGiveNoEdgesAndRepeatedIdsCountOnce() {
    BucketStars stars = new BucketStars(10);
    stars.add(1, "x");
    stars.add(2, "y");
    stars.add(2, "y");
    assertThat(edges(stars), empty());
  }

  @Test
  void skipsAndCountsBucketsOverTheCap() {
    BucketStars stars = new BucketStars(3);
    for (String id : new String[] {"a", "b", "c", "d"}) {
      stars.add(5, id);
    }
    stars.add(6, "q");
    stars.add(6, "p");
    assertThat(edges(stars), containsInAnyOrder("q->p"));
    assertThat(stars.giantBuckets(), equalTo(1L));
  }

  @Test
  void forgetsTheBatchAfterEmitting() {
    BucketStars stars = new BucketStars(10);
    stars.add(1, "a");
    stars.add(1, "b");
    assertThat(edges(stars), containsInAnyOrder("b->a"));
    stars.add(1, "c");
    assertThat(edges(stars), empty());
  }

  @Test
  void rejectsACapBelowTwo() {
    assertThrows(IllegalArgumentException.class, () -> new BucketStars(1));
  }
}
