package dev.assay.publish;

import dev.assay.core.RunFailedException;
import dev.assay.report.Manifest;
import dev.assay.report.PdfReport;
import dev.assay.report.ReportFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes a report bundle to a local directory (the {@code --out} folder), so that a crash or a
 * full disk never leaves a half-written report: each file is first written in full, flushed to
 * disk, under a hidden temporary name in the same directory; only when every file is staged are
 * they renamed into place with an atomic move, replacing an earlier report, with results.json and
 * manifest.json renamed last (a reader that sees them sees a finished report). On any failure the
 * temporary files are deleted and a {@link RunFailedException} (exit 3) names the directory.
 */
public final class DirectoryPublisher implements Publisher {

  /** Files renamed into place last, in this order. */
  static final List<String> LAST = List.of("results.json", "manifest.json");

  static final String TEMP_SUFFIX = ".tmp";

  /**
   * Report files a run writes only when asked ({@code report.pdf}, with {@code --pdf}). When a
   * bundle with a manifest.json does not hold one, a copy left in the folder by an earlier run is
   * deleted after the new files are in place, so the folder never holds a file of another run that
   * the new manifest.json does not cover.
   */
  static final List<String> OPTIONAL = List.of(PdfReport.FILE_NAME);

  private final Path directory;

  public DirectoryPublisher(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  public Path directory() {
    return directory;
  }

  @Override
  public URI publish(Map<String, byte[]> files) {
    List<ReportFile> streams = new ArrayList<>();
    inWriteOrder(files)
        .forEach(
            (name, bytes) ->
                streams.add(
                    new ReportFile() {
                      @Override
                      public String name() {
                        return name;
                      }

                      @Override
                      public void writeTo(OutputStream out, List<ReportFile.WrittenFile> written)
                          throws IOException {
                        out.write(bytes);
                      }
                    }));
    return publish(streams);
  }

  /**
   * Streams each file, in the order given, into a staging file (hashing it on the way, for the
   * files after it such as manifest.json), then moves them all into place, results.json and
   * manifest.json last. No file has to fit in memory.
   */
  public URI publish(List<ReportFile> files) {
    files.forEach(f -> checkName(f.name()));
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw failure("could not create the report directory", e);
    }
    Map<String, Path> staged = new LinkedHashMap<>();
    List<ReportFile.WrittenFile> written = new ArrayList<>();
    try {
      for (ReportFile file : files) {
        Path temp = directory.resolve("." + file.name() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        written.add(stage(temp, file, List.copyOf(written), () -> staged.put(file.name(), temp)));
      }
      for (String name : moveOrder(staged.keySet())) {
        moveIntoPlace(staged.get(name), directory.resolve(name));
      }
      removeStale(staged.keySet());
    } catch (IOException | UncheckedIOException e) {
      deleteQuietly(staged.values());
      throw failure(
          "could not write the report",
          e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
    } catch (RuntimeException | Error e) {
      deleteQuietly(staged.values());
      throw e;
    }
    return directory.toUri();
  }

  /**
   * Deletes the {@link #OPTIONAL} files this bundle did not write, when it is a report bundle (it
   * has a manifest.json); a failure is a run failure naming the folder.
   */
  private void removeStale(java.util.Set<String> written) throws IOException {
    if (!written.contains(Manifest.FILE_NAME)) {
      return;
    }
    for (String name : OPTIONAL) {
      if (!written.contains(name)) {
        Files.deleteIfExists(directory.resolve(name));
      }
    }
  }

  /** Reads back published files (for a second publisher), in the order given. */
  public Map<String, byte[]> read(List<String> names) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try {
      for (String name : names) {
        checkName(name);
        files.put(name, Files.readAllBytes(directory.resolve(name)));
      }
    } catch (IOException e) {
      throw failure("could not read the report back", e);
    }
    return files;
  }

  /** The staged names with results.json and manifest.json last. */
  private static List<String> moveOrder(java.util.Set<String> names) {
    List<String> order = new ArrayList<>(names);
    order.removeAll(LAST);
    LAST.stream().filter(names::contains).forEach(order::add);
    return order;
  }

  static Map<String, byte[]> inWriteOrder(Map<String, byte[]> files) {
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      checkName(file.getKey());
      if (!LAST.contains(file.getKey())) {
        ordered.put(file.getKey(), file.getValue());
      }
    }
    for (String last : LAST) {
      if (files.containsKey(last)) {
        ordered.put(last, files.get(last));
      }
    }
    return ordered;
  }

  private static void checkName(String name) {
    if (name.isEmpty()
        || name.startsWith(".")
        || name.contains("/")
        || name.contains("\\")
        || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "a report file name must be a plain file name, was '" + name + "'");
    }
  }

  /**
   * Creates the file (default permissions, as any file the user creates, unlike {@code
   * createTempFile}'s owner-only ones), records it for clean-up, streams the report file into it
   * through a SHA-256 digest, and flushes it to disk.
   */
  private static ReportFile.WrittenFile stage(
      Path path, ReportFile file, List<ReportFile.WrittenFile> before, Runnable created)
      throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    try (FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      created.run();
      OutputStream out =
          new BufferedOutputStream(
              new DigestOutputStream(Channels.newOutputStream(channel), sha256), 1 << 16);
      file.writeTo(out, before);
      out.flush();
      channel.force(true);
      return new ReportFile.WrittenFile(
          file.name(), channel.size(), HexFormat.of().formatHex(sha256.digest()));
    }
  }

  /**
   * Renames within one directory. Where the file system cannot move atomically (rare for a
   * same-directory rename), it falls back to a plain replacing move.
   */
  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Best effort: a temp file that cannot be deleted is at least hidden and named *.tmp. */
  private static void deleteQuietly(Iterable<Path> paths) {
    for (Path path : paths) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // keep deleting the others
      }
    }
  }

  private RunFailedException failure(String what, IOException cause) {
    return new RunFailedException(
        what
            + " in "
            + directory
            + ": "
            + describe(cause)
            + ". Check that the directory (or its parent) is writable and the disk has space, or "
            + "choose another folder with --out.",
        cause);
  }

  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
  }
}
