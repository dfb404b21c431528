package dev.assay.history;

import dev.assay.core.AuditRun;
import dev.assay.core.FileEvidence;
import dev.assay.core.MetricResult;
import dev.assay.core.ModelInfo;
import dev.assay.core.SourceEvidence;
import dev.assay.core.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** The history rows of one finished run: one per metric and scope, one per rule verdict. */
public final class HistoryRows {

  private HistoryRows() {}

  /**
   * The rows of {@code run}, all with the id {@code runId}. Metrics and verdicts of a time chunk
   * ({@code chunk:} in the spec) are left out: the history follows the whole data from run to run,
   * and a chunk of this run is not a run.
   */
  public static List<HistoryRow> of(AuditRun run, String runId) {
    Keys keys = Keys.of(run, runId);
    List<HistoryRow> rows = new ArrayList<>();
    for (MetricResult m : run.metrics()) {
      if (m.key().scope().chunk() != null) {
        continue;
      }
      rows.add(
          keys.row(
              HistoryRow.METRIC,
              m.key().qualifiedName(),
              m,
              null,
              m.number().isPresent() ? m.number().getAsDouble() : null));
    }
    for (Verdict v : run.verdicts()) {
      if (v.scope().chunk() != null) {
        continue;
      }
      rows.add(keys.row(HistoryRow.VERDICT, v.metric(), null, v, v.observed()));
    }
    return rows;
  }

  /**
   * The data snapshot of a run: the SHA-256 (hex) of one line per data input, sorted: for each file
   * read as {@code data.*} its role, path and SHA-256, and for each data set that is not plain
   * files its role, kind, location, table and Delta version. Two runs on the same bytes of the same
   * data have the same snapshot. Null when the run read no data input.
   */
  public static String dataSnapshot(AuditRun run) {
    List<String> lines = new ArrayList<>();
    for (FileEvidence f : run.provenance().files()) {
      if (f.role().startsWith("data.")) {
        lines.add(String.join("\t", f.role(), f.path(), String.valueOf(f.sha256())));
      }
    }
    for (SourceEvidence s : run.provenance().sources()) {
      lines.add(
          String.join(
              "\t",
              s.role(),
              s.kind(),
              Objects.toString(s.location()),
              Objects.toString(s.table()),
              Objects.toString(s.version())));
    }
    if (lines.isEmpty()) {
      return null;
    }
    lines.sort(null);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What every row of one run shares. */
  private record Keys(
      String runId, String audit, String runTime, String verdict, ModelInfo model, String data) {

    static Keys of(AuditRun run, String runId) {
      ModelInfo model = run.model() == null ? ModelInfo.UNKNOWN : run.model();
      return new Keys(
          runId,
          run.name(),
          run.provenance().started().toString(),
          run.verdict(),
          model,
          dataSnapshot(run));
    }

    HistoryRow row(String kind, String metric, MetricResult m, Verdict v, Double value) {
      return new HistoryRow(
          runId,
          audit,
          runTime,
          verdict,
          model.name(),
          model.version(),
          model.intendedUse(),
          model.limitations(),
          model.riskClass(),
          model.registryUri(),
          data,
          kind,
          metric,
          m != null ? m.key().scope() : v.scope(),
          value,
          m != null ? m.count() : null,
          v == null ? null : v.ruleId(),
          v == null ? null : v.status().name(),
          v == null ? null : v.severity().id(),
          v == null ? null : v.expected());
    }
  }
}
