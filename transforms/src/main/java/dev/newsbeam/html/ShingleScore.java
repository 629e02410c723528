package dev.newsbeam.html;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Precision, recall and F1 of an extracted body against the expected one, as the public article
 * extraction benchmarks score them: the texts are lower-cased, cut into {@code \w+} tokens, and
 * compared as multisets of 4-token shingles. A text shorter than a shingle is one shorter shingle.
 */
public record ShingleScore(double precision, double recall, double f1) {
  public static final int SHINGLE = 4;

  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  /** Scores {@code extracted} against {@code expected}; two empty texts agree fully. */
  public static ShingleScore of(String extracted, String expected) {
    Map<String, Integer> got = shingles(extracted);
    Map<String, Integer> want = shingles(expected);
    if (got.isEmpty() && want.isEmpty()) {
      return new ShingleScore(1, 1, 1);
    }
    long common = 0;
    for (Map.Entry<String, Integer> e : got.entrySet()) {
      common += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
    }
    double p = got.isEmpty() ? 0 : (double) common / total(got);
    double r = want.isEmpty() ? 0 : (double) common / total(want);
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new ShingleScore(p, r, f);
  }

  private static Map<String, Integer> shingles(String text) {
    Map<String, Integer> out = new HashMap<>();
    if (text == null) {
      return out;
    }
    java.util.List<String> tokens = new java.util.ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      tokens.add(m.group());
    }
    if (tokens.isEmpty()) {
      return out;
    }
    int n = Math.min(SHINGLE, tokens.size());
    for (int i = 0; i + n <= tokens.size(); i++) {
      out.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
    }
    return out;
  }

  private static long total(Map<String, Integer> m) {
    long n = 0;
    for (int v : m.values()) {
      n += v;
    }
    return n;
  }
}
