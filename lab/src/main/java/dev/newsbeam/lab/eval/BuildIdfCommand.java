package dev.newsbeam.lab.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.topics.TermRarity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code ./newsbeam-lab build-idf [--corpora=a.jsonl,b.jsonl] [--table=FILE] [--minArticles=N]}
 * ({@link BuildIdfOptions}): writes the reference idf table the taxonomy tagger weighs its terms
 * with ({@link TermRarity} format).
 *
 * <p>Every corpus weighs the same: a term's document share is the mean over the corpora of {@code
 * (df + 0.5) / (docs + 1)}, and its idf is {@code ln(1 / share)}. A business wire alone would make
 * sport and technology words look rarer than they are in general news, and a small general-news set
 * alone would leave most words unseen; the mean of the two keeps both kinds of word in proportion.
 */
public final class BuildIdfCommand {
  static final String USAGE =
      "Usage: ./newsbeam-lab build-idf [--corpora=a.jsonl,b.jsonl] [--table=FILE] [--minArticles=N]";

  private BuildIdfCommand() {}

  public static int run(String[] args) throws Exception {
    if (LabCli.help(args, System.out, USAGE, BuildIdfOptions.class)) {
      return 0;
    }
    BuildIdfOptions options = LabCli.parse(args, BuildIdfOptions.class);
    NewsAnalyzer analyzer = NewsAnalyzer.defaults();
    List<String> names = new ArrayList<>();
    List<Integer> docs = new ArrayList<>();
    List<Map<String, Integer>> dfs = new ArrayList<>();
    for (String c : options.getCorpora().split(",")) {
      Path path = LabPaths.resolve(c.strip());
      Map<String, Integer> df = new HashMap<>();
      int n = documentFrequencies(path, analyzer, df);
      names.add(path.getFileName().toString());
      docs.add(n);
      dfs.add(df);
      System.out.printf("build-idf: %s: %d articles, %d terms%n", path, n, df.size());
    }
    Map<String, Integer> total = new TreeMap<>();
    dfs.forEach(df -> df.forEach((t, n) -> total.merge(t, n, Integer::sum)));
    // a term no corpus holds: the NUL character is never a term
    double unseen = idfOf(dfs, "\u0000", docs);
    Path out = Path.of(options.getTable());
    int kept = 0;
    try (PrintWriter w =
        new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), false)) {
      w.print("# " + TermRarity.FORMAT + "\n");
      w.print("# written by ./newsbeam-lab build-idf; terms: NewsAnalyzer defaults (Porter)\n");
      for (int i = 0; i < names.size(); i++) {
        w.printf(Locale.ROOT, "# corpus %s: %d articles%n", names.get(i), docs.get(i));
      }
      w.print("# idf = ln(1 / mean over corpora of (df + 0.5) / (articles + 1))\n");
      w.printf(Locale.ROOT, "unseen\t%.3f%n", unseen);
      for (Map.Entry<String, Integer> e : total.entrySet()) {
        // numbers are never topic evidence; terms of digits and letters ("g7", "5g") may be
        if (e.getValue() < options.getMinArticles()
            || e.getKey().chars().noneMatch(Character::isLetter)) {
          continue;
        }
        double v = Math.min(unseen, idfOf(dfs, e.getKey(), docs));
        w.printf(Locale.ROOT, "%s\t%.3f%n", e.getKey(), v);
        kept++;
      }
    }
    System.out.printf(
        "build-idf: %d terms (in >= %d articles), unseen idf %.3f -> %s%n",
        kept, options.getMinArticles(), unseen, out);
    return 0;
  }

  private static double idfOf(List<Map<String, Integer>> dfs, String term, List<Integer> docs) {
    double share = 0;
    for (int i = 0; i < dfs.size(); i++) {
      share += (dfs.get(i).getOrDefault(term, 0) + 0.5) / (docs.get(i) + 1.0);
    }
    return Math.log(dfs.size() / share);
  }

  /** Adds the articles of {@code path} holding each term to {@code df}; returns the articles. */
  private static int documentFrequencies(Path path, NewsAnalyzer analyzer, Map<String, Integer> df)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    int n = 0;
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode o = json.readTree(line);
        Set<String> terms = new HashSet<>();
        terms.addAll(analyzer.terms(o.path("title").asText("")));
        terms.addAll(analyzer.terms(o.path("text").asText("")));
        terms.forEach(t -> df.merge(t, 1, Integer::sum));
        n++;
      }
    }
    return n;
  }
}
