package dev.assay.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.assay.core.AuditRun;
import dev.assay.core.FileEvidence;
import dev.assay.core.ModelInfo;
import dev.assay.core.Provenance;
import dev.assay.core.SourceEvidence;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes manifest.json (schema {@value #SCHEMA}), the evidence record of a run: tool, Java and
 * Spark versions, the Spark master, start and end time (ISO-8601, UTC), every input file with its
 * role, size, modification time and SHA-256, each data set that is not plain files ({@code
 * sources}: a catalog table, a Delta snapshot version, a JDBC URL and table or query, a Spark SQL
 * query's text), and the size and SHA-256 of each other report file, so an auditor can later prove
 * which data and which report belong together.
 */
public final class Manifest {

  /** The schema id written in the file's {@code schema} key. */
  public static final String SCHEMA = "assay.manifest/1";

  /** The file's name in a report bundle. */
  public static final String FILE_NAME = "manifest.json";

  /**
   * Renders the manifest of a run whose other report files are {@code outputs} (file name to
   * content, in the order to list them).
   */
  public byte[] render(AuditRun run, Map<String, byte[]> outputs) {
    List<ReportFile.WrittenFile> written = new ArrayList<>();
    outputs.forEach(
        (name, bytes) ->
            written.add(new ReportFile.WrittenFile(name, bytes.length, sha256(bytes))));
    return PrettyJson.write(json -> body(json, run, written));
  }

  /**
   * Streams the manifest of a run whose other report files are {@code outputs} (flushed, not
   * closed).
   */
  public void writeTo(AuditRun run, List<ReportFile.WrittenFile> outputs, OutputStream out)
      throws IOException {
    PrettyJson.write(out, json -> body(json, run, outputs));
  }

  private static void body(JsonGenerator json, AuditRun run, List<ReportFile.WrittenFile> outputs)
      throws IOException {
    Provenance p = run.provenance();
    json.writeStartObject();
    json.writeStringField("schema", SCHEMA);
    json.writeStringField("audit", run.name());
    json.writeStringField("verdict", run.verdict());
    model(json, run.model());
    json.writeStringField("tool_version", p == null ? null : p.toolVersion());
    json.writeStringField("java_version", p == null ? null : p.javaVersion());
    json.writeStringField("spark_version", p == null ? null : p.sparkVersion());
    json.writeStringField("spark_master", p == null ? null : p.sparkMaster());
    json.writeStringField("started", p == null ? null : iso(p.started()));
    json.writeStringField("finished", p == null ? null : iso(p.finished()));
    json.writeArrayFieldStart("inputs");
    if (p != null) {
      for (FileEvidence file : p.files()) {
        json.writeStartObject();
        json.writeStringField("role", file.role());
        json.writeStringField("path", file.path());
        json.writeNumberField("size", file.size());
        json.writeStringField("modified", file.modified());
        json.writeStringField("sha256", file.sha256());
        json.writeEndObject();
      }
    }
    json.writeEndArray();
    if (p != null && !p.sources().isEmpty()) {
      json.writeArrayFieldStart("sources");
      for (SourceEvidence source : p.sources()) {
        source(json, source);
      }
      json.writeEndArray();
    }
    json.writeArrayFieldStart("outputs");
    for (ReportFile.WrittenFile output : outputs) {
      json.writeStartObject();
      json.writeStringField("path", output.name());
      json.writeNumberField("size", output.size());
      json.writeStringField("sha256", output.sha256());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /**
   * The model card keys (lineage: which registered model the run judged), left out when the spec
   * gives none; covered by manifest.sig like every other key.
   */
  private static void model(JsonGenerator json, ModelInfo model) throws IOException {
    ResultsJson.writeModel(json, model);
  }

  /** One data set that is not plain files; absent fields are left out. */
  private static void source(JsonGenerator json, SourceEvidence s) throws IOException {
    json.writeStartObject();
    json.writeStringField("role", s.role());
    json.writeStringField("kind", s.kind());
    if (s.location() != null) {
      json.writeStringField("location", s.location());
    }
    if (s.table() != null) {
      json.writeStringField("table", s.table());
    }
    if (s.version() != null) {
      json.writeNumberField("version", s.version());
    }
    if (s.timestamp() != null) {
      json.writeStringField("timestamp", s.timestamp());
    }
    if (s.query() != null) {
      json.writeStringField("query", s.query());
    }
    if (!s.inputs().isEmpty()) {
      json.writeArrayFieldStart("inputs");
      for (String input : s.inputs()) {
        json.writeString(input);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** Lower-case hex SHA-256 of the bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
