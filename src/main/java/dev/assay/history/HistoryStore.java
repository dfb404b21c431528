package dev.assay.history;

import dev.assay.core.BadInputException;
import dev.assay.core.RunFailedException;
import dev.assay.io.HadoopFiles;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The metric history at one location ({@code --history}): a folder, local or on any Hadoop file
 * system ({@code abfss://}, {@code wasbs://}, {@code hdfs://}), of JSON Lines part files, one per
 * run. A run appends by writing its own uniquely named part under a hidden temporary name and
 * renaming it into place, so a reader never sees half a run and two runs appending at once never
 * touch the same file; a reader takes the union of the parts ({@code part-*.jsonl}). Files whose
 * names start with {@code .} or {@code _} are skipped, as Spark skips them.
 *
 * <p>Or a Delta table ({@link DeltaHistory}): {@code delta:LOCATION} (created by the first run), or
 * a location that already holds a {@code _delta_log} (as a data set's local Delta folder is found
 * by its log). A Delta history is read and appended with Spark: pass the session to {@link
 * #read(boolean, SparkSession)} and {@link #append(List, Instant, SparkSession)}.
 */
public final class HistoryStore {

  /** The prefix of a location that is a Delta table. */
  public static final String DELTA = "delta:";

  private static final String PREFIX = "part-";
  private static final String SUFFIX = ".jsonl";
  private static final String DELTA_LOG = "_delta_log";

  private final String location;
  private final Path root;
  private final Configuration conf;
  private final boolean deltaByName;
  private Boolean delta;

  private HistoryStore(String location, Path root, Configuration conf, boolean deltaByName) {
    this.location = location;
    this.root = root;
    this.conf = conf;
    this.deltaByName = deltaByName;
  }

  /**
   * The history at {@code location}: a local folder path, or a URI with a Hadoop file system
   * scheme. Nothing is read yet.
   *
   * @throws BadInputException when the location is empty, not a path or URI, or an Azure URI for
   *     whose account the configuration has no credentials
   */
  public static HistoryStore at(String location, Configuration conf) {
    if (location == null || location.isBlank()) {
      throw new BadInputException(
          "--history needs a location: a folder, an abfss:// URI or delta:LOCATION.");
    }
    boolean deltaByName = location.startsWith(DELTA);
    String where = deltaByName ? location.substring(DELTA.length()) : location;
    if (where.isBlank()) {
      throw new BadInputException(
          "--history " + location + ": give the Delta table's folder after delta:.");
    }
    URI uri;
    try {
      uri = hasScheme(where) ? new URI(where) : java.nio.file.Path.of(where).toUri();
    } catch (java.net.URISyntaxException | java.nio.file.InvalidPathException e) {
      throw new BadInputException(
          "history location '" + location + "' is not a folder path or a URI: " + e.getMessage());
    }
    String missing = new HadoopFiles(conf).missingCredentials(uri.toString());
    if (missing != null) {
      throw new BadInputException("history location " + location + ": " + missing + ".");
    }
    return new HistoryStore(location, new Path(uri), conf, deltaByName);
  }

  /**
   * Whether the history is a Delta table: named {@code delta:…}, or a folder with a {@code
   * _delta_log}.
   */
  public boolean isDelta() {
    if (delta == null) {
      delta = deltaByName || exists(new Path(root, DELTA_LOG));
    }
    return delta;
  }

  private boolean exists(Path path) {
    try (FileSystem fs = FileSystem.newInstance(root.toUri(), conf)) {
      return fs.exists(path);
    } catch (org.apache.hadoop.fs.UnsupportedFileSystemException e) {
      throw unsupported(e);
    } catch (IOException e) {
      throw new RunFailedException(
          "could not read the history at " + location + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks the location without Spark, before a run: a folder history is read whole ({@link
   * #read(boolean)}); for a Delta table, Delta Lake must be on the classpath and the location must
   * be new, empty, or a Delta table.
   *
   * @throws BadInputException when it cannot take this run's rows
   */
  public void check() {
    if (!isDelta()) {
      read(false);
      return;
    }
    DeltaHistory.requireDelta(location);
    try (FileSystem fs = FileSystem.newInstance(root.toUri(), conf)) {
      FileStatus status = fs.getFileStatus(root);
      if (!status.isDirectory()) {
        throw new BadInputException(
            "history location " + location + " is a file; give a Delta table's folder.");
      }
      if (!fs.exists(new Path(root, DELTA_LOG)) && fs.listStatus(root).length > 0) {
        throw new BadInputException(
            "history location "
                + location
                + " is a folder with files but no _delta_log, so not a Delta table; give a new"
                + " folder or a Delta table that --history wrote.");
      }
    } catch (FileNotFoundException e) {
      // a new table: the first run creates it
    } catch (org.apache.hadoop.fs.UnsupportedFileSystemException e) {
      throw unsupported(e);
    } catch (IOException e) {
      throw new RunFailedException(
          "could not read the history at " + location + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every row, ordered by run time, run id and then as written: of a folder history as {@link
   * #read(boolean)}, of a Delta table through {@code spark}.
   *
   * @param spark the session (only a Delta history uses it)
   */
  public List<HistoryRow> read(boolean mustExist, SparkSession spark) {
    if (!isDelta()) {
      return read(mustExist);
    }
    if (!exists(new Path(root, DELTA_LOG))) {
      if (mustExist) {
        throw new BadInputException(
            "history location "
                + location
                + " is not a Delta table (no _delta_log); give the table that earlier runs wrote"
                + " with --history.");
      }
      return List.of();
    }
    List<HistoryRow> rows =
        new ArrayList<>(DeltaHistory.read(requireSpark(spark), root.toString(), location));
    rows.sort(Comparator.comparing(HistoryRow::runTime).thenComparing(HistoryRow::runId));
    return rows;
  }

  /**
   * Appends {@code rows} (one run's): a new part of a folder history as {@link #append(List,
   * Instant)}, one commit of a Delta table through {@code spark}.
   *
   * @param spark the session (only a Delta history uses it)
   */
  public void append(List<HistoryRow> rows, Instant runTime, SparkSession spark) {
    if (isDelta()) {
      DeltaHistory.append(requireSpark(spark), root.toString(), location, rows);
    } else {
      append(rows, runTime);
    }
  }

  private SparkSession requireSpark(SparkSession spark) {
    if (spark == null) {
      throw new IllegalStateException("the Delta history " + location + " is read with Spark");
    }
    return spark;
  }

  private static boolean hasScheme(String location) {
    int colon = location.indexOf(':');
    return colon > 1 && location.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
  }

  /** The location as given. */
  public String location() {
    return location;
  }

  /**
   * Every row of every complete part, ordered by run time, run id and then as written.
   *
   * @param mustExist when true, a location that does not exist is bad input; else it is an empty
   *     history (the first run creates it)
   * @throws BadInputException when the location is a file, cannot be listed, or a part has a line
   *     that is not a history row (naming the part and the line)
   */
  public List<HistoryRow> read(boolean mustExist) {
    if (isDelta()) {
      throw new IllegalStateException("the Delta history " + location + " is read with Spark");
    }
    try (FileSystem fs = FileSystem.newInstance(root.toUri(), conf)) {
      FileStatus[] parts;
      try {
        FileStatus status = fs.getFileStatus(root);
        if (!status.isDirectory()) {
          throw new BadInputException(
              "history location "
                  + location
                  + " is a file; give a folder (a new or an earlier"
                  + " --history folder).");
        }
        parts = fs.listStatus(root, p -> isPart(p.getName()));
      } catch (FileNotFoundException e) {
        if (mustExist) {
          throw new BadInputException(
              "history location "
                  + location
                  + " does not exist; give the folder that earlier runs wrote with --history.");
        }
        return List.of();
      }
      Arrays.sort(parts, Comparator.comparing(s -> s.getPath().getName()));
      List<HistoryRow> rows = new ArrayList<>();
      for (FileStatus part : parts) {
        rows.addAll(readPart(fs, part.getPath()));
      }
      rows.sort(Comparator.comparing(HistoryRow::runTime).thenComparing(HistoryRow::runId));
      return rows;
    } catch (org.apache.hadoop.fs.UnsupportedFileSystemException e) {
      throw unsupported(e);
    } catch (IOException e) {
      throw new RunFailedException(
          "could not read the history at " + location + ": " + e.getMessage(), e);
    }
  }

  private List<HistoryRow> readPart(FileSystem fs, Path part) throws IOException {
    List<HistoryRow> rows = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(fs.open(part), StandardCharsets.UTF_8))) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          rows.add(HistoryJson.fromLine(line));
        } catch (IllegalArgumentException e) {
          throw new BadInputException(
              part
                  + ":"
                  + number
                  + ": "
                  + e.getMessage()
                  + "; every line of a history part must be a row Assay wrote. Move the file out"
                  + " of the history folder.");
        }
      }
    }
    return rows;
  }

  static boolean isPart(String name) {
    return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
  }

  /**
   * Appends {@code rows} (one run's) as a new part: written to a hidden temporary file, then
   * renamed into place, so readers see all of the run or none of it.
   *
   * @return the part's name
   * @throws RunFailedException when the part cannot be written (exit 3)
   */
  public String append(List<HistoryRow> rows, Instant runTime) {
    if (isDelta()) {
      throw new IllegalStateException("the Delta history " + location + " is written with Spark");
    }
    String name = PREFIX + runTime.toEpochMilli() + "-" + UUID.randomUUID() + SUFFIX;
    Path target = new Path(root, name);
    Path temp = new Path(root, "." + name + ".tmp");
    try (FileSystem fs = FileSystem.newInstance(root.toUri(), conf)) {
      fs.setWriteChecksum(false); // no .crc files beside the parts of a local folder
      fs.mkdirs(root);
      try (OutputStream out = fs.create(temp, false);
          Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
        for (HistoryRow row : rows) {
          writer.write(HistoryJson.toLine(row));
          writer.write('\n');
        }
      }
      if (!fs.rename(temp, target)) {
        fs.delete(temp, false);
        throw new IOException("could not rename " + temp.getName() + " to " + name);
      }
      return name;
    } catch (org.apache.hadoop.fs.UnsupportedFileSystemException e) {
      throw unsupported(e);
    } catch (IOException e) {
      throw new RunFailedException(
          "could not append this run to the history at " + location + ": " + e.getMessage(), e);
    }
  }

  private BadInputException unsupported(IOException e) {
    return new BadInputException(
        "history location "
            + location
            + ": "
            + e.getMessage()
            + "; give a local folder, an abfss://, wasbs:// or hdfs:// URI, or delta: and one of"
            + " them.");
  }
}
