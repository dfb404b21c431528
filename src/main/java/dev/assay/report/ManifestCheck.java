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
 * {@code assay verify REPORT_DIR}: checks a report folder against its own manifest.json. Every
 * report file listed under {@code outputs} (results.json, report.html, junit.xml, summary.md) must
 * still be there with the recorded SHA-256; every input listed under {@code inputs} (data files,
 * spec, rule packs, waivers, baseline) is re-hashed when it is a local file that can still be read,
 * and is otherwise listed as not checked, with the reason. A changed or missing report file, or a
 * changed input, is a mismatch.
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
    /** An input that cannot be re-read here (not a local path, moved, unreadable): not a mismatch. */
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
  public record Finding(String kind, String path, State state, String expected, String actual, String note) {

    public boolean mismatch() {
      return state == State.CHANGED || state == State.MISSING;
    }
  }

  /**
   * The result of one check.
   *
   * @param manifest the manifest file read
   * @param audit the audit's name
   * @param verdict the verdict recorded
   * @param finished when the run finished (ISO-8601), or null
   * @param findings one per recorded file, outputs first
   */
  public record Outcome(Path manifest, String audit, String verdict, String finished, List<Finding> findings) {

    public List<Finding> mismatches() {
      return findings.stream().filter(Finding::mismatch).toList();
    }

    /** 0 when every checked hash matches, 1 when any differs or a report file is missing. */
    public int exitCode() {
      return mismatches().isEmpty() ? 0 : 1;
    }
  }

  private ManifestCheck() {
  }

  /**
   * Checks {@code reportDir}; a missing folder, a missing or unreadable manifest.json, or a file
   * that is not an Assay manifest is a {@link BadInputException} (exit 2).
   */
  public static Outcome check(Path reportDir) {
    if (!Files.isDirectory(reportDir)) {
      throw new BadInputException(reportDir + ": no such report folder. Give the folder that holds"
          + " manifest.json (the --out folder of an audit).");
    }
    Path manifestFile = reportDir.resolve(Manifest.FILE_NAME);
    if (!Files.isRegularFile(manifestFile)) {
      throw new BadInputException(manifestFile + ": no manifest.json in this folder, so there is"
          + " nothing to verify against. Give the --out folder of an audit.");
    }
    JsonNode manifest;
    try {
      manifest = new ObjectMapper().readTree(manifestFile.toFile());
    } catch (JsonProcessingException e) {
      throw new BadInputException(manifestFile + ": not valid JSON (line "
          + e.getLocation().getLineNr() + "): " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BadInputException(manifestFile + ": cannot be read: " + e.getMessage(), e);
    }
    if (manifest == null || !Manifest.SCHEMA.equals(manifest.path("schema").asText())) {
      throw new BadInputException(manifestFile + ": not an Assay manifest (its schema is not '"
          + Manifest.SCHEMA + "').");
    }
    List<Finding> findings = new ArrayList<>();
    for (JsonNode output : manifest.path("outputs")) {
      String name = output.path("path").asText();
      Path file = reportDir.resolve(name).normalize();
      if (!file.startsWith(reportDir.normalize())) {
        throw new BadInputException(manifestFile + ": the output '" + name + "' points outside the folder.");
      }
      findings.add(compare("output", name, file, output, true));
    }
    for (JsonNode input : manifest.path("inputs")) {
      String path = input.path("path").asText();
      String kind = "input " + input.path("role").asText("?");
      if (!path.startsWith("/") && path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
        findings.add(new Finding(kind, path, State.NOT_CHECKED, input.path("sha256").asText(), null,
            "not a local path; assay verify re-reads local files only"));
      } else {
        findings.add(compare(kind, path, Path.of(path), input, false));
      }
    }
    return new Outcome(manifestFile, manifest.path("audit").asText(null), manifest.path("verdict").asText(null),
        manifest.path("finished").asText(null), List.copyOf(findings));
  }

  private static Finding compare(String kind, String shown, Path file, JsonNode recorded, boolean required) {
    String expected = recorded.path("sha256").asText();
    long expectedSize = recorded.path("size").asLong(-1);
    if (!Files.exists(file)) {
      return new Finding(kind, shown, required ? State.MISSING : State.NOT_CHECKED, expected, null,
          required ? "the file is gone" : "no longer there");
    }
    try {
      String actual = sha256(file);
      long size = Files.size(file);
      if (actual.equals(expected)) {
        return new Finding(kind, shown, State.MATCH, expected, actual, "");
      }
      String note = size == expectedSize ? "same size " + size + " bytes" : "size " + expectedSize + " → " + size + " bytes";
      return new Finding(kind, shown, State.CHANGED, expected, actual, note);
    } catch (NoSuchFileException e) {
      return new Finding(kind, shown, required ? State.MISSING : State.NOT_CHECKED, expected, null, "the file is gone");
    } catch (IOException e) {
      if (required) {
        return new Finding(kind, shown, State.MISSING, expected, null, "cannot be read: " + e.getMessage());
      }
      return new Finding(kind, shown, State.NOT_CHECKED, expected, null, "cannot be read: " + e.getMessage());
    }
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
