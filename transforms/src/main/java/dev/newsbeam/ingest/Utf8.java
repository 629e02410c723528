package dev.newsbeam.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that says where the first bad byte is, and a binary-content sniff. */
final class Utf8 {
  private static final int SNIFF_BYTES = 8192;

  private Utf8() {}

  /** Decoded text, or the offset of the first invalid byte. */
  record Decoded(String text, int badByteOffset) {
    boolean ok() {
      return text != null;
    }
  }

  static Decoded decode(byte[] bytes, int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate(length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      return new Decoded(null, in.position());
    }
    r = decoder.flush(out);
    if (r.isError()) {
      return new Decoded(null, in.position());
    }
    out.flip();
    return new Decoded(out.toString(), -1);
  }

  /**
   * True when the first bytes look binary: a NUL byte, or more than 10% C0 control bytes other than
   * tab, newline, carriage return and form feed. Text in any UTF-8 language passes.
   */
  static boolean looksBinary(byte[] bytes, int length) {
    int n = Math.min(length, SNIFF_BYTES);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        control++;
      }
    }
    return n > 0 && control * 10 > n;
  }

  /** Lossy decoding for excerpts of invalid input (bad bytes become U+FFFD). */
  static String lossy(byte[] bytes, int length) {
    return new String(bytes, 0, Math.min(length, 4 * Errors.EXCERPT_CHARS), StandardCharsets.UTF_8);
  }
}
