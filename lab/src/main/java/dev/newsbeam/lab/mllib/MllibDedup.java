package dev.newsbeam.lab.mllib;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.ShingleSpec;
import dev.newsbeam.dedup.Shingler;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import dev.newsbeam.lab.eval.ClusteringQuality;
import dev.newsbeam.lab.eval.TruthFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Near-duplicate baseline on Spark MLlib (issue 8): the same corpus, the same shingles and the same
 * Jaccard threshold as our dedup stage, with {@link MinHashLSH} as the LSH engine, on {@code
 * local[N]}.
 *
 * <pre>{@code
 * java <add-opens of ./newsbeam> -Xmx4g -cp lab/target/newsbeam-lab.jar:$(cat lab/target/lab.classpath) \
 *     dev.newsbeam.lab.mllib.MllibDedup --corpus=CORPUS_DIR [--threads=N] [--tables=N] [--similarity=J]
 * }</pre>
 *
 * <p>Prints one JSON line: {@code engine, articles, seconds, pairs, precision, recall, f1, ari,
 * tables, threshold, threads, cpu_seconds, startup_seconds}.
 *
 * <ul>
 *   <li>Input: {@code CORPUS_DIR/articles-*.jsonl} through Spark's JSON reader (fields {@code id},
 *       {@code text}); scored against {@code CORPUS_DIR/truth.tsv} exactly as {@code eval-dedup}
 *       scores ours (pairwise precision/recall/F1 and ARI over every id of the truth, an article
 *       without a predicted cluster being a singleton).
 *   <li>Features: {@link DedupSettings#shingler()} (our word 3-shingles, 64-bit hashes), each
 *       shingle hashed to one of 2^{@value #FEATURE_BITS} indices (its top bits) of a binary sparse
 *       vector. Articles without shingles (blank text) are singletons, as in ours.
 *   <li>LSH: MLlib's MinHashLSH has OR-amplification only, one min-hash per table (no AND within a
 *       table), so a pair of Jaccard s becomes a candidate with probability {@code 1-(1-s)^tables}.
 *       The default {@code --tables} is our number of bands at the threshold ({@code
 *       DedupSettings.bands()}, e.g. 37 (x 3 rows) at 0.3 with 128 permutations), i.e. as many
 *       bucket keys per article as ours; the candidate curve is far less steep (near 1 above 0.1,
 *       and still ~17% at s = 0.005), so MLlib pays in candidates what ours pays in signature
 *       length.
 *   <li>Join: {@code approxSimilarityJoin(hashed, hashed, d)} with d just above {@code 1 -
 *       threshold} (MLlib keeps {@code distance < d}; ours keeps {@code similarity >= threshold});
 *       it verifies each candidate with the exact Jaccard distance of the two vectors. Self-pairs
 *       and the mirrored half are dropped ({@code idA < idB}).
 *   <li>Exact duplicates need no stage of their own: equal shingle sets are candidates in every
 *       table at distance 0.
 *   <li>Clusters: connected components of the pairs, by union-find in the driver (no chain guard,
 *       unlike ours).
 * </ul>
 *
 * <p>{@code seconds} runs from reading the files to the finished clustering (Spark jobs and the
 * driver's union-find); SparkSession start-up is reported apart as {@code startup_seconds}, scoring
 * is in neither. {@code cpu_seconds} is the JVM's CPU time over the same span (all threads, JIT and
 * GC included): on a shared machine it says more than the wall clock.
 */
public final class MllibDedup {
  /**
   * Feature vector dimension 2^20: a 500-shingle article loses ~0.1 shingle to index collisions.
   */
  public static final int FEATURE_BITS = 20;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USAGE =
      "Usage: java -cp ... "
          + MllibDedup.class.getName()
          + " --corpus=DIR [--threads=N] [--tables=N] [--similarity=J]";

  private MllibDedup() {}

  /** One run: quality against the truth, timings and the predicted clustering (id → cluster). */
  public record Result(
      long articles,
      double seconds,
      double cpuSeconds,
      double startupSeconds,
      long pairs,
      double precision,
      double recall,
      double f1,
      double ari,
      int tables,
      double threshold,
      int threads,
      Map<String, String> clusterOf) {

    public String toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("engine", "spark-mllib");
      m.put("articles", articles);
      m.put("seconds", round(seconds, 3));
      m.put("pairs", pairs);
      m.put("precision", round(precision, 4));
      m.put("recall", round(recall, 4));
      m.put("f1", round(f1, 4));
      m.put("ari", round(ari, 4));
      m.put("tables", tables);
      m.put("threshold", threshold);
      m.put("threads", threads);
      m.put("cpu_seconds", round(cpuSeconds, 3));
      m.put("startup_seconds", round(startupSeconds, 3));
      try {
        return JSON.writeValueAsString(m);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Our number of LSH bands at this Jaccard threshold with the other dedup settings at their
   * defaults: {@code --tables} when only {@code --similarity} is given ({@link
   * MllibDedupOptions.OurBands}).
   */
  public static int defaultTables(double threshold) {
    return comparedSettings().withSimilarity(threshold).bands().bands();
  }

  /**
   * The dedup settings MLlib is compared at: word 3-shingles and Jaccard alone ({@link
   * #COMPARED_SIMILARITY}), what MinHashLSH does and what our comparison rows were measured with;
   * dedup's own defaults (character shingles, containment, the figure test) have no MLlib
   * counterpart.
   */
  public static DedupSettings comparedSettings() {
    return DedupSettings.defaults()
        .withShingle(ShingleSpec.words(3))
        .withSimilarity(COMPARED_SIMILARITY)
        .withContainment(0)
        .withFigureAgreement(0);
  }

  /** The Jaccard threshold of the comparison, the one our earlier defaults had. */
  public static final double COMPARED_SIMILARITY = 0.3;

  /** {@link #COMPARED_SIMILARITY} and as many tables as our bands. */
  public static Result run(Path corpusDir, int threads) throws IOException {
    double threshold = COMPARED_SIMILARITY;
    return run(corpusDir, threads, defaultTables(threshold), threshold);
  }

  public static Result run(Path corpusDir, int threads, int tables, double threshold)
      throws IOException {
    if (threads < 1 || tables < 1 || !(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException(
          "threads >= 1, tables >= 1 and threshold in (0,1) required: "
              + threads
              + ", "
              + tables
              + ", "
              + threshold);
    }
    Path truthFile = corpusDir.resolve("truth.tsv");
    if (!Files.isRegularFile(truthFile)) {
      throw new IllegalArgumentException("no truth.tsv in " + corpusDir);
    }
    DedupSettings settings = comparedSettings().withSimilarity(threshold);

    long startup = System.nanoTime();
    SparkSession spark =
        SparkSession.builder()
            .appName("newsbeam-mllib-dedup")
            .master("local[" + threads + "]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", String.valueOf(2 * threads))
            .config("spark.default.parallelism", String.valueOf(2 * threads))
            // file splits are at least openCostInBytes (4 MB) long: a 10k corpus (one 11 MB shard)
            // would be
            // read, shingled and hashed in 3 tasks on 2 threads; 1 MB lets it split into 2 x
            // threads
            .config("spark.sql.files.openCostInBytes", String.valueOf(1 << 20))
            // local mode talks to its own driver: loopback, whatever SPARK_LOCAL_IP says
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    double startupSeconds = (System.nanoTime() - startup) / 1e9;
    try {
      long start = System.nanoTime();
      long startCpu = processCpuNanos();
      UserDefinedFunction shingleVector =
          functions.udf(new ShingleVector(settings), SQLDataTypes.VectorType());
      Dataset<Row> features =
          spark
              .read()
              .schema("id STRING, text STRING")
              .json(corpusDir.resolve("articles-*.jsonl").toString())
              .select(col("id"), shingleVector.apply(col("text")).as("features"))
              .persist(StorageLevel.MEMORY_AND_DISK());
      long articles = features.count();
      Dataset<Row> withShingles = features.filter(col("features").isNotNull());

      MinHashLSHModel model =
          new MinHashLSH()
              .setNumHashTables(tables)
              .setSeed(settings.seed())
              .setInputCol("features")
              .setOutputCol("hashes")
              .fit(withShingles);
      // the join reads its input twice (both sides): hash once
      Dataset<Row> hashed = model.transform(withShingles).persist(StorageLevel.MEMORY_AND_DISK());
      List<Row> pairs =
          model
              .approxSimilarityJoin(hashed, hashed, Math.nextUp(1 - threshold), "distance")
              .select(col("datasetA.id").as("a"), col("datasetB.id").as("b"))
              .filter(col("a").lt(col("b")))
              .collectAsList();

      UnionFind components = new UnionFind();
      for (Row r : pairs) {
        components.union(r.getString(0), r.getString(1));
      }
      Map<String, String> clusterOf = components.clusters();
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (processCpuNanos() - startCpu) / 1e9;
      hashed.unpersist();
      features.unpersist();

      ClusteringQuality q = new ClusteringQuality();
      TruthFile.forEach(
          truthFile, row -> q.add(row.cluster(), clusterOf.getOrDefault(row.id(), row.id())));
      return new Result(
          articles,
          seconds,
          cpuSeconds,
          startupSeconds,
          pairs.size(),
          q.precision(),
          q.recall(),
          q.f1(),
          q.adjustedRandIndex(),
          tables,
          threshold,
          threads,
          clusterOf);
    } finally {
      spark.stop();
    }
  }

  /**
   * {@code --corpus=DIR [--threads=N] [--tables=N] [--similarity=J]} ({@link MllibDedupOptions}).
   */
  public static void main(String[] args) throws Exception {
    // slf4j-simple (Beam's, which Spark logs through) would print Spark's INFO lines
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    if (LabCli.help(args, System.out, USAGE, MllibDedupOptions.class)) {
      return;
    }
    MllibDedupOptions options;
    try {
      options = LabCli.parse(args, MllibDedupOptions.class);
      if (options.getCorpus() == null) {
        throw new IllegalArgumentException("--corpus=DIR (a generated corpus) is required");
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    System.out.println(
        run(
                LabPaths.resolve(options.getCorpus()),
                options.getThreads(),
                options.getTables(),
                options.getSimilarity())
            .toJson());
  }

  /**
   * Text → binary sparse vector of its shingles (null when it has none: MinHashLSH rejects empty
   * sets).
   */
  static final class ShingleVector implements UDF1<String, Vector> {
    private static final long serialVersionUID = 1L;

    private final DedupSettings settings;
    private transient Shingler shingler;

    ShingleVector(DedupSettings settings) {
      this.settings = settings;
    }

    @Override
    public Vector call(String text) {
      if (text == null) {
        return null;
      }
      if (shingler == null) {
        shingler = settings.shingler();
      }
      return vector(shingler.shingles(text));
    }
  }

  /**
   * Sorted distinct indices (the top {@value #FEATURE_BITS} bits of each shingle hash), all ones.
   */
  static SparseVector vector(long[] shingles) {
    if (shingles.length == 0) {
      return null;
    }
    int[] indices = new int[shingles.length];
    for (int i = 0; i < shingles.length; i++) {
      indices[i] = (int) (shingles[i] >>> (64 - FEATURE_BITS));
    }
    Arrays.sort(indices);
    int distinct = 0;
    for (int i = 0; i < indices.length; i++) {
      if (i == 0 || indices[i] != indices[i - 1]) {
        indices[distinct++] = indices[i];
      }
    }
    double[] ones = new double[distinct];
    Arrays.fill(ones, 1.0);
    return new SparseVector(1 << FEATURE_BITS, Arrays.copyOf(indices, distinct), ones);
  }

  /** CPU time of this JVM (all threads, JIT and GC included), or -1 where the JVM does not say. */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static double round(double v, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(v * scale) / scale;
  }

  /** Union-find over string ids; a component's cluster id is its smallest id. */
  static final class UnionFind {
    private final Map<String, String> parent = new HashMap<>();

    String find(String x) {
      parent.putIfAbsent(x, x);
      String root = x;
      while (!parent.get(root).equals(root)) {
        root = parent.get(root);
      }
      while (!parent.get(x).equals(root)) {
        String next = parent.get(x);
        parent.put(x, root);
        x = next;
      }
      return root;
    }

    void union(String a, String b) {
      String ra = find(a);
      String rb = find(b);
      if (!ra.equals(rb)) {
        if (ra.compareTo(rb) < 0) {
          parent.put(rb, ra);
        } else {
          parent.put(ra, rb);
        }
      }
    }

    Map<String, String> clusters() {
      Map<String, String> out = new HashMap<>();
      for (String id : List.copyOf(parent.keySet())) {
        out.put(id, find(id));
      }
      return out;
    }
  }
}
