package dev.assay.publish;

import dev.assay.core.SafeText;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds an {@link OutputFolder} lock: the process (pid and the time it started, so a reused pid
 * is not mistaken for the holder), the host, when the run started, and a random run id (two runs in
 * one process hold different locks). Stored as {@code key=value} lines.
 *
 * @param pid the holder's process id, or -1 when the lock file could not be read
 * @param processStart when that process started, or null when unknown
 * @param host the holder's host name
 * @param started when the run took the lock
 * @param run a random id of the run
 */
record LockOwner(long pid, Instant processStart, String host, Instant started, String run) {

  /** Start times read twice from the OS may differ by a clock tick. */
  private static final Duration SAME_START = Duration.ofSeconds(1);

  /** This host's name, looked up once. */
  private static final String HOST = lookUpHostName();

  static LockOwner current() {
    ProcessHandle self = ProcessHandle.current();
    return new LockOwner(
        self.pid(),
        self.info().startInstant().orElse(null),
        hostName(),
        Instant.now(),
        UUID.randomUUID().toString());
  }

  String text() {
    return "pid="
        + pid
        + "\nprocess_start="
        + (processStart == null ? "" : processStart)
        + "\nhost="
        + host
        + "\nstarted="
        + started
        + "\nrun="
        + run
        + "\n";
  }

  /** Reads a lock file's content; what cannot be read stays unknown (pid -1, null times). */
  static LockOwner parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return new LockOwner(
        number(values.get("pid")),
        instant(values.get("process_start")),
        values.getOrDefault("host", ""),
        instant(values.get("started")),
        values.getOrDefault("run", ""));
  }

  /**
   * True when the holder may still be running: a lock of another host (cannot be checked), or a
   * live process with this pid that started when the holder did. A lock without a readable pid is
   * judged live (it may be one being written by a run of an older version).
   */
  boolean alive() {
    if (!host.equals(hostName()) || pid < 0) {
      return true;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return false;
    }
    Instant actual = process.get().info().startInstant().orElse(null);
    return processStart == null
        || actual == null
        || Duration.between(processStart, actual).abs().compareTo(SAME_START) <= 0;
  }

  /** {@code pid 123 on host build-7, started 2026-01-02T03:04:05Z}, escaped for one line. */
  String describe() {
    return SafeText.line(
        "pid "
            + (pid < 0 ? "unknown" : Long.toString(pid))
            + " on host "
            + (host.isEmpty() ? "unknown" : host)
            + ", started "
            + (started == null ? "at an unknown time" : started));
  }

  private static long number(String text) {
    try {
      return text == null ? -1 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Instant instant(String text) {
    try {
      return text == null || text.isEmpty() ? null : Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String hostName() {
    return HOST;
  }

  private static String lookUpHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      String env = System.getenv("HOSTNAME");
      return env == null ? "localhost" : env;
    }
  }
}
