package dev.assay.demo;

import dev.assay.core.RunFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes a data set as one plain Parquet file on the local file system, not as Spark's folder of
 * parts: the rows are coalesced into one partition and written into a temporary folder beside the
 * target, then the single {@code part-*.parquet} is renamed onto the target atomically and the
 * folder (with {@code _SUCCESS} and {@code .crc} files) is deleted. A crash leaves either the old
 * file or the new one, never half a file. Used for the committed demo data, which must be readable
 * by any Parquet reader and small enough for git.
 */
public final class SingleParquetFile {

  private SingleParquetFile() {}

  /** Writes {@code data} to {@code target} (replacing it) in row order, zstd-compressed. */
  public static void write(Dataset<Row> data, Path target) {
    Path absolute = target.toAbsolutePath();
    Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
    try {
      deleteRecursively(temp);
      data.coalesce(1)
          .write()
          .mode(SaveMode.Overwrite)
          .option("compression", "zstd")
          .parquet(temp.toUri().toString());
      List<Path> parts = new ArrayList<>();
      try (DirectoryStream<Path> found = Files.newDirectoryStream(temp, "part-*.parquet")) {
        found.forEach(parts::add);
      }
      if (parts.size() != 1) {
        throw new RunFailedException(
            "expected one Parquet part in "
                + temp
                + " but Spark wrote "
                + parts.size()
                + "; nothing was replaced at "
                + absolute,
            null);
      }
      Files.move(
          parts.get(0),
          absolute,
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | UncheckedIOException e) {
      throw new RunFailedException("could not write " + absolute + ": " + e.getMessage(), e);
    } finally {
      try {
        deleteRecursively(temp);
      } catch (IOException ignored) {
        // a leftover hidden temp folder is harmless and is removed by the next write
      }
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
