package dev.newsbeam.lab.eval;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CopyKindRecallTest {
  /** Rows of "truth kind predicted", one article each. */
  private static CopyKindRecall of(String... rows) {
    CopyKindRecall k = new CopyKindRecall();
    for (String row : rows) {
      String[] p = row.split(" ");
      k.add(p[0], p[1], p[2]);
    }
    return k;
  }

  @Test
  void aCopyIsFoundWhenItsPredictedClusterHoldsItsStorysOriginal() {
    CopyKindRecall k =
        of(
            "s1 original A",
            "s1 ocr A", // found
            "s1 ocr B", // split off
            "s1 abridged A", // found
            "s2 original C",
            "s2 ocr C", // found
            "s2 abridged-chain D", // split off, though with another copy of its story ...
            "s2 abridged D", // ... both away from the original
            "s3 ocr E"); // no original in the truth: not counted
    Map<String, CopyKindRecall.Share> r = k.recallByKind();
    // the generator's kind order, not the input's
    assertThat(r.keySet(), contains("ocr", "abridged", "abridged-chain"));
    assertThat(r.get("ocr"), equalTo(new CopyKindRecall.Share(2, 3)));
    assertThat(r.get("ocr").value(), closeTo(2 / 3.0, 1e-12));
    assertThat(r.get("abridged"), equalTo(new CopyKindRecall.Share(1, 2)));
    assertThat(r.get("abridged-chain"), equalTo(new CopyKindRecall.Share(0, 1)));
  }

  @Test
  void templatesAreCleanOnlyAloneWithTheirOwnStory() {
    CopyKindRecall k =
        of(
            "t1 template X", // alone: clean
            "t2 template Y", // merged with t3: both unclean
            "t3 template Y",
            "t4 template Z", // merged with a wire story: unclean
            "s1 original Z",
            "t5 template W", // with a copy of its own story: clean
            "t5 exact W",
            "s2 original V", // two templates merged into a wire story: one more merge
            "t6 template V",
            "t7 template V");
    assertThat(k.templatePrecision(), equalTo(new CopyKindRecall.Share(2, 7)));
    assertThat(k.templateMerges(), is(2L)); // Y and V; Z holds one template story
    // t5's copy has no original of kind 'original' in its story: it counts for no recall
    assertThat(k.recallByKind().isEmpty(), is(true));
  }

  @Test
  void aTruthWithoutKindsHasNothingToReport() {
    CopyKindRecall k = new CopyKindRecall();
    k.add("s1", null, "A");
    k.add("s1", null, "B");
    assertThat(k.hasKinds(), is(false));
    assertThat(k.recallByKind().isEmpty(), is(true));
    assertThat(k.templatePrecision(), equalTo(new CopyKindRecall.Share(0, 0)));
    assertThat(k.templatePrecision().value(), is(1.0));
    assertThat(of("s1 original A").hasKinds(), is(true));
  }
}
