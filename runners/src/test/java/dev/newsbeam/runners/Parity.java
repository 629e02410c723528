package dev.newsbeam.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asserts that two runs wrote the same records: same datasets, same multiset of records in each.
 */
final class Parity {
  private Parity() {}

  static void assertSameOutput(String what, Path expected, Path actual) throws IOException {
    Map<String, List<String>> want = Engine.datasets(expected);
    Map<String, List<String>> got = Engine.datasets(actual);
    assertThat(what + ": datasets", got.keySet(), equalTo(want.keySet()));
    for (String dataset : want.keySet()) {
      String diff = difference(want.get(dataset), got.get(dataset));
      assertThat(
          what + ": " + dataset + " differs from the reference run:\n" + diff,
          diff.isEmpty(),
          is(true));
    }
    JsonNode wantCounts = Engine.manifest(expected).path("counts");
    JsonNode gotCounts = Engine.manifest(actual).path("counts");
    assertThat(what + ": manifest counts", gotCounts, equalTo(wantCounts));
  }

  /**
   * Records missing from and extra in {@code actual} (as multisets), a few of each; empty if equal.
   */
  static String difference(List<String> expected, List<String> actual) {
    Map<String, Integer> balance = new HashMap<>();
    expected.forEach(r -> balance.merge(r, 1, Integer::sum));
    actual.forEach(r -> balance.merge(r, -1, Integer::sum));
    List<String> missing =
        balance.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
    List<String> extra =
        balance.entrySet().stream().filter(e -> e.getValue() < 0).map(Map.Entry::getKey).toList();
    if (missing.isEmpty() && extra.isEmpty()) {
      return "";
    }
    return String.format(
        "%d records expected, %d written; %d distinct missing, %d distinct extra%n"
            + "missing e.g. %s%nextra e.g. %s",
        expected.size(),
        actual.size(),
        missing.size(),
        extra.size(),
        excerpt(missing),
        excerpt(extra));
  }

  private static String excerpt(List<String> records) {
    return records.stream()
        .limit(2)
        .map(r -> r.length() > 400 ? r.substring(0, 400) + "..." : r)
        .toList()
        .toString();
  }
}
