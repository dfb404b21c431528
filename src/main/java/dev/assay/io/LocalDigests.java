package dev.assay.io;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The SHA-256 of an audit's local input files, computed ahead on one background thread while Spark
 * starts and the data is scanned, so that the evidence manifest ({@link FileHasher}) rarely has to
 * read a large input a second time after the scan.
 *
 * <p>A digest computed ahead is only a shortcut: {@link #digest} gives it only for a file whose
 * size and modification time, as Hadoop reports them when the manifest is made, are those the file
 * had both before and after it was read here; for anything else (a remote input, a file changed
 * since, a file beside a Hadoop {@code .crc} checksum, a read that failed or was not finished) it
 * gives null and {@link FileHasher} reads the file itself, as without this class, with the same
 * errors. So the manifest's bytes do not depend on it.
 *
 * <p>The thread is a daemon (it never keeps the JVM alive) and {@link #close} stops it: the audit
 * closes it however it ends.
 */
public final class LocalDigests implements AutoCloseable {

  /** A file's digest and the size and modification time it had while it was read. */
  private record Digest(long size, long modifiedMillis, String sha256) {}

  private static final LocalDigests NONE = new LocalDigests(Map.of());

  private final Map<Path, CompletableFuture<Digest>> pending;
  private final Thread thread;
  private volatile boolean closed;

  private LocalDigests(Map<Path, CompletableFuture<Digest>> pending) {
    this.pending = pending;
    this.thread =
        pending.isEmpty()
            ? null
            : new Thread(
                () -> {
                  try {
                    pending.forEach((file, result) -> result.complete(hash(file)));
                  } finally { // even after an Error: no caller waits for a digest forever
                    pending.values().forEach(result -> result.complete(null));
                  }
                },
                "assay-input-digests");
  }

  /** No digests computed ahead: {@link FileHasher} reads every file itself. */
  public static LocalDigests none() {
    return NONE;
  }

  /**
   * Starts hashing, in order, the local files among {@code locations} (paths or {@code file:} URIs,
   * as {@link FileHasher#evidence} takes them; a directory gives its data files). Remote locations
   * and paths that cannot be listed are left to {@link FileHasher}.
   */
  public static LocalDigests start(List<String> locations) {
    Map<Path, CompletableFuture<Digest>> pending = new LinkedHashMap<>();
    for (String location : locations) {
      for (Path file : localFiles(location)) {
        pending.putIfAbsent(file, new CompletableFuture<>());
      }
    }
    if (pending.isEmpty()) {
      return NONE;
    }
    LocalDigests digests = new LocalDigests(pending);
    digests.thread.setDaemon(true); // never keeps the JVM alive
    digests.thread.start();
    return digests;
  }

  /**
   * The SHA-256 (lower-case hex) of the local file at {@code path}, when it was computed ahead and
   * the file had {@code size} bytes and was last modified at {@code modifiedMillis} before and
   * after it was read; waits for it when it is being computed. Null otherwise: the caller reads the
   * file.
   */
  public String digest(String path, long size, long modifiedMillis) {
    if (pending.isEmpty() || closed) {
      return null;
    }
    CompletableFuture<Digest> result;
    try {
      result = pending.get(Path.of(path).toAbsolutePath().normalize());
    } catch (RuntimeException e) { // not a path of this file system
      return null;
    }
    if (result == null) {
      return null;
    }
    Digest d = result.join();
    return d != null && d.size() == size && d.modifiedMillis() == modifiedMillis
        ? d.sha256()
        : null;
  }

  /** Stops the thread; digests not yet computed are not computed. */
  @Override
  public void close() {
    if (thread == null) {
      return;
    }
    closed = true;
    thread.interrupt();
    pending.values().forEach(f -> f.complete(null));
  }

  /** Null when the file could not be read whole or changed while it was read. */
  private Digest hash(Path file) {
    if (closed || Thread.currentThread().isInterrupted()) {
      return null;
    }
    try {
      BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
          if (closed) {
            return null;
          }
          sha.update(buffer, 0, n);
        }
      }
      BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
      long size = before.size();
      long modified = before.lastModifiedTime().toMillis();
      if (after.size() != size || after.lastModifiedTime().toMillis() != modified) {
        return null;
      }
      return new Digest(size, modified, HexFormat.of().formatHex(sha.digest()));
    } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
      return null; // FileHasher reads it again and reports the error as it always did
    }
  }

  /**
   * The local files of {@code location}: the file itself, or a directory's files but Spark's
   * markers (as {@link FileHasher} lists them); none for a remote location or one that cannot be
   * listed. A file beside a Hadoop {@code .crc} checksum is left to Hadoop, which verifies it.
   */
  static List<Path> localFiles(String location) {
    Path root;
    try {
      URI uri = FileHasher.uriOf(location);
      if (!"file".equals(uri.getScheme()) || uri.getPath() == null) {
        return List.of();
      }
      root = Path.of(uri.getPath()).toAbsolutePath().normalize();
      List<Path> files = new ArrayList<>();
      if (Files.isRegularFile(root)) {
        files.add(root);
      } else if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> FileHasher.isDataFile(p.getFileName().toString()))
              .sorted((a, b) -> a.toString().compareTo(b.toString()))
              .forEach(files::add);
        }
      }
      files.removeIf(f -> Files.exists(f.resolveSibling("." + f.getFileName() + ".crc")));
      return files;
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
