package dev.assay.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.FileEvidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest's SHA-256 computed ahead: the same evidence as reading the files after the scan
 * (independently computed digests), used only for a file as Hadoop sees it when the manifest is
 * made, never for a remote input, a changed file or a file beside a Hadoop checksum, and a thread
 * that stops and keeps no JVM alive.
 */
class LocalDigestsTest {

  @TempDir Path dir;

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static FileStatus hadoopStatus(Path file) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file.toUri());
    return p.getFileSystem(new Configuration()).getFileStatus(p);
  }

  @Test
  void aLocalFilesDigestMatchesHadoopsSizeAndModificationTime() throws Exception {
    byte[] bytes = new byte[3 << 20];
    new Random(7).nextBytes(bytes);
    Path file = Files.write(dir.resolve("data.csv"), bytes);
    try (LocalDigests digests = LocalDigests.start(List.of(file.toString()))) {
      FileStatus status = hadoopStatus(file);
      assertEquals(
          sha256(bytes),
          digests.digest(file.toString(), status.getLen(), status.getModificationTime()));
      // a size or modification time other than the one read: not this file's digest any more
      assertNull(
          digests.digest(file.toString(), status.getLen() + 1, status.getModificationTime()));
      assertNull(
          digests.digest(file.toString(), status.getLen(), status.getModificationTime() + 1000));
      assertNull(digests.digest(dir.resolve("other.csv").toString(), 1, 1));
    }
  }

  @Test
  void fileHasherGivesTheSameEvidenceWithAndWithoutDigestsAhead() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("parts"));
    Files.writeString(folder.resolve("part-0.csv"), "a,b\n1,2\n");
    Files.writeString(folder.resolve("part-1.csv"), "a,b\n3,4\n");
    Files.writeString(folder.resolve("_SUCCESS"), "");
    Path spec = Files.writeString(dir.resolve("audit.yaml"), "version: 1\n");
    Configuration conf = new Configuration();
    List<FileEvidence> plain = new FileHasher(conf).evidence("data.current", folder.toString());
    List<FileEvidence> ahead;
    try (LocalDigests digests =
        LocalDigests.start(List.of(spec.toString(), folder.toUri().toString()))) {
      ahead = new FileHasher(conf, digests).evidence("data.current", folder.toString());
      assertEquals(
          new FileHasher(conf).evidence("spec", spec.toString()),
          new FileHasher(conf, digests).evidence("spec", spec.toString()));
    }
    assertEquals(plain, ahead);
    assertEquals(2, ahead.size());
    assertEquals(sha256("a,b\n3,4\n".getBytes(StandardCharsets.UTF_8)), ahead.get(1).sha256());
  }

  @Test
  void aFileChangedAfterItWasHashedIsReadAgain() throws Exception {
    Path file = Files.writeString(dir.resolve("data.csv"), "x\n1\n");
    try (LocalDigests digests = LocalDigests.start(List.of(file.toString()))) {
      assertEquals(
          sha256("x\n1\n".getBytes(StandardCharsets.UTF_8)),
          digests.digest(file.toString(), 4, Files.getLastModifiedTime(file).toMillis())); // hashed
      Files.writeString(file, "x\n2\n");
      Files.setLastModifiedTime(
          file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
      List<FileEvidence> evidence =
          new FileHasher(new Configuration(), digests).evidence("data.current", file.toString());
      assertEquals(sha256("x\n2\n".getBytes(StandardCharsets.UTF_8)), evidence.get(0).sha256());
    }
  }

  @Test
  void remoteAndMissingLocationsAndCheckedFilesAreLeftToHadoop() throws Exception {
    assertEquals(List.of(), LocalDigests.localFiles("abfss://c@acct.dfs.core.windows.net/d.csv"));
    assertEquals(List.of(), LocalDigests.localFiles("hdfs://nn/data/d.csv"));
    assertEquals(List.of(), LocalDigests.localFiles(dir.resolve("missing.csv").toString()));
    Path file = Files.writeString(dir.resolve("d.csv"), "a\n");
    Files.writeString(dir.resolve(".d.csv.crc"), "not a checksum");
    // Hadoop verifies a checksum beside a file when it reads it: left to Hadoop
    assertEquals(List.of(), LocalDigests.localFiles(file.toString()));
    assertEquals(List.of(), LocalDigests.localFiles("file:" + file));
    Path other = Files.writeString(dir.resolve("e.csv"), "a\n");
    assertEquals(
        List.of(other.toAbsolutePath().normalize()),
        LocalDigests.localFiles(other.toUri().toString()));
  }

  @Test
  void closingStopsTheDaemonThread() throws Exception {
    byte[] bytes = new byte[64 << 20];
    Path file = Files.write(dir.resolve("big.csv"), bytes);
    LocalDigests digests = LocalDigests.start(List.of(file.toString(), file.toString()));
    Thread thread = digestThread();
    if (thread != null) {
      assertTrue(thread.isDaemon());
    }
    digests.close();
    assertNull(
        digests.digest(file.toString(), bytes.length, Files.getLastModifiedTime(file).toMillis()));
    if (thread != null) {
      thread.join(10_000);
      assertTrue(!thread.isAlive(), "the digest thread stops when closed");
    }
  }

  private static Thread digestThread() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("assay-input-digests"))
        .findFirst()
        .orElse(null);
  }
}
