package dev.newsbeam.topics;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * Encodes a {@link LogisticTrainer.Gradient} by its non-zero entries. A combiner's partial accumulator
 * covers only the terms of the articles it has seen, a small share of labels × vocabulary, so this is
 * what keeps the per-pass shuffle (and the DirectRunner's copies) small.
 */
public final class GradientCoder extends CustomCoder<LogisticTrainer.Gradient> {
  private static final long serialVersionUID = 1L;

  public static GradientCoder of() {
    return new GradientCoder();
  }

  @Override
  public void encode(LogisticTrainer.Gradient g, OutputStream outStream) throws IOException {
    DataOutputStream out = new DataOutputStream(outStream);
    out.writeLong(g.docs);
    out.writeDouble(g.loss);
    writeSparse(out, g.sum);
    writeSparse(out, g.energy);
    out.flush();
  }

  @Override
  public LogisticTrainer.Gradient decode(InputStream inStream) throws IOException {
    DataInputStream in = new DataInputStream(inStream);
    LogisticTrainer.Gradient g = new LogisticTrainer.Gradient(0);
    g.docs = in.readLong();
    g.loss = in.readDouble();
    g.sum = readSparse(in);
    g.energy = readSparse(in);
    return g;
  }

  private static void writeSparse(DataOutputStream out, double[] values) throws IOException {
    int nonZero = 0;
    for (double v : values) {
      if (v != 0) {
        nonZero++;
      }
    }
    out.writeInt(values.length);
    out.writeInt(nonZero);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != 0) {
        out.writeInt(i);
        out.writeDouble(values[i]);
      }
    }
  }

  private static double[] readSparse(DataInputStream in) throws IOException {
    double[] values = new double[in.readInt()];
    int nonZero = in.readInt();
    for (int k = 0; k < nonZero; k++) {
      int i = in.readInt();
      values[i] = in.readDouble();
    }
    return values;
  }

  @Override
  public void verifyDeterministic() {}
}
