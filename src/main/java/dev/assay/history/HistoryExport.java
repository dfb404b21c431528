package dev.assay.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The history as text for {@code assay history}: an aligned table for reading, CSV (every key of
 * {@link HistoryJson#KEYS}, RFC 4180 quoting, text cells that a spreadsheet would run as a formula
 * prefixed with {@code '}) or a JSON array of rows, one per line. Each method returns the lines;
 * the caller prints them.
 */
public final class HistoryExport {

  /** The formats {@code --format} accepts. */
  public static final List<String> FORMATS = List.of("table", "csv", "json");

  private static final List<String> TABLE_HEADER =
      List.of(
          "run_time",
          "audit",
          "model",
          "run",
          "kind",
          "metric",
          "scope",
          "value",
          "rule",
          "status");

  private HistoryExport() {}

  /** The lines of {@code rows} in {@code format} (one of {@link #FORMATS}). */
  public static List<String> lines(List<HistoryRow> rows, String format) {
    return switch (format) {
      case "csv" -> csv(rows);
      case "json" -> json(rows);
      default -> table(rows);
    };
  }

  static List<String> table(List<HistoryRow> rows) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(TABLE_HEADER);
    for (HistoryRow r : rows) {
      cells.add(
          List.of(
              r.runTime(),
              r.audit(),
              model(r),
              String.valueOf(r.runVerdict()),
              r.kind(),
              r.metric(),
              scope(r),
              r.value() == null ? "-" : rounded(r.value()),
              r.rule() == null ? "" : r.rule(),
              r.status() == null ? "" : r.status()));
    }
    int[] widths = new int[TABLE_HEADER.size()];
    for (List<String> row : cells) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> out = new ArrayList<>();
    for (List<String> row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row.get(i)));
        if (i < widths.length - 1) {
          line.append("  ");
        }
      }
      out.add(line.toString().stripTrailing());
    }
    if (rows.isEmpty()) {
      out.add("(no rows)");
    }
    return out;
  }

  private static String model(HistoryRow r) {
    if (r.modelName() == null) {
      return "-";
    }
    return r.modelVersion() == null ? r.modelName() : r.modelName() + " " + r.modelVersion();
  }

  private static String scope(HistoryRow r) {
    List<String> parts = new ArrayList<>();
    r.scope().keys().forEach((k, v) -> parts.add(k + "=" + v));
    return parts.isEmpty() ? "(data set)" : String.join(", ", parts);
  }

  private static String rounded(double value) {
    return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  static List<String> csv(List<HistoryRow> rows) {
    List<String> out = new ArrayList<>();
    out.add(String.join(",", HistoryJson.KEYS));
    for (HistoryRow row : rows) {
      JsonNode node = HistoryJson.toNode(row);
      List<String> cells = new ArrayList<>();
      for (String key : HistoryJson.KEYS) {
        JsonNode v = node.get(key);
        cells.add(v == null || v.isNull() ? "" : v.isNumber() ? v.asText() : csvText(v.asText()));
      }
      out.add(String.join(",", cells));
    }
    return out;
  }

  /** A text cell: quoted when needed, and never a formula a spreadsheet would run. */
  static String csvText(String text) {
    String safe = text;
    if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      safe = "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  static List<String> json(List<HistoryRow> rows) {
    List<String> out = new ArrayList<>();
    out.add("[");
    for (int i = 0; i < rows.size(); i++) {
      out.add(HistoryJson.toLine(rows.get(i)) + (i < rows.size() - 1 ? "," : ""));
    }
    out.add("]");
    return out;
  }
}
