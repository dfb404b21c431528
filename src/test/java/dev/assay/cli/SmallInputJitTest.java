package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.spec.ResolvedSpec;
import dev.assay.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the embedded driver keeps C2 out: only for local files (a file or a folder's files summed)
 * within the bound, never for a table or a non-local URI. The directive itself is not added here:
 * it would change the test JVM's compiler.
 */
class SmallInputJitTest {

  @TempDir Path dir;

  ResolvedSpec load(String data) throws IOException {
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec, "version: 1\nname: jit\n" + data + "\ncolumns: {prediction: p, sensitive: [g]}\n");
    return new SpecLoader(dir.resolve("rules")).load(spec);
  }

  @Test
  void localFilesAreSummedAgainstTheBound() throws IOException {
    Files.write(dir.resolve("cur.csv"), new byte[1000]);
    Path folder = Files.createDirectories(dir.resolve("ref"));
    Files.write(folder.resolve("part-0.csv"), new byte[300]);
    Files.write(
        Files.createDirectories(folder.resolve("sub")).resolve("part-1.csv"), new byte[200]);
    ResolvedSpec spec =
        load("data: {current: {path: cur.csv}, reference: {path: ref, format: csv}}");
    assertTrue(SmallInputJit.small(spec, 1500), "1000 + 300 + 200 bytes fit 1500");
    assertFalse(SmallInputJit.small(spec, 1499));
    assertEquals(OptionalLong.of(500), SmallInputJit.localBytes(folder.toUri().toString(), 1000));
    assertEquals(OptionalLong.of(500), SmallInputJit.localBytes(folder.toString(), 1000));
  }

  @Test
  void otherSourcesAreNeverSmall() throws IOException {
    assertFalse(SmallInputJit.small(load("data: {current: {table: ml.predictions}}"), 1L << 40));
    assertEquals(OptionalLong.empty(), SmallInputJit.localBytes("abfss://c@a.dfs/x.csv", 1L << 40));
    assertEquals(
        OptionalLong.empty(), SmallInputJit.localBytes(dir.resolve("missing").toString(), 100));
  }

  @Test
  void withoutThePropertyNothingIsAdded() throws IOException {
    Files.write(dir.resolve("cur.csv"), new byte[10]);
    System.clearProperty(SmallInputJit.PROPERTY);
    assertFalse(SmallInputJit.applyIfSmall(load("data: {current: {path: cur.csv}}")));
  }
}
