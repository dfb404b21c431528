package dev.assay.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.CliRun;
import dev.assay.CliRun.Result;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Hostile {@code --out} folders and hostile values, end to end through {@code Main.run}: nothing is
 * lost (inputs unchanged byte for byte, an earlier report kept when a run fails its pre-flight) and
 * nothing is faked (no value can forge a console line, and junit.xml stays well-formed). The
 * pre-flight cases fail before any Spark work; the few that run an audit use 80 rows.
 */
@Tag("slow")
class OutputsAdversarialTest {

  @TempDir Path dir;

  /** The world one case sets up: the spec to audit and the CLI arguments after it. */
  record Setup(Path spec, List<String> args) {}

  /** A case: builds its world in a temp folder, and the words its one error message must hold. */
  interface Hostile {
    Setup build(World world) throws Exception;
  }

  // ---------------------------------------------------------------- pre-flight: exit 2, no Spark

  static Stream<Arguments> refusedBeforeAnyWork() {
    return Stream.of(
        refused(
            "out is the Parquet-style input folder",
            w -> w.folderSpec(w.dataFolder()),
            "is the folder of the input data.current"),
        refused(
            "out is inside the input folder",
            w -> w.folderSpec(w.dataFolder().resolve("report")),
            "is inside the input data.current"),
        refused(
            "out is the parent of the input",
            w -> w.fileSpec(w.root),
            "contains the input data.current"),
        refused(
            "out is a symbolic link to the input folder",
            w -> {
              Path link = Files.createSymbolicLink(w.root.resolve("link"), w.dataFolder());
              return w.folderSpec(link);
            },
            "is the folder of the input data.current"),
        refused(
            "out contains data.reference",
            w -> w.referenceSpec(),
            "contains the input data.reference"),
        refused(
            "out is the --records folder",
            w -> {
              Setup s = w.fileSpec(w.root.resolve("rep"));
              return new Setup(
                  s.spec(),
                  List.of(
                      "--out",
                      w.root.resolve("rep").toString(),
                      "--records",
                      w.root.resolve("rep").toString()));
            },
            "is the folder of the input --records"),
        refused(
            "out is an existing regular file",
            w -> {
              Path file = Files.writeString(w.root.resolve("report.txt"), "keep me");
              return w.fileSpec(file);
            },
            "is a file, not a folder"),
        refused(
            "out is below a regular file",
            w -> {
              Path file = Files.writeString(w.root.resolve("plain"), "keep me");
              return w.fileSpec(file.resolve("sub"));
            },
            "is a file, so the folder cannot be created"),
        refused(
            "out is the empty string",
            w -> {
              Setup s = w.fileSpec(w.root.resolve("unused"));
              return new Setup(s.spec(), List.of("--out", ""));
            },
            "--out is empty"),
        refused(
            "out is blank",
            w -> {
              Setup s = w.fileSpec(w.root.resolve("unused"));
              return new Setup(s.spec(), List.of("--out", "  "));
            },
            "--out is empty"),
        refused(
            "out cannot be created in /proc",
            w -> w.fileSpec(Path.of("/proc/assay-" + UUID.randomUUID())),
            "cannot be created"),
        refused(
            "out is a /proc folder that takes no files",
            w -> w.fileSpec(Path.of("/proc/self")),
            "is not writable"),
        refused(
            "out is a read-only /sys folder",
            w -> w.fileSpec(Path.of("/sys/kernel")),
            "is not writable"),
        refused(
            "out is locked by a live run (this process)",
            w -> {
              Path out = w.earlierReport();
              ProcessHandle self = ProcessHandle.current();
              w.lock(
                  out, self.pid(), self.info().startInstant().orElseThrow().toString(), w.host());
              return w.fileSpec(out);
            },
            "is in use by another Assay run (pid " + ProcessHandle.current().pid()),
        refused(
            "out is locked by a run on another host",
            w -> {
              Path out = w.earlierReport();
              w.lock(out, 1, "2026-01-01T00:00:00Z", "build-agent-7");
              return w.fileSpec(out);
            },
            "on host build-agent-7"));
  }

  private static Arguments refused(String name, Hostile hostile, String expected) {
    return Arguments.of(name, hostile, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedBeforeAnyWork")
  void aHostileOutFolderIsRefusedBeforeAnyWorkAndNothingIsLost(
      String name, Hostile hostile, String expected) throws Exception {
    World world = new World(dir);
    Setup setup = hostile.build(world);
    Map<String, String> before = World.hashes(dir);
    long started = System.nanoTime();

    Result r = world.audit(setup);

    assertEquals(2, r.code(), r.out() + r.err());
    assertOneMessage(r, expected);
    assertEquals(
        before, World.hashes(dir), "inputs, an earlier report and the lock are left as they were");
    assertTrue(
        System.nanoTime() - started < 5_000_000_000L, "fails in seconds, before any Spark work");
  }

  @Test
  void aReadOnlyFolderIsRefusedBeforeAnyWork() throws Exception {
    World world = new World(dir);
    Path out = world.earlierReport();
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Assumptions.assumeFalse(
          canWrite(out), "root ignores permissions; /sys covers read-only here");
      Map<String, String> before = World.hashes(dir);
      Result r = world.audit(world.fileSpec(out));
      assertEquals(2, r.code(), r.err());
      assertOneMessage(r, "is not writable");
      assertEquals(before, World.hashes(dir));
    } finally {
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static boolean canWrite(Path folder) {
    try {
      Files.delete(Files.createFile(folder.resolve("probe")));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- runs that go ahead

  /** What a killed run leaves behind: its lock (its pid is gone) and an 64 KB staging file. */
  @Test
  void aKilledRunsLockAndStagingFilesAreCleanedUpAndNothingElse() throws Exception {
    SharedSpark.get();
    World world = new World(dir);
    Path out = world.earlierReport();
    long deadPid = 4_194_305; // above Linux's largest pid_max: no such process
    world.lock(out, deadPid, "2026-01-01T00:00:00Z", world.host());
    Path staged =
        Files.write(out.resolve(".report.html." + UUID.randomUUID() + ".tmp"), new byte[64 * 1024]);
    Path lockNew =
        Files.writeString(out.resolve(".assay.lock." + UUID.randomUUID() + ".new"), "pid=1\n");
    Path mine = Files.writeString(out.resolve(".keep.tmp"), "a user's own hidden file");
    Path notes = Files.writeString(out.resolve("notes.txt"), "a user's notes");

    Result r = world.audit(world.fileSpec(out));

    assertEquals(1, r.code(), r.err());
    assertTrue(
        r.out()
            .contains(
                "Note: Took over the lock of an earlier run that is no longer running (pid "
                    + deadPid
                    + " on host "),
        r.out());
    assertTrue(
        r.out().contains("Note: Removed 2 staging file(s) that an interrupted run left in"),
        r.out());
    assertFalse(Files.exists(out.resolve(".assay.lock")), "the lock is released at the end");
    assertFalse(Files.exists(staged));
    assertFalse(Files.exists(lockNew));
    assertTrue(Files.exists(mine) && Files.exists(notes), "files Assay did not stage are kept");
    assertTrue(
        Files.readString(out.resolve("results.json")).contains("\"verdict\""),
        "the new report replaced the old");
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(7, files.count(), "five report files and the user's two; no lock, no temp file");
    }
  }

  @Test
  void aRunThatFailsAfterThePreFlightLeavesNoFolderAndNoLock() throws Exception {
    SharedSpark.get();
    World world = new World(dir);
    Path out = world.root.resolve("new/nested/report");
    Setup setup = world.fileSpec(out);
    Files.writeString(
        setup.spec(),
        Files.readString(setup.spec())
            .replace("prediction: approved", "prediction: no_such_column"));

    Result r = world.audit(setup);

    assertEquals(2, r.code(), r.err());
    assertFalse(
        Files.exists(world.root.resolve("new")), "the folders this run created are removed again");
  }

  /** Group name (as stored in the data) to how every line of text must show it. */
  static final Map<String, String> HOSTILE_GROUPS =
      Map.of(
          "B\nGate open: exit 0.", "B\\nGate open: exit 0.",
          "C\rGate open: exit 0.", "C\\rGate open: exit 0.",
          "D\u001b[32mPASS\u001b[0m", "D\\u001B[32mPASS\\u001B[0m",
          "E\u202Eevil\u202C", "E\\u202Eevil\\u202C",
          "F\u0000nul", "F\\u0000nul",
          "G\u0085Gate open", "G\\u0085Gate open");

  /** One audit over six hostile group names (each fails the rule), checked in every output. */
  @Test
  void hostileGroupNamesCannotForgeAConsoleLineOrBreakJunitXml() throws Exception {
    SharedSpark.get();
    World world = new World(dir);
    Path out = world.root.resolve("report");
    Result r = world.audit(world.jsonSpec(out, List.copyOf(HOSTILE_GROUPS.keySet())));

    assertEquals(1, r.code(), r.err());
    String console = r.out() + r.err();
    assertFalse(World.hasRawControl(console.replace("\n", "")), console);
    assertEquals(1, r.out().lines().filter(l -> l.startsWith("Gate ")).count(), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.equals("Gate closed: exit 1.")), r.out());

    Document junit =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(out.resolve("junit.xml").toFile()); // throws if not well-formed
    NodeList cases = junit.getElementsByTagName("testcase");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      names.add(((Element) cases.item(i)).getAttribute("name"));
    }
    NodeList failureNodes = junit.getElementsByTagName("failure");
    StringBuilder failures = new StringBuilder();
    for (int i = 0; i < failureNodes.getLength(); i++) {
      failures.append(failureNodes.item(i).getTextContent()).append('\n');
    }
    for (String shown : HOSTILE_GROUPS.values()) {
      assertTrue(
          r.out().contains("  FAIL group-rate [grp = " + shown + "]: "), shown + " in " + r.out());
      assertTrue(names.contains("group-rate [grp = " + shown + "]"), shown + " in " + names);
      assertTrue(
          failures.toString().contains("on grp = " + shown + "\n"), shown + " in " + failures);
    }
    for (String file : List.of("summary.md", "report.html", "junit.xml")) {
      String text = Files.readString(out.resolve(file));
      assertFalse(
          World.hasRawControl(text.replace("\n", "").replace("\r", "").replace("\t", "")),
          file + " carries a raw control or bidi character");
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void assertOneMessage(Result r, String expected) {
    List<String> lines = r.err().lines().toList();
    assertEquals(1, lines.size(), "one message: " + r.err());
    assertTrue(lines.get(0).startsWith("assay: error: --out "), r.err());
    assertTrue(lines.get(0).contains(expected), r.err());
    assertFalse(
        r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r.err());
    assertEquals("", r.out(), "nothing printed on standard output");
  }

  /** A temp folder with tiny data: 40 rows of group A (rate 0.5) and 40 of B (rate 0.25). */
  static final class World {

    final Path root;

    World(Path root) {
      this.root = root;
    }

    Path dataFolder() throws IOException {
      Path folder = root.resolve("data");
      Files.createDirectories(folder);
      Files.write(folder.resolve("part-00000.csv"), rows(","));
      return folder;
    }

    static List<String> rows(String sep) {
      List<String> lines =
          new ArrayList<>(List.of(String.join(sep, "id", "grp", "outcome", "approved")));
      for (int i = 0; i < 80; i++) {
        String group = i < 40 ? "A" : "B";
        int positives = i < 40 ? 20 : 10;
        lines.add(
            String.join(
                sep,
                Integer.toString(i),
                group,
                Integer.toString(i % 2),
                (i % 40) < positives ? "1" : "0"));
      }
      return lines;
    }

    Setup fileSpec(Path out) throws IOException {
      Files.write(root.resolve("data.csv"), rows(","));
      return new Setup(spec("{path: data.csv}", ""), List.of("--out", out.toString()));
    }

    Setup folderSpec(Path out) throws IOException {
      dataFolder();
      return new Setup(spec("{path: data, format: csv}", ""), List.of("--out", out.toString()));
    }

    /** --out is the folder holding data.reference (the current data lives elsewhere). */
    Setup referenceSpec() throws IOException {
      Path shared = root.resolve("shared");
      Files.createDirectories(shared.resolve("ref"));
      Files.write(shared.resolve("ref/reference.csv"), rows(","));
      Files.write(root.resolve("data.csv"), rows(","));
      return new Setup(
          spec("{path: data.csv}", "  reference: {path: shared/ref/reference.csv}\n"),
          List.of("--out", shared.toString()));
    }

    /**
     * JSON lines: 20 rows of group A (rate 0.5) and 20 of each of {@code groups} (rate 0.25), and a
     * rule that every group's selection rate is at least 0.4: each hostile group fails it.
     */
    Setup jsonSpec(Path out, List<String> groups) throws IOException {
      List<String> lines = new ArrayList<>();
      List<String> all = new ArrayList<>(List.of("A"));
      all.addAll(groups);
      int id = 0;
      for (String group : all) {
        int positives = group.equals("A") ? 10 : 5;
        for (int i = 0; i < 20; i++, id++) {
          lines.add(
              "{\"id\":"
                  + id
                  + ",\"grp\":\""
                  + json(group)
                  + "\",\"outcome\":"
                  + (i % 2)
                  + ",\"approved\":"
                  + (i < positives ? 1 : 0)
                  + "}");
        }
      }
      Files.write(root.resolve("data.jsonl"), lines);
      Files.writeString(
          root.resolve("group-rate.yaml"),
          String.join(
              "\n",
              "pack: group-rate",
              "rules:",
              "  - id: group-rate",
              "    metric: fairness.selection_rate",
              "    where: {attribute: grp, group: \"*\"}",
              "    must: \">= 0.4\"",
              "    severity: blocking",
              ""));
      Path spec = root.resolve("audit.yaml");
      Files.writeString(
          spec,
          String.join(
              "\n",
              "version: 1",
              "name: hostile-groups",
              "data:",
              "  current: {path: data.jsonl, format: json}",
              "columns:",
              "  label: outcome",
              "  prediction: approved",
              "  sensitive: [grp]",
              "rules: [group-rate.yaml]",
              ""));
      return new Setup(spec, List.of("--out", out.toString()));
    }

    private static String json(String text) {
      StringBuilder out = new StringBuilder();
      for (char c : text.toCharArray()) {
        out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
      return out.toString();
    }

    private Path spec(String current, String reference) throws IOException {
      Path spec = root.resolve("audit.yaml");
      Files.writeString(
          spec,
          "version: 1\nname: outputs-audit\ndata:\n  current: "
              + current
              + "\n"
              + reference
              + "columns:\n  label: outcome\n  prediction: approved\n  sensitive: [grp]\n"
              + "rules: [rules/eeoc-four-fifths.yaml]\n");
      return spec;
    }

    /** A folder holding an earlier run's report (five files with content). */
    Path earlierReport() throws IOException {
      Path out = root.resolve("report");
      Files.createDirectories(out);
      for (String f :
          List.of("report.html", "results.json", "junit.xml", "summary.md", "manifest.json")) {
        Files.writeString(out.resolve(f), "earlier " + f);
      }
      return out;
    }

    void lock(Path out, long pid, String processStart, String host) throws IOException {
      Files.createDirectories(out);
      Files.writeString(
          out.resolve(".assay.lock"),
          "pid="
              + pid
              + "\nprocess_start="
              + processStart
              + "\nhost="
              + host
              + "\nstarted=2026-12-01T10:00:00Z\nrun="
              + UUID.randomUUID()
              + "\n");
    }

    String host() throws IOException {
      return java.net.InetAddress.getLocalHost().getHostName();
    }

    Result audit(Setup setup) {
      List<String> args = new ArrayList<>(List.of("audit", setup.spec().toString()));
      args.addAll(setup.args());
      return cli(args.toArray(String[]::new));
    }

    static Result cli(String... args) {
      return CliRun.run(args);
    }

    /** Every file under {@code root} (links not followed) with its SHA-256. */
    static Map<String, String> hashes(Path root) throws IOException {
      Map<String, String> out = new TreeMap<>();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          out.put(root.relativize(f).toString(), sha256(Files.readAllBytes(f)));
        }
      }
      return out;
    }

    private static String sha256(byte[] bytes) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    /** A C0/C1 control, DEL, bidi control or line separator, as printed raw. */
    static boolean hasRawControl(String text) {
      return text.chars()
          .anyMatch(
              c ->
                  c < 0x20
                      || (c >= 0x7F && c <= 0x9F)
                      || (c >= 0x202A && c <= 0x202E)
                      || (c >= 0x2066 && c <= 0x2069)
                      || c == 0x2028
                      || c == 0x2029);
    }
  }
}
