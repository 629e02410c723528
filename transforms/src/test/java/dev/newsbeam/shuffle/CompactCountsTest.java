package dev.newsbeam.shuffle;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactCountsTest {
  private static Map<String, Integer> sample() {
    Map<String, Integer> m = new HashMap<>();
    m.put("putin", 7);
    m.put("trump", 12);
    m.put("ukrain", 300);
    m.put("née", 1);
    m.put("", 2);
    m.put("big", Integer.MAX_VALUE);
    return m;
  }

  @Test
  void holdsTheSameEntriesAsTheMapItWasBuiltFrom() {
    Map<String, Integer> plain = sample();
    CompactCounts compact = CompactCounts.of(plain);
    assertThat(compact, equalTo(plain));
    assertThat(plain, equalTo(compact));
    assertThat(compact.hashCode(), is(plain.hashCode()));
    assertThat(compact.size(), is(6));
    assertThat(compact.get("ukrain"), is(300));
    assertThat(compact.get("absent"), nullValue());
    assertThat(compact.keySet(), contains("", "big", "née", "putin", "trump", "ukrain"));
  }

  @Test
  void coderRoundTripsAndEqualMapsEncodeEqually() throws Exception {
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    CompactCounts.coder().encode(sample(), a);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    CompactCounts.coder().encode(CompactCounts.of(sample()), b);
    assertThat(a.toByteArray(), equalTo(b.toByteArray()));
    Map<String, Integer> back =
        CompactCounts.coder().decode(new ByteArrayInputStream(a.toByteArray()));
    assertThat(back, equalTo(sample()));
  }

  @Test
  void emptyMapStaysEmpty() {
    assertThat(CompactCounts.of(Map.of()).isEmpty(), is(true));
  }
}
