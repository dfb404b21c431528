package dev.assay.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code assay verify}: checks a report folder, or a published copy of one, against its own
 * manifest.json. Every report file listed under {@code outputs} (results.json, report.html,
 * junit.xml, summary.md) must still be there with the recorded SHA-256; every input listed under
 * {@code inputs} (data files, spec, rule packs, waivers, baseline) is re-hashed when its {@link
 * Source} can still read it (local files; abfs:// and other Hadoop URIs when the CLI has the
 * credentials), and is otherwise listed as not checked, with the reason. A changed or missing
 * report file, or a changed input, is a mismatch.
 */
public final class ManifestCheck {

  /** What was found for one recorded file. */
  public enum State {
    /** The SHA-256 is the recorded one. */
    MATCH,
    /** The file is there but its SHA-256 differs. */
    CHANGED,
    /** A report file listed in the manifest is gone. */
    MISSING,
    /**
     * An input that cannot be re-read here (not a local path, moved, unreadable): not a mismatch.
     */
    NOT_CHECKED
  }

  /**
   * One recorded file and what was found.
   *
   * @param kind {@code output} or {@code input <role>}
   * @param path as recorded in the manifest
   * @param state the outcome
   * @param expected the recorded SHA-256
   * @param actual the SHA-256 found now, or null when the file was not read
   * @param note why a file was not checked, or the size change; empty otherwise
   */
  public record Finding(
      String kind, String path, State state, String expected, String actual, String note) {

    public boolean mismatch() {
      return state == State.CHANGED || state == State.MISSING;
    }
  }

  /**
   * The result of one check.
   *
   * @param manifest the manifest read (a file path or a URL)
   * @param audit the audit's name
   * @param verdict the verdict recorded
   * @param finished when the run finished (ISO-8601), or null
   * @param findings one per recorded file, outputs first
   */
  public record Outcome(
      String manifest, String audit, String verdict, String finished, List<Finding> findings) {

    public List<Finding> mismatches() {
      return findings.stream().filter(Finding::mismatch).toList();
    }

    /** 0 when every checked hash matches, 1 when any differs or a report file is missing. */
    public int exitCode() {
      return mismatches().isEmpty() ? 0 : 1;
    }
  }

  private ManifestCheck() {}

  /**
   * Where the files a manifest names are read from: a report folder, a published copy in blob
   * storage, or (for inputs) local disk or a Hadoop file system. {@link #open} throws {@link
   * java.nio.file.NoSuchFileException} or {@link java.io.FileNotFoundException} for a file that is
   * gone and {@link NotCheckable} for one that cannot be checked from here.
   */
  @FunctionalInterface
  public interface Source {
    InputStream open(String path) throws IOException;
  }

  /** A recorded file this check cannot read from here, with the reason (not a mismatch). */
  public static final class NotCheckable extends IOException {
    private static final long serialVersionUID = 1L;

    public NotCheckable(String reason) {
      super(reason);
    }
  }

  /** Inputs read from local disk; an input recorded as a URI (abfs://, hdfs://) is not checked. */
  public static final Source LOCAL_INPUTS =
      path -> {
        if (isUri(path)) {
          throw new NotCheckable("not a local path; assay verify re-reads local files only");
        }
        return Files.newInputStream(Path.of(path));
      };

  /**
   * Whether a recorded path is a URI with a scheme ({@code abfs://...}) rather than a local path.
   */
  public static boolean isUri(String path) {
    return !path.startsWith("/") && path.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*");
  }

  /**
   * Checks {@code reportDir}; a missing folder, a missing or unreadable manifest.json, or a file
   * that is not an Assay manifest is a {@link BadInputException} (exit 2).
   */
  public static Outcome check(Path reportDir) {
    return check(reportDir, LOCAL_INPUTS);
  }

  /** Checks {@code reportDir}, reading the recorded inputs from {@code inputs}. */
  public static Outcome check(Path reportDir, Source inputs) {
    return check(
        reportDir.resolve(Manifest.FILE_NAME).toString(),
        readManifest(reportDir),
        folder(reportDir),
        inputs);
  }

  /**
   * The bytes of {@code reportDir}/manifest.json; a missing folder or manifest, or one that cannot
   * be read, is a {@link BadInputException} (exit 2).
   */
  public static byte[] readManifest(Path reportDir) {
    if (!Files.isDirectory(reportDir)) {
      throw new BadInputException(
          reportDir
              + ": no such report folder. Give the folder that holds"
              + " manifest.json (the --out folder of an audit).");
    }
    Path manifestFile = reportDir.resolve(Manifest.FILE_NAME);
    if (!Files.isRegularFile(manifestFile)) {
      throw new BadInputException(
          manifestFile
              + ": no manifest.json in this folder, so there is"
              + " nothing to verify against. Give the --out folder of an audit.");
    }
    try {
      return Files.readAllBytes(manifestFile);
    } catch (IOException e) {
      throw new BadInputException(manifestFile + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** The report files of {@code reportDir}, read by their names. */
  public static Source folder(Path reportDir) {
    Path root = reportDir.normalize();
    return name -> Files.newInputStream(root.resolve(name));
  }

  /**
   * Checks the manifest {@code manifestBytes} (shown as {@code label}): each output is read from
   * {@code outputs} by its file name, each input from {@code inputs} by its recorded path. A
   * manifest that is not an Assay manifest, or names an output outside its folder, is a {@link
   * BadInputException} (exit 2).
   */
  public static Outcome check(String label, byte[] manifestBytes, Source outputs, Source inputs) {
    JsonNode manifest;
    try {
      manifest = new ObjectMapper().readTree(manifestBytes);
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          label
              + ": not valid JSON (line "
              + e.getLocation().getLineNr()
              + "): "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new BadInputException(label + ": cannot be read: " + e.getMessage(), e);
    }
    if (manifest == null || !Manifest.SCHEMA.equals(manifest.path("schema").asText())) {
      throw new BadInputException(
          label + ": not an Assay manifest (its schema is not '" + Manifest.SCHEMA + "').");
    }
    List<Finding> findings = new ArrayList<>();
    for (JsonNode output : manifest.path("outputs")) {
      String name = output.path("path").asText();
      if (name.isEmpty()
          || name.startsWith("/")
          || name.contains("\\")
          || List.of(name.split("/")).contains("..")
          || isUri(name)) {
        throw new BadInputException(
            label + ": the output '" + name + "' points outside the folder.");
      }
      findings.add(compare("output", name, outputs, output, true));
    }
    for (JsonNode input : manifest.path("inputs")) {
      String path = input.path("path").asText();
      String kind = "input " + input.path("role").asText("?");
      findings.add(compare(kind, path, inputs, input, false));
    }
    return new Outcome(
        label,
        manifest.path("audit").asText(null),
        manifest.path("verdict").asText(null),
        manifest.path("finished").asText(null),
        List.copyOf(findings));
  }

  private static Finding compare(
      String kind, String path, Source source, JsonNode recorded, boolean required) {
    String expected = recorded.path("sha256").asText();
    long expectedSize = recorded.path("size").asLong(-1);
    State gone = required ? State.MISSING : State.NOT_CHECKED;
    try (InputStream in = source.open(path)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long size;
      try (DigestInputStream hashed = new DigestInputStream(in, digest)) {
        size = hashed.transferTo(java.io.OutputStream.nullOutputStream());
      }
      String actual = HexFormat.of().formatHex(digest.digest());
      if (actual.equals(expected)) {
        return new Finding(kind, path, State.MATCH, expected, actual, "");
      }
      String note =
          size == expectedSize
              ? "same size " + size + " bytes"
              : "size " + expectedSize + " → " + size + " bytes";
      return new Finding(kind, path, State.CHANGED, expected, actual, note);
    } catch (NotCheckable e) {
      return new Finding(kind, path, State.NOT_CHECKED, expected, null, e.getMessage());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return new Finding(
          kind, path, gone, expected, null, required ? "the file is gone" : "no longer there");
    } catch (IOException e) {
      String why = String.valueOf(e.getMessage());
      int nl = why.indexOf('\n');
      return new Finding(
          kind,
          path,
          gone,
          expected,
          null,
          "cannot be read: " + (nl < 0 ? why : why.substring(0, nl)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
