package dev.newsbeam.byline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Canonical names of news outlets and wire agencies, loaded from a curated data file ({@code
 * dev/newsbeam/byline/outlets.tsv}: {@code canonical<TAB>kind<TAB>alias|alias|...}).
 *
 * <p>Aliases cover the spellings real corpora use ("Reuter", "Reutersd", "The Associated Press",
 * "CNN Business"). An alias written {@code ~Sun} is ambiguous with a common word or surname and is
 * only recognised as a whole byline segment, never cut off the end of a person's name.
 */
public final class OutletRegistry {
  /** Classpath location of the bundled list. */
  public static final String RESOURCE = "/dev/newsbeam/byline/outlets.tsv";

  /** One outlet of the list. */
  public record Outlet(String canonical, boolean agency) {}

  private record Entry(Outlet outlet, boolean ambiguous) {}

  private final Map<String, Entry> byKey;
  private final List<Outlet> outlets;
  private final int maxAliasTokens;

  /**
   * Last words of the non-ambiguous aliases: most names end in none of them, so suffix search stops
   * early.
   */
  private final java.util.Set<String> lastWords = new java.util.HashSet<>();

  private OutletRegistry(Map<String, Entry> byKey, List<Outlet> outlets, int maxAliasTokens) {
    this.byKey = byKey;
    this.outlets = outlets;
    this.maxAliasTokens = maxAliasTokens;
    byKey.forEach(
        (key, entry) -> {
          if (!entry.ambiguous()) {
            lastWords.add(key.substring(key.lastIndexOf(' ') + 1));
          }
        });
  }

  /** Loads the list bundled with newsbeam. */
  public static OutletRegistry bundled() {
    try (InputStream in = OutletRegistry.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses a list in the {@code outlets.tsv} format; malformed lines fail loudly with their number.
   */
  public static OutletRegistry load(Reader reader) throws IOException {
    Map<String, Entry> byKey = new HashMap<>();
    List<Outlet> outlets = new ArrayList<>();
    int maxTokens = 1;
    BufferedReader in = new BufferedReader(reader);
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length != 3 || !(cols[1].equals("agency") || cols[1].equals("outlet"))) {
        throw new IOException(
            "outlets line " + lineNo + ": want canonical<TAB>agency|outlet<TAB>aliases");
      }
      Outlet outlet = new Outlet(cols[0].trim(), cols[1].equals("agency"));
      outlets.add(outlet);
      List<String> aliases = new ArrayList<>(List.of(cols[2].split("\\|")));
      aliases.add(outlet.canonical());
      for (String alias : aliases) {
        boolean ambiguous = alias.startsWith("~");
        String key = key(ambiguous ? alias.substring(1) : alias);
        if (key.isEmpty()) {
          continue;
        }
        Entry previous = byKey.get(key);
        // The first definition wins; a non-ambiguous spelling never becomes ambiguous through a
        // duplicate.
        if (previous == null
            || (previous.ambiguous() && !ambiguous && previous.outlet().equals(outlet))) {
          byKey.put(key, new Entry(outlet, ambiguous));
        }
        maxTokens = Math.max(maxTokens, key.split(" ").length);
      }
    }
    return new OutletRegistry(byKey, Collections.unmodifiableList(outlets), maxTokens);
  }

  /** All outlets of the list, in file order. */
  public List<Outlet> outlets() {
    return outlets;
  }

  /** The canonical outlet for a whole string ("The Associated Press" → AP), or null. */
  public Outlet lookup(String text) {
    Entry e = entry(text);
    return e == null ? null : e.outlet();
  }

  /**
   * The canonical name when {@code text} is a known outlet, else {@code text} trimmed (null stays
   * null).
   */
  public String canonicalOrRaw(String text) {
    if (text == null) {
      return null;
    }
    Outlet o = lookup(text);
    String trimmed = text.trim();
    return o != null ? o.canonical() : (trimmed.isEmpty() ? null : trimmed);
  }

  /**
   * The number of trailing tokens that spell a non-ambiguous outlet ("Brad Schade Reuters" → 1,
   * "Meg Wagner NEW YORK DAILY NEWS" → 4), longest first, or 0. Short aliases (≤ 4 letters, such as
   * "CNN") only count when printed in capitals, so a surname like "Pa" is not taken for an agency.
   */
  int outletSuffixLength(List<String> tokens) {
    if (tokens.isEmpty() || !lastWords.contains(key(tokens.get(tokens.size() - 1)))) {
      return 0;
    }
    int max = Math.min(maxAliasTokens, tokens.size());
    for (int n = max; n >= 1; n--) {
      List<String> tail = tokens.subList(tokens.size() - n, tokens.size());
      String surface = String.join(" ", tail);
      Entry e = entry(surface);
      if (e == null || e.ambiguous()) {
        continue;
      }
      if (n == 1 && letters(surface) <= 4 && !surface.equals(surface.toUpperCase(Locale.ROOT))) {
        continue;
      }
      return n;
    }
    return 0;
  }

  private Entry entry(String text) {
    if (text == null) {
      return null;
    }
    String k = key(text);
    Entry e = byKey.get(k);
    if (e == null && k.startsWith("the ")) {
      e = byKey.get(k.substring(4));
    }
    return e;
  }

  private static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /** Lookup key: lower case, straight apostrophes, single spaces, no trailing full stop. */
  static String key(String text) {
    String s = text.trim().replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    while (b.length() > 0 && (b.charAt(b.length() - 1) == '.' || b.charAt(b.length() - 1) == ',')) {
      b.setLength(b.length() - 1);
    }
    return b.toString();
  }
}
