package dev.newsbeam.ingest;

import dev.newsbeam.schema.ErrorRecord;

/** Builds {@link ErrorRecord}s with a bounded, printable excerpt. */
public final class Errors {
  /** Longest excerpt kept, in characters. */
  public static final int EXCERPT_CHARS = 200;

  private Errors() {}

  public static ErrorRecord of(
      String source, String location, ErrorReason reason, String message, String excerpt) {
    return ErrorRecord.newBuilder()
        .setSource(source)
        .setLocation(location)
        .setReason(reason.code())
        .setMessage(message)
        .setExcerpt(excerpt == null ? null : excerpt(excerpt))
        .build();
  }

  /**
   * The first {@link #EXCERPT_CHARS} characters, control characters other than newline shown as
   * U+FFFD.
   */
  static String excerpt(String s) {
    int end = Math.min(s.length(), EXCERPT_CHARS);
    if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    StringBuilder b = new StringBuilder(end);
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      b.append(c == '\n' || c == '\t' || !Character.isISOControl(c) ? c : '\uFFFD');
    }
    return b.toString();
  }
}
