package dev.newsbeam.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One line describing the machine a benchmark ran on: CPU model, cores, memory, OS, Java. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name", System.getProperty("os.arch"));
    String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal", "?");
    if (mem.endsWith("kB")) {
      mem = String.format("%.0f GB", Long.parseLong(mem.replaceAll("\\D", "")) / 1048576.0);
    }
    return String.format(
        "%s, %d cores visible to the JVM, %s RAM, %s %s, Java %s (%s)",
        cpu,
        Runtime.getRuntime().availableProcessors(),
        mem,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"));
  }

  private static String firstValue(Path file, String key, String fallback) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (String line : lines) {
        if (line.startsWith(key) && line.contains(":")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return fallback;
  }
}
