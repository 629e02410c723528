package dev.newsbeam.stage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The {@link POutput} plumbing of a composite transform's result with named outputs: subclasses
 * register each output once ({@link #with}) and expose it by an accessor.
 */
public abstract class NamedOutputs implements POutput {
  private final Pipeline pipeline;
  private final Map<TupleTag<?>, PValue> outputs = new LinkedHashMap<>();

  protected NamedOutputs(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** Registers one named output of the result and returns it. */
  protected final <T> PCollection<T> with(String name, PCollection<T> output) {
    outputs.put(new TupleTag<T>(name), output);
    return output;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return outputs;
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
