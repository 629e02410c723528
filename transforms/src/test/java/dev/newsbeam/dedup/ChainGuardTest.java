package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChainGuardTest {
  private static final int[] P = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  private static final int[] Q = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
  private static final int[] R = {2, 2, 2, 2, 2, 2, 2, 2, 9, 9}; // 0.8 to Q
  private static final int[] S = {3, 3, 3, 3, 3, 3, 3, 3, 3, 3};
  private static final int[] T = {1, 1, 1, 1, 1, 1, 7, 7, 7, 7}; // 0.6 to P

  private static DocSketch doc(String id, long published, int[] signature, long copies) {
    return new DocSketch(id, "src/" + id, "fp-" + id, published, 100, signature)
        .withExactCopies(copies);
  }

  private static final List<DocSketch> COMPONENT =
      List.of(
          doc("p", 1L, P, 3),
          doc("q", 2L, Q, 1),
          doc("r", 3L, R, 2),
          doc("s", 4L, S, 1),
          doc("t", 5L, T, 1));

  private static List<String> describe(List<ClusterLink> links) {
    List<String> out = new ArrayList<>();
    for (ClusterLink l : links) {
      out.add(
          l.repId
              + "->"
              + l.canonicalId
              + "@"
              + l.similarity
              + " size="
              + l.clusterSize
              + " copies="
              + l.canonicalExactCopies
              + " "
              + l.repFingerprint
              + " "
              + l.canonicalSource);
    }
    return out;
  }

  @ParameterizedTest(name = "{0} pass(es)")
  @CsvSource(
      delimiter = '|',
      value = {
        // pass 1: p takes t; pass 2: q takes r; s is left alone
        "2|p->p@1.0 size=4 copies=3 fp-p src/p,t->p@0.6 size=0 copies=3 fp-t src/p,"
            + "q->q@1.0 size=3 copies=1 fp-q src/q,r->q@0.8 size=0 copies=1 fp-r src/q,"
            + "s->s@1.0 size=1 copies=1 fp-s src/s|4",
        // one pass: q, r and s all stay alone
        "1|p->p@1.0 size=4 copies=3 fp-p src/p,t->p@0.6 size=0 copies=3 fp-t src/p,"
            + "q->q@1.0 size=1 copies=1 fp-q src/q,r->r@1.0 size=2 copies=2 fp-r src/r,"
            + "s->s@1.0 size=1 copies=1 fp-s src/s|3",
        // no guard (--chainGuard=false): the canonical takes the whole component, however far
        "0|p->p@1.0 size=8 copies=3 fp-p src/p,t->p@0.6 size=0 copies=3 fp-t src/p,"
            + "q->p@0.0 size=0 copies=3 fp-q src/p,r->p@0.0 size=0 copies=3 fp-r src/p,"
            + "s->p@0.0 size=0 copies=3 fp-s src/p|0"
      })
  void linksEveryMemberToTheCanonicalOfItsPassWithTheClusterSize(
      int passes, String expected, long detached) {
    ChainGuard guard = new ChainGuard(0.5, passes);
    Random random = new Random(passes);
    for (int shuffle = 0; shuffle < 10; shuffle++) {
      List<DocSketch> members = new ArrayList<>(COMPONENT);
      Collections.shuffle(members, random);
      ChainGuard.Outcome outcome = guard.links(members, CanonicalPolicy.EARLIEST);
      assertThat(describe(outcome.links()), containsInAnyOrder(expected.split(",")));
      assertThat(outcome.detached(), equalTo(detached));
    }
  }

  @ParameterizedTest(name = "keep={0}: canonical {1}")
  @CsvSource({"earliest,p", "latest,t"})
  void theCanonicalIsTheBestMemberByThePolicy(String keep, String canonical) {
    ChainGuard.Outcome outcome =
        new ChainGuard(0.5, 2).links(COMPONENT, CanonicalPolicy.parse(keep));
    ClusterLink linkOfT =
        outcome.links().stream().filter(l -> l.repId.equals("t")).findFirst().orElseThrow();
    assertThat(linkOfT.canonicalId, equalTo(canonical));
  }
}
