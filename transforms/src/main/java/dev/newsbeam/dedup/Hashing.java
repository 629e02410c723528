package dev.newsbeam.dedup;

/** 64-bit mixing shared by the shingler, MinHash and band keys. */
final class Hashing {
  private Hashing() {}

  /** SplitMix64's finaliser (Stafford variant 13): a bijection with full avalanche. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
