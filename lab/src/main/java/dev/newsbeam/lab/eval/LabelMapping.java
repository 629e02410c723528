package dev.newsbeam.lab.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a corpus's own labels to IPTC Media Topics top-level codes, so the taxonomy tagger can be
 * scored on a labelled corpus it was not built from.
 *
 * <p>File format (UTF-8 text, one mapping per line): {@code label<TAB>medtop:code}; blank lines and
 * lines starting with {@code #} are ignored; {@code *} as label sets the code of every label not
 * listed. The bundled {@code reuters-iptc-toplevel.tsv} maps the Reuters-21578 TOPICS categories.
 */
public final class LabelMapping {
  public static final String REUTERS_RESOURCE = "reuters-iptc-toplevel.tsv";

  private static final Pattern IPTC_CODE = Pattern.compile("medtop:\\d{8}");

  private final Map<String, String> codes;
  private final String fallback;

  private LabelMapping(Map<String, String> codes, String fallback) {
    this.codes = codes;
    this.fallback = fallback;
  }

  public static LabelMapping reuters() {
    try (InputStream in = LabelMapping.class.getResourceAsStream(REUTERS_RESOURCE)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static LabelMapping read(Path path) throws IOException {
    return parse(Files.readString(path, StandardCharsets.UTF_8));
  }

  public static LabelMapping parse(String text) {
    Map<String, String> codes = new LinkedHashMap<>();
    String fallback = null;
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
      String line;
      while ((line = r.readLine()) != null) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        String[] parts = s.split("\t");
        if (parts.length < 2) {
          throw new IllegalArgumentException(
              "label mapping line needs label<TAB>code: '" + line + "'");
        }
        if (parts[0].equals("*")) {
          fallback = parts[1].strip();
        } else {
          codes.put(parts[0].strip(), parts[1].strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LabelMapping(codes, fallback);
  }

  /**
   * The IPTC codes of a set of labels (an article can belong to several top-level topics). A label
   * that is already an IPTC Media Topics code ({@code medtop:} and eight digits) and is not listed
   * stands for itself, so a corpus labelled with IPTC codes needs no mapping file.
   */
  public Set<String> codes(Collection<String> labels) {
    Set<String> out = new LinkedHashSet<>();
    for (String l : labels) {
      String c =
          codes.containsKey(l) ? codes.get(l) : IPTC_CODE.matcher(l).matches() ? l : fallback;
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }
}
