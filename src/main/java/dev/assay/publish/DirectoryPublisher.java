package dev.assay.publish;

import dev.assay.core.RunFailedException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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

  private final Path directory;

  public DirectoryPublisher(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  public Path directory() {
    return directory;
  }

  @Override
  public URI publish(Map<String, byte[]> files) {
    Map<String, byte[]> ordered = inWriteOrder(files);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw failure("could not create the report directory", e);
    }
    Map<String, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, byte[]> file : ordered.entrySet()) {
        Path temp = directory.resolve("." + file.getKey() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        writeFully(temp, file.getValue(), () -> staged.put(file.getKey(), temp));
      }
      for (Map.Entry<String, Path> file : staged.entrySet()) {
        moveIntoPlace(file.getValue(), directory.resolve(file.getKey()));
      }
    } catch (IOException e) {
      deleteQuietly(staged.values());
      throw failure("could not write the report", e);
    }
    return directory.toUri();
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
    if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")
        || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a report file name must be a plain file name, was '"
          + name + "'");
    }
  }

  /**
   * Creates the file (default permissions, as any file the user creates, unlike
   * {@code createTempFile}'s owner-only ones), records it for clean-up, writes it and flushes it.
   */
  private static void writeFully(Path path, byte[] bytes, Runnable created) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      created.run();
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /**
   * Renames within one directory. Where the file system cannot move atomically (rare for a
   * same-directory rename), it falls back to a plain replacing move.
   */
  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
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
    return new RunFailedException(what + " in " + directory + ": " + describe(cause)
        + ". Check that the directory (or its parent) is writable and the disk has space, or "
        + "choose another folder with --out.", cause);
  }

  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
  }
}
