package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalPolicyTest {
  private static DocSketch doc(String id, Long published, int length) {
    return new DocSketch(id, "src/" + id, "fp", published, length, new int[0]);
  }

  private static final List<DocSketch> DOCS =
      List.of(
          doc("d", 200L, 50),
          doc("b", 100L, 40),
          doc("c", 100L, 90), // earliest, longest among the earliest
          doc("a", 100L, 90), // same date and length as c: smaller id wins
          doc("e", null, 500), // undated: after all dated ones for earliest/latest
          doc("f", 300L, 10),
          doc("g", 300L, 20));

  @ParameterizedTest(name = "{0} keeps {1}")
  @CsvSource({"earliest,a", "latest,g", "longest,e", "EARLIEST,a"})
  void picksTheSameCanonicalWhateverTheOrder(String keep, String expected) {
    CanonicalPolicy policy = CanonicalPolicy.parse(keep);
    for (int shuffle = 0; shuffle < 20; shuffle++) {
      List<DocSketch> docs = new ArrayList<>(DOCS);
      Collections.shuffle(docs, new java.util.Random(shuffle));
      DocSketch best = null;
      for (DocSketch d : docs) {
        best = policy.better(best, d);
      }
      assertThat(best.id, equalTo(expected));
    }
  }

  @Test
  void undatedArticlesRankByLengthThenId() {
    DocSketch x = doc("x", null, 10);
    DocSketch y = doc("y", null, 10);
    assertThat(CanonicalPolicy.EARLIEST.better(y, x).id, equalTo("x"));
    assertThat(CanonicalPolicy.LATEST.better(doc("z", null, 11), x).id, equalTo("z"));
  }

  @Test
  void oneRecordReadTwiceUnderOneIdKeepsTheSmallerSourceWhateverTheOrder() {
    DocSketch first = doc("nb-1", 100L, 10);
    first.source = "copy-2/sample.jsonl:1";
    DocSketch second = doc("nb-1", 100L, 10);
    second.source = "copy-1/sample.jsonl:1";
    for (CanonicalPolicy policy : CanonicalPolicy.values()) {
      assertThat(policy.better(first, second).source, equalTo("copy-1/sample.jsonl:1"));
      assertThat(policy.better(second, first).source, equalTo("copy-1/sample.jsonl:1"));
    }
  }

  @Test
  void rejectsUnknownPolicy() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> CanonicalPolicy.parse("random"));
  }

  @Test
  void chainIsCutWhereMembersDriftFromTheCanonical() {
    // A~B and B~C are close, A and C are far apart: A (earliest) keeps B, C must not follow via B
    FictionalNews news = new FictionalNews(11);
    List<String> x = news.words(40);
    List<String> y = news.words(40);
    List<String> z = news.words(40);
    List<String> w = news.words(40);
    List<String> w2 = news.words(40);
    List<String> x2 = news.words(40);
    Shingler shingler = new Shingler(3, dev.newsbeam.text.NewsAnalyzer.defaults());
    MinHasher hasher = new MinHasher(128, 5);
    DocSketch a = sketch("A", 1L, concat(x, y, z, w), shingler, hasher);
    DocSketch b = sketch("B", 2L, concat(x, y, z, w2), shingler, hasher);
    DocSketch c = sketch("C", 3L, concat(x2, y, z, w2), shingler, hasher);
    ChainGuard guard = new ChainGuard(0.4, 2);
    assertThat(guard.accepts(a, b), equalTo(true));
    assertThat(guard.accepts(b, c), equalTo(true));
    assertThat(guard.accepts(a, c), equalTo(false));

    Map<String, ChainGuard.Assignment> out =
        guard.assign(List.of(c, b, a), CanonicalPolicy.EARLIEST);
    assertThat(out.get("A").canonicalId(), equalTo("A"));
    assertThat(out.get("B").canonicalId(), equalTo("A"));
    assertThat(out.get("C").canonicalId(), equalTo("C"));

    // with B as canonical every member is close to it, so one cluster is right
    DocSketch earlyB = new DocSketch("B", b.source, b.fingerprint, 0L, b.length, b.signature);
    Map<String, ChainGuard.Assignment> middle =
        guard.assign(List.of(a, earlyB, c), CanonicalPolicy.EARLIEST);
    assertThat(middle.get("A").canonicalId(), equalTo("B"));
    assertThat(middle.get("C").canonicalId(), equalTo("B"));
  }

  @Test
  void secondPassGroupsWhatTheFirstLeftOver() {
    int[] s1 = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    int[] s2 = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
    int[] s2b = {2, 2, 2, 2, 2, 2, 2, 2, 9, 9};
    int[] s3 = {3, 3, 3, 3, 3, 3, 3, 3, 3, 3};
    List<DocSketch> component =
        List.of(
            new DocSketch("p", "", "", 1L, 1, s1),
            new DocSketch("q", "", "", 2L, 1, s2),
            new DocSketch("r", "", "", 3L, 1, s2b),
            new DocSketch("s", "", "", 4L, 1, s3));
    Map<String, ChainGuard.Assignment> out =
        new ChainGuard(0.5, 2).assign(component, CanonicalPolicy.EARLIEST);
    assertThat(out.get("p").canonicalId(), equalTo("p"));
    assertThat(out.get("q").canonicalId(), equalTo("q"));
    assertThat(out.get("r").canonicalId(), equalTo("q"));
    assertThat(out.get("r").similarity(), equalTo(0.8));
    assertThat(out.get("s").canonicalId(), equalTo("s"));
  }

  static DocSketch sketch(
      String id, Long published, List<String> words, Shingler shingler, MinHasher hasher) {
    String text = FictionalNews.text(words);
    return new DocSketch(
        id, "src/" + id, id, published, text.length(), hasher.signature(shingler.shingles(text)));
  }

  @SafeVarargs
  static List<String> concat(List<String>... parts) {
    List<String> out = new ArrayList<>();
    for (List<String> p : parts) {
      out.addAll(p);
    }
    return out;
  }
}
