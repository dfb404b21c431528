package dev.assay.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.assay.core.RunFailedException;
import dev.assay.report.ReportBundle;
import dev.assay.report.SampleRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryPublisherTest {

  @TempDir Path tmp;

  private static Map<String, byte[]> bundle(String text) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : List.of("manifest.json", "results.json", "report.html", "summary.md")) {
      files.put(name, (text + " " + name).getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesEveryFileOfARealBundleIntoANewDirectory() throws IOException {
    Path out = tmp.resolve("reports/compas-recidivism");
    Map<String, byte[]> bundle = ReportBundle.render(SampleRuns.full());
    new DirectoryPublisher(out).publish(bundle);
    assertEquals(
        List.of("junit.xml", "manifest.json", "report.html", "results.json", "summary.md"),
        listing(out));
    for (Map.Entry<String, byte[]> file : bundle.entrySet()) {
      assertArrayEquals(file.getValue(), Files.readAllBytes(out.resolve(file.getKey())));
    }
  }

  @Test
  void streamedFilesAreTheRenderedBytesAndTheManifestHashesWhatWasWritten() throws IOException {
    Path out = tmp.resolve("streamed");
    Map<String, byte[]> rendered = ReportBundle.render(SampleRuns.full());
    new DirectoryPublisher(out).publish(ReportBundle.files(SampleRuns.full()));
    assertEquals(
        List.of("junit.xml", "manifest.json", "report.html", "results.json", "summary.md"),
        listing(out));
    for (Map.Entry<String, byte[]> file : rendered.entrySet()) {
      assertArrayEquals(
          file.getValue(), Files.readAllBytes(out.resolve(file.getKey())), file.getKey());
    }
    Map<String, byte[]> readBack = new DirectoryPublisher(out).read(List.copyOf(rendered.keySet()));
    assertEquals(List.copyOf(rendered.keySet()), List.copyOf(readBack.keySet()));
    rendered.forEach((name, bytes) -> assertArrayEquals(bytes, readBack.get(name), name));
  }

  @Test
  void aFileThatFailsWhileStreamingLeavesNoReportAndNoTemporaryFile() throws IOException {
    Path out = tmp.resolve("broken");
    List<dev.assay.report.ReportFile> files =
        new java.util.ArrayList<>(ReportBundle.files(SampleRuns.full()));
    files.set(
        3,
        new dev.assay.report.ReportFile() {
          @Override
          public String name() {
            return "results.json";
          }

          @Override
          public void writeTo(
              java.io.OutputStream o, List<dev.assay.report.ReportFile.WrittenFile> w)
              throws IOException {
            o.write("{\"partial\":".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
          }
        });
    RunFailedException e =
        assertThrows(RunFailedException.class, () -> new DirectoryPublisher(out).publish(files));
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertEquals(List.of(), listing(out));
  }

  @Test
  void replacesAnEarlierReportAndLeavesNoTemporaryFile() throws IOException {
    Files.writeString(tmp.resolve("results.json"), "old results, much longer than the new one");
    Files.writeString(tmp.resolve("keep.txt"), "not ours");
    new DirectoryPublisher(tmp).publish(bundle("new"));
    assertEquals("new results.json", Files.readString(tmp.resolve("results.json")));
    assertEquals("new manifest.json", Files.readString(tmp.resolve("manifest.json")));
    assertEquals(
        List.of("keep.txt", "manifest.json", "report.html", "results.json", "summary.md"),
        listing(tmp));
  }

  /**
   * A report.pdf from an earlier {@code --pdf} run is deleted when the next run into the same
   * folder writes none, so no file in the folder is missing from its manifest.json; other files
   * stay.
   */
  @Test
  void aStalePdfFromAnEarlierRunIsRemovedWhenTheNextRunWritesNone() throws IOException {
    Path out = tmp.resolve("pdf-then-none");
    new DirectoryPublisher(out).publish(ReportBundle.files(SampleRuns.tiny(), true));
    assertTrue(Files.size(out.resolve("report.pdf")) > 1000);
    assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"report.pdf\""));
    Files.writeString(out.resolve("keep.txt"), "not ours");
    new DirectoryPublisher(out).publish(ReportBundle.files(SampleRuns.tiny(), false));
    assertEquals(
        List.of(
            "junit.xml", "keep.txt", "manifest.json", "report.html", "results.json", "summary.md"),
        listing(out));
    assertFalse(Files.readString(out.resolve("manifest.json")).contains("report.pdf"));
    assertEquals(0, dev.assay.report.ManifestCheck.check(out).exitCode());
  }

  /** Only a report bundle (with a manifest.json) clears a stale report.pdf. */
  @Test
  void filesWithoutAManifestLeaveAnExistingPdfAlone() throws IOException {
    Files.writeString(tmp.resolve("report.pdf"), "someone's pdf");
    new DirectoryPublisher(tmp).publish(Map.of("notes.txt", new byte[] {1}));
    assertEquals("someone's pdf", Files.readString(tmp.resolve("report.pdf")));
  }

  @Test
  void machineReadFilesAreMovedLast() {
    assertEquals(
        List.of("report.html", "summary.md", "results.json", "manifest.json"),
        List.copyOf(DirectoryPublisher.inWriteOrder(bundle("x")).keySet()));
  }

  @Test
  void targetUnderARegularFileFailsAsRunFailureNamingTheDirectory() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    Path out = file.resolve("report");
    RunFailedException e =
        assertThrows(
            RunFailedException.class, () -> new DirectoryPublisher(out).publish(bundle("x")));
    assertEquals(3, e.exitCode());
    assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
  }

  @Test
  void readOnlyDirectoryFailsAsRunFailure() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("locked"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(out), "running as root: permissions are not enforced");
      RunFailedException e =
          assertThrows(
              RunFailedException.class, () -> new DirectoryPublisher(out).publish(bundle("x")));
      assertTrue(e.getMessage().contains(out.toString()));
    } finally {
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void failureWhileRenamingDeletesTheTemporaryFilesAndWritesNoResults() throws IOException {
    Path blocker = Files.createDirectories(tmp.resolve("summary.md"));
    Files.writeString(blocker.resolve("inside"), "a non-empty directory cannot be replaced");
    RunFailedException e =
        assertThrows(
            RunFailedException.class, () -> new DirectoryPublisher(tmp).publish(bundle("x")));
    assertTrue(e.getMessage().contains(tmp.toString()));
    List<String> left = listing(tmp);
    assertFalse(left.stream().anyMatch(n -> n.endsWith(".tmp")), left.toString());
    assertFalse(left.contains("results.json"), "results.json is only written after the rest");
    assertFalse(left.contains("manifest.json"));
  }

  @Test
  void fileNamesMustBePlainNames() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DirectoryPublisher(tmp).publish(Map.of("../escape.txt", new byte[0])));
  }
}
