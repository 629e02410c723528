package dev.newsbeam.lab.bench;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How long the one-thread microbenchmarks warm up and measure. */
public interface MeasurementOptions extends PipelineOptions {
  @Description("Seconds run before measuring, for the JIT.")
  @Default.Double(10)
  double getWarmupSeconds();

  void setWarmupSeconds(double value);

  @Description("Seconds measured.")
  @Default.Double(20)
  double getSeconds();

  void setSeconds(double value);
}
