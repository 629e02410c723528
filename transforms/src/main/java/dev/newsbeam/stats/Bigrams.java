package dev.newsbeam.stats;

/**
 * Bigram keys: two terms joined by one space. Terms never contain white space (the tokenizer splits
 * on it), so the key splits back unambiguously and sorts like (first, second).
 */
public final class Bigrams {
  private Bigrams() {}

  public static String key(String first, String second) {
    return first + ' ' + second;
  }

  public static String first(String key) {
    return key.substring(0, key.indexOf(' '));
  }

  public static String second(String key) {
    return key.substring(key.indexOf(' ') + 1);
  }
}
