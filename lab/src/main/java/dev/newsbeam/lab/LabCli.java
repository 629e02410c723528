package dev.newsbeam.lab;

import dev.newsbeam.pipeline.Main;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * How every lab command reads its {@code --key=value} arguments: Beam's {@link
 * PipelineOptionsFactory} into the command's options interface, as the product's commands do, so
 * that the project has one parser, one {@code --help} format and one place per default.
 */
public final class LabCli {
  private LabCli() {}

  /**
   * Whether {@code args} ask for {@code --help}; if so, prints {@code usage} and every option of
   * {@code type} (with its default) to {@code out}. Checked before parsing: Beam's own handling of
   * {@code --help} exits the JVM.
   */
  public static boolean help(
      String[] args, PrintStream out, String usage, Class<? extends PipelineOptions> type) {
    if (!Arrays.asList(args).contains("--help")) {
      return false;
    }
    PipelineOptionsFactory.register(type);
    out.println(usage);
    out.println();
    PipelineOptionsFactory.printHelp(out, type);
    return true;
  }

  /**
   * {@code args} as {@code type}, strictly: an unknown option, a malformed value or a missing
   * {@code @Validation.Required} one is an {@link IllegalArgumentException} (a usage error, exit
   * 2). Runner options ({@code --runner=FlinkRunner --parallelism=2}) parse into the same object.
   */
  public static <T extends PipelineOptions> T parse(String[] args, Class<T> type) {
    PipelineOptionsFactory.register(type);
    try {
      return PipelineOptionsFactory.fromArgs(args).withValidation().as(type);
    } catch (IllegalArgumentException e) {
      // an enum's parse explains a bad value best; Beam passes it on wrapped in Jackson's words
      String reason = Main.usageMessage(e);
      throw reason.equals(e.getMessage()) ? e : new IllegalArgumentException(reason, e);
    }
  }

  /** How users write an enum constant: lower case, words joined by '-' ({@code dedup-flink}). */
  public static String code(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The constant of {@code type} that {@code value} names, by {@link #code} or by name, in any
   * case; the lab's enums parse options through this ({@code @JsonCreator}).
   */
  public static <E extends Enum<E>> E parseEnum(Class<E> type, String flag, String value) {
    String v = value.trim();
    for (E e : type.getEnumConstants()) {
      if (code(e).equalsIgnoreCase(v) || e.name().equalsIgnoreCase(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        flag
            + " must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(LabCli::code)
                .collect(Collectors.joining(", "))
            + ", not '"
            + value
            + "'");
  }
}
