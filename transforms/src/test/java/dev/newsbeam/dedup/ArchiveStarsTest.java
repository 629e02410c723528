package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveStarsTest {
  private static List<String> pairs(ArchiveStars stars) {
    List<String> out = new ArrayList<>();
    stars.emit((fresh, archived) -> out.add(fresh + "~" + archived));
    return out;
  }

  @Test
  void pairsEachNewMemberWithTheArchiveAndNeverTwoArchived() {
    ArchiveStars stars = new ArchiveStars(100);
    stars.addNew(7, "n2");
    stars.addNew(7, "n1");
    stars.addArchived(7, "o3");
    stars.addArchived(7, "o1");
    stars.addArchived(7, "o2");

    assertThat(pairs(stars), containsInAnyOrder("n1~o1", "n2~o1", "n1~o2", "n1~o3"));
  }

  @Test
  void bucketsWithoutANewMemberGiveNothing() {
    ArchiveStars stars = new ArchiveStars(100);
    stars.addNew(1, "n1");
    stars.addArchived(2, "o1");
    stars.addArchived(2, "o2");
    stars.addNew(3, "n3");
    stars.addNew(3, "n4");

    assertThat("new-new pairs are BucketStars' job", pairs(stars), empty());
  }

  @Test
  void aTextInBothSidesIsNotPairedWithItself() {
    ArchiveStars stars = new ArchiveStars(100);
    stars.addNew(5, "same");
    stars.addArchived(5, "same");

    assertThat("an exact match goes by fingerprint", pairs(stars), empty());
  }

  @Test
  void giantBucketsAreSkippedAndCounted() {
    ArchiveStars stars = new ArchiveStars(3);
    stars.addNew(9, "n1");
    stars.addNew(9, "n2");
    stars.addArchived(9, "o1");
    stars.addArchived(9, "o2");

    assertThat(pairs(stars), empty());
    assertThat(stars.giantBuckets(), equalTo(1L));
  }
}
