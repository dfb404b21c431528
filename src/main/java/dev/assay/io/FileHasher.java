package dev.assay.io;

import dev.assay.core.FileEvidence;
import dev.assay.core.RunFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Evidence of the files a run read: size, modification time and SHA-256 of each, through Hadoop's
 * FileSystem so local paths, HDFS and Azure storage all work. A directory (a Parquet data set of
 * parts) gives one entry per data file; Spark's marker files ({@code _SUCCESS}, {@code .crc}) are
 * skipped.
 */
public final class FileHasher {

  private final Configuration hadoopConf;
  private final LocalDigests ahead;

  public FileHasher(Configuration hadoopConf) {
    this(hadoopConf, LocalDigests.none());
  }

  /**
   * Takes a local file's SHA-256 from {@code ahead} when it was computed there for the file as it
   * is now (same size and modification time), instead of reading the file again.
   */
  public FileHasher(Configuration hadoopConf, LocalDigests ahead) {
    this.hadoopConf = hadoopConf;
    this.ahead = ahead;
  }

  /** Evidence for the file or directory at {@code location}, tagged with {@code role}. */
  public List<FileEvidence> evidence(String role, String location) {
    try {
      Path root = new Path(uriOf(location));
      FileSystem fs = root.getFileSystem(hadoopConf);
      List<FileEvidence> out = new ArrayList<>();
      FileStatus status = fs.getFileStatus(root);
      if (status.isFile()) {
        out.add(hash(fs, role, status));
      } else {
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        List<FileStatus> files = new ArrayList<>();
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          if (isDataFile(f.getPath().getName())) {
            files.add(f);
          }
        }
        files.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
        for (FileStatus f : files) {
          out.add(hash(fs, role, f));
        }
      }
      return out;
    } catch (IOException e) {
      throw new RunFailedException(
          "cannot hash " + location + " for the evidence manifest: " + e.getMessage(), e);
    }
  }

  /**
   * A location as a URI: itself when it names a scheme ({@code file:}, {@code abfss:}, ...), else a
   * local path (a Windows drive letter included) made absolute.
   */
  static URI uriOf(String location) {
    return location.contains(":") && !location.matches("^[a-zA-Z]:\\\\.*")
        ? URI.create(location)
        : new java.io.File(location).toURI();
  }

  /**
   * Whether a file of a directory input is data, not one of Spark's markers ({@code _}, {@code .}).
   */
  static boolean isDataFile(String name) {
    return !name.startsWith("_") && !name.startsWith(".");
  }

  private FileEvidence hash(FileSystem fs, String role, FileStatus f) throws IOException {
    boolean local =
        f.getPath().toUri().getScheme() != null && f.getPath().toUri().getScheme().equals("file");
    String path = local ? f.getPath().toUri().getPath() : f.getPath().toString();
    String sha256 = local ? ahead.digest(path, f.getLen(), f.getModificationTime()) : null;
    if (sha256 == null) {
      sha256 = read(fs, f);
    }
    return new FileEvidence(
        role, path, f.getLen(), Instant.ofEpochMilli(f.getModificationTime()).toString(), sha256);
  }

  private static String read(FileSystem fs, FileStatus f) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = fs.open(f.getPath())) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
