package dev.assay.publish;

import dev.assay.core.BadInputException;
import dev.assay.core.SafeText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code --out} folder, checked and claimed before any Spark work, so that a report can never
 * land in the data, and a run that cannot write its report fails in a second instead of after the
 * whole audit. {@link #claim} checks, in this order, and fails with a {@link BadInputException}
 * (exit 2, one message naming the folder) when:
 *
 * <ol>
 *   <li>the path is empty ({@code --out ''} would mean the current directory);
 *   <li>it is, is inside, or contains an input of the audit (compared as normalised absolute paths,
 *       and again with symbolic links resolved; an input with a scheme other than {@code file:} is
 *       compared as a string): the report would be written into the data set and read as data by
 *       the next audit, or the data would go wherever the report folder goes (CI uploads it as an
 *       artifact, clean-ups delete it);
 *   <li>it exists and is not a folder, cannot be created, or is not writable (a probe file is
 *       created and deleted);
 *   <li>another live Assay run holds its lock file {@value #LOCK_NAME}.
 * </ol>
 *
 * <p><b>The lock.</b> {@value #LOCK_NAME} holds the pid, the process's start time, the host and
 * when the run started. It appears atomically with its content (written under a private name, then
 * hard-linked into place, which fails if the lock exists). A lock whose process is gone (no such
 * pid on this host, or a pid reused by a process that started at another time) is stale: it is
 * taken over with a note. A lock from another host cannot be checked and counts as held. {@link
 * #close} deletes the lock (only if it is still this run's) and the folder when this run created it
 * and left it empty.
 *
 * <p><b>Staging files.</b> Once the lock is held, no other run writes into the folder, so hidden
 * staging files left by a killed run ({@code .NAME.UUID.tmp}, {@link DirectoryPublisher}'s naming)
 * are deleted, with a note; no other file is touched.
 */
public final class OutputFolder implements AutoCloseable {

  /** The lock file's name inside the folder. */
  public static final String LOCK_NAME = ".assay.lock";

  private static final String UUID_RE =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  /** Staging files of {@link DirectoryPublisher} and of this class's own lock hand-over. */
  static final Pattern LEFTOVER =
      Pattern.compile(
          "\\..+\\."
              + UUID_RE
              + "\\.tmp"
              + "|"
              + Pattern.quote(LOCK_NAME)
              + "\\."
              + UUID_RE
              + "\\.(new|stale)");

  /** An input of the audit: its role ({@code data.current}, ...) and its path or URI. */
  public record Input(String role, String location) {}

  private final Path directory;
  private final String option;
  private final List<Path> created;
  private final LockFile lock;
  private final List<String> notes;
  private final Thread releaseOnExit;

  private OutputFolder(
      Path directory, String option, List<Path> created, LockFile lock, List<String> notes) {
    this.directory = directory;
    this.option = option;
    this.created = created;
    this.lock = lock;
    this.notes = List.copyOf(notes);
    // a CI job cancelled with SIGTERM or Ctrl-C releases the lock too (kill -9 cannot: the next
    // run finds the process gone and takes the lock over)
    this.releaseOnExit = new Thread(lock::release, "assay-release-lock");
    Runtime.getRuntime().addShutdownHook(releaseOnExit);
  }

  /**
   * Checks {@code out} (given as {@code option}, e.g. {@code --out}), creates it if missing, takes
   * its lock and removes stale staging files; see the class comment.
   *
   * @throws BadInputException when the folder cannot be used (exit 2)
   */
  public static OutputFolder claim(Path out, String option, List<Input> inputs) {
    if (out == null || out.toString().isBlank()) {
      throw new BadInputException(
          option
              + " is empty: give the report folder, e.g. "
              + option
              + " reports/NAME (without "
              + option
              + " the report goes to reports/<name>/).");
    }
    Path directory = out.toAbsolutePath().normalize();
    String shown = option + " " + SafeText.line(directory.toString());
    requireApart(out, option, inputs);
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new BadInputException(
          shown
              + " is a file, not a folder: choose a folder for the report"
              + " (it is created if missing).");
    }
    List<Path> created = create(directory, shown);
    try {
      probe(directory, shown);
      LockFile lock = LockFile.acquire(directory, shown);
      List<String> notes = new ArrayList<>(lock.notes());
      int removed = removeLeftovers(directory);
      if (removed > 0) {
        notes.add(
            "Removed "
                + removed
                + " staging file(s) that an interrupted run left in "
                + SafeText.line(directory.toString())
                + ".");
      }
      return new OutputFolder(directory, option, created, lock, notes);
    } catch (RuntimeException e) {
      deleteIfEmpty(created);
      throw e;
    }
  }

  public Path directory() {
    return directory;
  }

  /** What the claim did that the user should know (a stale lock taken over, leftovers removed). */
  public List<String> notes() {
    return notes;
  }

  /** Releases the lock; removes the folder again if this run created it and nothing was written. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(releaseOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
    lock.release();
    deleteIfEmpty(created);
  }

  @Override
  public String toString() {
    return option + " " + directory;
  }

  /**
   * Fails when the folder {@code out} (given as {@code option}) is an input, lies inside one or
   * contains one, by normalised paths and again with symbolic links resolved: the report folder,
   * and any other folder Assay writes (such as {@code --records}), stays apart from the data.
   *
   * @throws BadInputException naming the option, the folder and the input (exit 2)
   */
  public static void requireApart(Path out, String option, List<Input> inputs) {
    Path directory = out.toAbsolutePath().normalize();
    String shown = option + " " + SafeText.line(directory.toString());
    for (Input input : inputs) {
      checkApart(directory, shown, input);
    }
  }

  /** Fails when the output and the input are the same, or one is inside the other. */
  private static void checkApart(Path directory, String shown, Input input) {
    String location = input.location();
    if (location == null || location.isBlank()) {
      return;
    }
    String what = input.role() + " (" + SafeText.line(location) + ")";
    boolean remote =
        location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !location.startsWith("file:");
    if (remote) {
      String out = directory.toString();
      if (location.equals(out)
          || location.startsWith(out + "/")
          || out.startsWith(location + "/")) {
        throw overlap(shown, what, location.equals(out) ? 0 : location.startsWith(out) ? 1 : -1);
      }
      return;
    }
    Path data =
        Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location)
            .toAbsolutePath()
            .normalize();
    int relation = relation(directory, data);
    if (relation == Integer.MIN_VALUE) {
      relation = relation(realOrSelf(directory), realOrSelf(data));
    }
    if (relation != Integer.MIN_VALUE) {
      throw overlap(shown, what, relation);
    }
  }

  /** 0 equal, 1 output contains data, -1 output inside data, MIN_VALUE apart. */
  private static int relation(Path out, Path data) {
    if (out.equals(data)) {
      return 0;
    }
    if (data.startsWith(out)) {
      return 1;
    }
    return out.startsWith(data) ? -1 : Integer.MIN_VALUE;
  }

  /** The path with symbolic links resolved, for its longest existing part. */
  private static Path realOrSelf(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(path)).normalize();
    } catch (IOException e) {
      return path;
    }
  }

  private static BadInputException overlap(String shown, String what, int relation) {
    String how =
        relation == 0
            ? "is the folder of the input "
                + what
                + ": Assay's files would be written into the data set, and the next audit would read"
                + " them as data"
            : relation < 0
                ? "is inside the input "
                    + what
                    + ": Assay's files would be written into the"
                    + " data set, and the next audit would read them as data"
                : "contains the input "
                    + what
                    + ": the data would go wherever that folder goes"
                    + " (CI artifact uploads, clean-ups)";
    return new BadInputException(
        shown
            + " "
            + how
            + ". Choose a folder apart from the"
            + " input data; inputs are never modified.");
  }

  /** Creates the folder if missing; returns the folders created, deepest first. */
  private static List<Path> create(Path directory, String shown) {
    List<Path> missing = new ArrayList<>();
    Path existing = directory;
    while (existing != null && !Files.exists(existing)) {
      missing.add(existing);
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw new BadInputException(
          shown
              + ": "
              + SafeText.line(existing.toString())
              + " is a file, so"
              + " the folder cannot be created there; choose another folder for the report.");
    }
    try {
      Files.createDirectories(directory);
    } catch (FileAlreadyExistsException e) {
      throw new BadInputException(
          shown
              + ": "
              + SafeText.line(e.getFile())
              + " is a file, so the folder"
              + " cannot be created there; choose another folder for the report.");
    } catch (IOException | SecurityException e) {
      deleteIfEmpty(missing);
      throw new BadInputException(
          shown + " cannot be created: " + describe(e) + ". Choose a folder you can write to.");
    }
    return missing;
  }

  /** Creates and deletes a small file: the only reliable test that the report can be written. */
  private static void probe(Path directory, String shown) {
    Path probe = directory.resolve(".assay.probe." + UUID.randomUUID());
    try {
      Files.write(probe, new byte[] {'.'}, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException ignored) {
        // the folder refuses writes; nothing to clean
      }
      throw new BadInputException(
          shown + " is not writable: " + describe(e) + ". Choose a folder you can write to.");
    }
  }

  /** Deletes the hidden staging files of interrupted runs; returns how many. */
  private static int removeLeftovers(Path directory) {
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        if (LEFTOVER.matcher(file.getFileName().toString()).matches()
            && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
            && Files.deleteIfExists(file)) {
          removed++;
        }
      }
    } catch (IOException e) {
      // best effort: the files are hidden and do not disturb the new report
    }
    return removed;
  }

  private static void deleteIfEmpty(List<Path> deepestFirst) {
    for (Path p : deepestFirst) {
      if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        return; // never a link or a file: only the folders this run made
      }
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        return; // not empty (or not ours to delete): stop at the first that stays
      }
    }
  }

  /** The reason in plain words (no exception class names: the message is for the user). */
  static String describe(Exception e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return SafeText.line(f.getReason().toLowerCase(java.util.Locale.ROOT));
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException || e instanceof SecurityException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.ReadOnlyFileSystemException) {
      return "read-only file system";
    }
    return e.getMessage() == null ? "an I/O error" : SafeText.line(e.getMessage());
  }

  /** The lock file of one run: its content identifies the run. */
  static final class LockFile {

    private final Path path;
    private final String content;
    private final List<String> notes;

    private LockFile(Path path, String content, List<String> notes) {
      this.path = path;
      this.content = content;
      this.notes = notes;
    }

    List<String> notes() {
      return notes;
    }

    static LockFile acquire(Path directory, String shown) {
      Path path = directory.resolve(LOCK_NAME);
      String content = LockOwner.current().text();
      List<String> notes = new ArrayList<>();
      for (int attempt = 0; attempt < 3; attempt++) {
        if (create(path, content, shown)) {
          return new LockFile(path, content, notes);
        }
        String existing = read(path);
        if (existing == null) {
          continue; // released meanwhile: try again
        }
        LockOwner owner = LockOwner.parse(existing);
        if (owner.alive()) {
          throw new BadInputException(
              shown
                  + " is in use by another Assay run ("
                  + owner.describe()
                  + "): two audits into one folder would overwrite each other's report. Wait for it to"
                  + " finish or choose another folder; if that run is gone, delete "
                  + SafeText.line(path.toString())
                  + ".");
        }
        if (takeOver(path, existing)) {
          notes.add(
              "Took over the lock of an earlier run that is no longer running ("
                  + owner.describe()
                  + ") in "
                  + SafeText.line(directory.toString())
                  + ".");
        }
      }
      throw new BadInputException(
          shown
              + ": could not take the lock "
              + SafeText.line(path.toString())
              + " (other runs keep taking it). Choose another folder.");
    }

    /** Creates the lock with its content in one step; false when a lock exists. */
    private static boolean create(Path path, String content, String shown) {
      Path staged = path.resolveSibling(LOCK_NAME + "." + UUID.randomUUID() + ".new");
      try {
        Files.writeString(
            staged,
            content,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.SYNC);
        try {
          Files.createLink(path, staged);
          return true;
        } catch (FileAlreadyExistsException e) {
          return false;
        } catch (UnsupportedOperationException | IOException noLinks) {
          return createDirectly(path, content); // a file system without hard links
        }
      } catch (IOException e) {
        throw new BadInputException(shown + ": cannot create the lock file: " + describe(e) + ".");
      } finally {
        try {
          Files.deleteIfExists(staged);
        } catch (IOException ignored) {
          // a leftover .new file is removed by the next run
        }
      }
    }

    private static boolean createDirectly(Path path, String content) throws IOException {
      try {
        Files.writeString(
            path,
            content,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.SYNC);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }

    /**
     * Moves the stale lock aside and checks that what was moved is the lock judged stale; if a live
     * run took the lock meanwhile, its lock is put back (a hard link, which never replaces).
     */
    private static boolean takeOver(Path path, String stale) {
      Path aside = path.resolveSibling(LOCK_NAME + "." + UUID.randomUUID() + ".stale");
      try {
        Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
      } catch (NoSuchFileException e) {
        return false; // someone else moved it: try to create ours again
      } catch (IOException e) {
        return false;
      }
      String moved = read(aside);
      try {
        if (moved != null && !moved.equals(stale)) {
          try {
            Files.createLink(path, aside);
          } catch (IOException | UnsupportedOperationException e) {
            // another lock is in place again: the next attempt reads and judges it
          }
          return false;
        }
        return true;
      } finally {
        try {
          Files.deleteIfExists(aside);
        } catch (IOException ignored) {
          // removed by the next run with the other leftovers
        }
      }
    }

    private static String read(Path path) {
      try {
        return Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return null;
      }
    }

    /** Deletes the lock if it is still this run's. */
    void release() {
      if (content.equals(read(path))) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException ignored) {
          // a lock left behind is judged stale by the next run (this process is gone by then)
        }
      }
    }
  }
}
