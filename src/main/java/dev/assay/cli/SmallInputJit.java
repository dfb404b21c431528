package dev.assay.cli;

import dev.assay.spec.DataSource;
import dev.assay.spec.ResolvedSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler (C2) out of an embedded audit of small local inputs: the
 * driver adds a compiler directive ({@code c2: {Exclude: true}} for every method) before Spark
 * starts, so methods compiled from then on stay with C1 (tier 1, no profiling).
 *
 * <p>Why: on the 200k-row demo the JIT compilers were the largest single item of the JVM's CPU (C2
 * 14–20 s of 38–51 s), compiling code that runs a few thousand times (Spark's planning, Janino, the
 * driver's roll-up); with C1 only the demo took 15 s instead of 21 s wall on a quiet machine.
 * Per-row code is slower in C1 (three times at 10M rows), so C2 is kept out only when every input
 * is a local file or folder and together they hold at most {@link #PROPERTY} bytes; on the demo it
 * saves about a quarter of the JVM's CPU (docs/performance.md, "CI gate, fifth pass"). Results do
 * not change: Java's floating point is the same in every tier.
 *
 * <p>Only {@code submit.sh}'s embedded mode sets {@link #PROPERTY}; under spark-submit, in tests,
 * or with {@code ASSAY_JVM_OPTIONS} the JIT is left alone.
 */
final class SmallInputJit {

  /** The system property with the byte bound; absent or 0: never. */
  static final String PROPERTY = "assay.jit.c1InputBytes";

  private static final String DIRECTIVE = "[{match: \"*.*\", c2: {Exclude: true}}]";

  private SmallInputJit() {}

  /**
   * Adds the directive when {@link #PROPERTY} is set and the spec's inputs are small; returns
   * whether it did. Any failure (a JVM without the diagnostic command) leaves the JIT as it was.
   */
  static boolean applyIfSmall(ResolvedSpec spec) {
    long bound = Long.getLong(PROPERTY, 0L);
    if (bound <= 0 || !small(spec, bound)) {
      return false;
    }
    try {
      Path file = Files.createTempFile("assay-c1-only", ".json");
      try {
        Files.writeString(file, DIRECTIVE);
        ManagementFactory.getPlatformMBeanServer()
            .invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "compilerDirectivesAdd",
                new Object[] {new String[] {file.toString()}},
                new String[] {String[].class.getName()});
      } finally {
        Files.deleteIfExists(file);
      }
      return true;
    } catch (Exception | LinkageError e) {
      return false; // only a speed-up: without it the audit runs as before
    }
  }

  /**
   * Whether every data set the spec reads is local files (no table, JDBC or query of its own) and
   * they hold at most {@code bound} bytes together.
   */
  static boolean small(ResolvedSpec spec, long bound) {
    for (DataSource source : spec.sources().values()) {
      if (!source.isFiles()) {
        return false;
      }
    }
    long total = 0;
    for (DataSource source : spec.dataInputs().values()) {
      OptionalLong bytes = localBytes(source.uri(), bound - total);
      if (bytes.isEmpty()) {
        return false;
      }
      total += bytes.getAsLong();
    }
    return total <= bound;
  }

  /**
   * The bytes of the regular files at {@code uri} (a file, or a folder walked), empty when it is
   * not a local path, cannot be read, or holds more than {@code bound} (the walk stops there).
   */
  static OptionalLong localBytes(String uri, long bound) {
    try {
      URI parsed = URI.create(uri);
      if (parsed.getScheme() != null && !parsed.getScheme().equals("file")) {
        return OptionalLong.empty();
      }
      Path path = parsed.getScheme() == null ? Path.of(uri) : Path.of(parsed);
      long total = 0;
      try (Stream<Path> files = Files.walk(path)) {
        Iterator<Path> it = files.iterator();
        while (it.hasNext()) {
          Path p = it.next();
          if (Files.isRegularFile(p)) {
            total += Files.size(p);
            if (total > bound) {
              return OptionalLong.empty();
            }
          }
        }
      }
      return OptionalLong.of(total);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      return OptionalLong.empty();
    }
  }
}
