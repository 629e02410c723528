package dev.newsbeam.topics;

import dev.newsbeam.text.NewsAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How rare a term is in news at large: an inverse document frequency read from a reference table
 * shipped as data ({@value #DEFAULT_RESOURCE} next to this class), so that words every story uses
 * ("said", "year", "company") count less as topic evidence than words only some stories use.
 *
 * <p><b>Table format</b> ({@value #FORMAT}, UTF-8 text): lines starting with {@code #} are comments
 * (the lab's {@code build-idf} command writes where the counts come from there); one line {@code
 * unseen<TAB>idf} gives the idf of a term the reference corpus never holds; every other line is
 * {@code term<TAB>idf}. Terms are analysed with the default {@link NewsAnalyzer} (Porter stems,
 * classic stopwords), whatever analysis the tagger itself uses, so one table serves every setting.
 *
 * <p>{@link #weight} of an entry is its idf divided by the unseen idf: a term no reference article
 * holds counts fully, one that every article holds counts least (a floor of {@value #MIN_WEIGHT},
 * so no entry the taxonomy lists vanishes). The idf of a phrase is the sum of its terms' idfs, at
 * most the unseen idf (as if its words occurred independently).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TermRarity {
  /** The format tag on the first line of a table. */
  public static final String FORMAT = "newsbeam-idf/1";

  /** Classpath resource of the bundled reference table. */
  public static final String DEFAULT_RESOURCE = "reference-idf.tsv";

  /** The smallest weight an entry takes, however common its words. */
  static final double MIN_WEIGHT = 0.05;

  private final Map<String, Double> idf;
  private final double unseen;
  private final NewsAnalyzer analyzer = NewsAnalyzer.defaults();

  private TermRarity(Map<String, Double> idf, double unseen) {
    this.idf = idf;
    this.unseen = unseen;
  }

  /** The bundled table, read once per JVM when first asked for (class-holder idiom). */
  private static final class Bundled {
    static final TermRarity TABLE = read();

    private static TermRarity read() {
      try (InputStream in = TermRarity.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
        }
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The bundled reference table. */
  public static TermRarity defaults() {
    return Bundled.TABLE;
  }

  /** Reads a table in the {@value #FORMAT} format. */
  public static TermRarity parse(Reader reader) throws IOException {
    BufferedReader r = new BufferedReader(reader);
    String first = r.readLine();
    if (first == null || !first.equals("# " + FORMAT)) {
      throw new IllegalArgumentException("idf table must start with '# " + FORMAT + "'");
    }
    Map<String, Double> idf = new HashMap<>();
    double unseen = Double.NaN;
    String line;
    int n = 1;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      double value;
      try {
        value = tab < 0 ? Double.NaN : Double.parseDouble(line.substring(tab + 1));
      } catch (NumberFormatException e) {
        value = Double.NaN;
      }
      if (!(value >= 0)) {
        throw new IllegalArgumentException("idf table line " + n + " is not 'term<TAB>idf'");
      }
      String term = line.substring(0, tab);
      if (term.equals("unseen")) {
        unseen = value;
      } else {
        idf.put(term, value);
      }
    }
    if (!(unseen > 0)) {
      throw new IllegalArgumentException("idf table has no positive 'unseen' line");
    }
    for (Map.Entry<String, Double> e : idf.entrySet()) {
      if (e.getValue() > unseen) {
        throw new IllegalArgumentException(
            "idf table: '" + e.getKey() + "' is rarer than an unseen term");
      }
    }
    return new TermRarity(Map.copyOf(idf), unseen);
  }

  /**
   * The weight of a taxonomy entry written as {@code text}: in [{@value #MIN_WEIGHT}, 1]. An entry
   * whose words are all stopwords to the default analysis counts fully (its tagger may keep them).
   */
  public double weight(String text) {
    List<String> terms = analyzer.terms(text);
    if (terms.isEmpty()) {
      return 1.0;
    }
    double sum = 0;
    for (String t : terms) {
      sum += idf.getOrDefault(t, unseen);
    }
    // a floor keeps an entry the taxonomy lists from vanishing altogether
    return Math.max(Math.min(sum, unseen) / unseen, MIN_WEIGHT);
  }

  /** Terms in the table. */
  public int size() {
    return idf.size();
  }
}
