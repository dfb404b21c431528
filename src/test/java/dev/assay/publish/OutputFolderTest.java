package dev.assay.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock of the report folder without Spark: held, released, and only ever its own. */
class OutputFolderTest {

  @TempDir Path dir;

  @Test
  void aSecondClaimOfTheSameFolderFailsUntilTheFirstIsClosed() {
    Path out = dir.resolve("report");
    OutputFolder first = OutputFolder.claim(out, "--out", List.of());
    String lock = read(out.resolve(OutputFolder.LOCK_NAME));
    assertTrue(lock.contains("pid=" + ProcessHandle.current().pid() + "\n"), lock);

    BadInputException busy =
        assertThrows(BadInputException.class, () -> OutputFolder.claim(out, "--out", List.of()));
    assertTrue(
        busy.getMessage()
            .contains("is in use by another Assay run (pid " + ProcessHandle.current().pid()),
        busy.getMessage());
    assertEquals(lock, read(out.resolve(OutputFolder.LOCK_NAME)), "the holder's lock is untouched");

    first.close();
    assertFalse(Files.exists(out), "created by the claim and left empty: removed again");
    try (OutputFolder again = OutputFolder.claim(out, "--out", List.of())) {
      assertTrue(Files.exists(out.resolve(OutputFolder.LOCK_NAME)));
      assertEquals(List.of(), again.notes());
    }
  }

  @Test
  void closingNeverDeletesALockThatIsNoLongerItsOwn() throws Exception {
    Path out = Files.createDirectories(dir.resolve("report"));
    OutputFolder mine = OutputFolder.claim(out, "--out", List.of());
    Files.writeString(
        out.resolve(OutputFolder.LOCK_NAME), "pid=1\nhost=elsewhere\n"); // someone else's now
    mine.close();
    assertEquals("pid=1\nhost=elsewhere\n", read(out.resolve(OutputFolder.LOCK_NAME)));
    assertTrue(Files.isDirectory(out), "a folder that existed before is never removed");
  }

  @Test
  void anUnreadableLockCountsAsHeld() throws Exception {
    Path out = Files.createDirectories(dir.resolve("report"));
    Files.writeString(out.resolve(OutputFolder.LOCK_NAME), "garbage");
    BadInputException busy =
        assertThrows(BadInputException.class, () -> OutputFolder.claim(out, "--out", List.of()));
    assertTrue(busy.getMessage().contains("pid unknown"), busy.getMessage());
  }

  @Test
  void aRemoteInputIsComparedAsAString() {
    Path out = dir.resolve("report");
    try (OutputFolder ok =
        OutputFolder.claim(
            out,
            "--out",
            List.of(
                new OutputFolder.Input(
                    "data.current", "abfss://c@a.dfs.core.windows.net" + out)))) {
      assertTrue(Files.isDirectory(ok.directory()));
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
