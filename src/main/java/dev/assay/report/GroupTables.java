package dev.assay.report;

import dev.assay.core.Family;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.metrics.MetricCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The per-group numbers of one sensitive attribute, laid out for an auditor: one compact summary
 * table to read across (count, favourable rate, TPR, FPR, impact ratio with its adjusted p-value,
 * and flags), and every per-group metric in detail tables, one per metric group (the catalog
 * descriptors' docs topic: group rates, Clarify, versus overall and reference, regression,
 * multi-class), at most {@link #MAX_DETAIL_COLUMNS} metrics wide so they print without clipping.
 *
 * <p>Notes say a thing once: a clause every group of a metric shares is stated once under its
 * table, a clause every metric of a group shares once on its row, and only what is left stays in
 * its cell; a summary row carries only exceptional clauses (small group, excluded, undefined,
 * approximated), as flags.
 */
public final class GroupTables {

  /** The most metric columns one detail table has; a wider group is split. */
  static final int MAX_DETAIL_COLUMNS = 6;

  /** The metrics of the summary table, in column order (those the run computed). */
  static final List<String> SUMMARY_METRICS =
      List.of("selection_rate", "true_positive_rate", "false_positive_rate", "impact_ratio");

  /** Titles of the metric groups, by the descriptors' docs topic; unknown topics show as is. */
  private static final Map<String, String> TOPIC_TITLES =
      Map.of(
          "fairness/group", "Group rates, scores, calibration and entropy",
          "fairness/clarify", "SageMaker Clarify metrics (the group against the rest)",
          "fairness/reference", "Against all rows and against the reference group",
          "fairness/regression", "Regression errors",
          "fairness/multiclass", "Multi-class metrics",
          "fairness/attribute", "Between-group metrics",
          "fairness/challenger",
              "Champion against challenger (challenger minus champion on the same rows; p-values"
                  + " by McNemar's and DeLong's tests)");

  /**
   * A metric's row label in the per-attribute tables: its group, and in a champion/challenger audit
   * the model after it ({@code F · challenger}), so each model has rows of its own; null for a
   * metric of the whole attribute.
   */
  static String rowGroup(dev.assay.core.Scope scope) {
    if (scope.group() == null || scope.model() == null) {
      return scope.group();
    }
    return scope.group() + " · " + scope.model();
  }

  private GroupTables() {}

  /** The summary table: headers (after Group and Class) and one row per group. */
  public record Summary(List<String> headers, List<SummaryRow> rows) {}

  /**
   * A group's summary row: cells under the headers, the flag words ("small group, excluded") and
   * the exceptional clauses they stand for ("" when none).
   */
  public record SummaryRow(
      String group, String classLabel, List<HtmlPage.Cell> cells, String flags, String flagNotes) {}

  /**
   * One detail table of a metric group: its id (for links), title, metric columns, rows, the notes
   * every group of a column shares (stated once), and whether the rows carry a note.
   */
  public record Detail(
      String id,
      String title,
      List<String> columns,
      List<DetailRow> rows,
      List<String> notes,
      boolean rowNotes) {}

  /** A group's row of a detail table; {@code note} is what every metric of the row shares. */
  public record DetailRow(
      String group, String classLabel, List<HtmlPage.Cell> cells, String note) {}

  /** The title of a metric group (docs topic). */
  static String topicTitle(String topic) {
    return TOPIC_TITLES.getOrDefault(topic, topic);
  }

  static String topic(String metric) {
    return MetricCatalog.find(Family.FAIRNESS, metric).map(d -> d.topic()).orElse("fairness/other");
  }

  /**
   * The summary of the rows ({@code byGroup}: row label to metric to result; {@code rowScope}: row
   * label to group and class); with {@code favourableIsNegative} the rate column is 1 − selection
   * rate (interval mirrored).
   */
  static Summary summary(
      Map<String, Map<String, MetricResult>> byGroup,
      Map<String, String[]> rowScope,
      boolean favourableIsNegative,
      Map<MetricKey, Double> base) {
    Set<String> present = new LinkedHashSet<>();
    byGroup.values().forEach(m -> present.addAll(m.keySet()));
    List<String> metrics = SUMMARY_METRICS.stream().filter(present::contains).toList();
    List<String> headers = new ArrayList<>();
    headers.add("Count");
    for (String metric : metrics) {
      headers.add(header(metric, favourableIsNegative));
    }
    boolean pValues = metrics.contains("impact_ratio");
    if (pValues) {
      headers.add("p-value (adjusted)");
    }
    List<SummaryRow> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, MetricResult>> row : byGroup.entrySet()) {
      Map<String, MetricResult> m = row.getValue();
      List<HtmlPage.Cell> cells = new ArrayList<>();
      cells.add(plain(countText(m)));
      Set<String> flags = new LinkedHashSet<>();
      Set<String> flagNotes = new LinkedHashSet<>();
      exceptions(m.get("count"), flags, flagNotes);
      for (String metric : metrics) {
        MetricResult r = m.get(metric);
        boolean complement = favourableIsNegative && metric.equals("selection_rate");
        cells.add(summaryCell(r, complement, base));
        exceptions(r, flags, flagNotes);
      }
      if (pValues) {
        MetricResult r = m.get("impact_ratio");
        cells.add(
            plain(
                r instanceof MetricResult.Computed c && c.pValue() != null
                    ? NumberText.of(c.pValue())
                    : ""));
      }
      String[] at = rowScope.get(row.getKey());
      rows.add(
          new SummaryRow(
              at[0], at[1], cells, String.join(", ", flags), String.join("; ", flagNotes)));
    }
    return new Summary(headers, rows);
  }

  private static String header(String metric, boolean favourableIsNegative) {
    switch (metric) {
      case "selection_rate":
        return favourableIsNegative ? "Favourable rate (1 − selection rate)" : "Favourable rate";
      case "true_positive_rate":
        return "True positive rate";
      case "false_positive_rate":
        return "False positive rate";
      default:
        return "Impact ratio";
    }
  }

  private static String countText(Map<String, MetricResult> m) {
    MetricResult count = m.get("count");
    if (count != null && count.number().isPresent()) {
      return NumberText.of(count.number().getAsDouble());
    }
    return m.values().stream()
        .map(MetricResult::count)
        .filter(Objects::nonNull)
        .max(Long::compare)
        .map(c -> Long.toString(c))
        .orElse(NumberText.MISSING);
  }

  private static HtmlPage.Cell summaryCell(
      MetricResult r, boolean complement, Map<MetricKey, Double> base) {
    if (r == null) {
      return new HtmlPage.Cell(NumberText.MISSING, "", "not computed for this group", 0, "", false);
    }
    if (!complement || !(r instanceof MetricResult.Computed c)) {
      Double before = base.get(r.key());
      return new HtmlPage.Cell(
          HtmlPage.value(r),
          HtmlPage.ci(r),
          "",
          0,
          HtmlPage.baselineText(before, r),
          HtmlPage.worse(before, r));
    }
    String ci =
        c.ciLow() != null && c.ciHigh() != null
            ? NumberText.of(1 - c.ciHigh()) + " – " + NumberText.of(1 - c.ciLow())
            : "";
    return new HtmlPage.Cell(NumberText.of(1 - c.value()), ci, "", 0, "", false);
  }

  /** Adds the flag words and the exceptional clauses of a result's note. */
  private static void exceptions(MetricResult r, Set<String> flags, Set<String> notes) {
    if (r == null) {
      return;
    }
    if (!(r instanceof MetricResult.Computed)) {
      flags.add("undefined");
      notes.add(r.key().metric() + " undefined" + (r.note() == null ? "" : ": " + r.note()));
      return;
    }
    for (String part : NoteParts.of(r.note())) {
      if (NoteParts.exceptional(part)) {
        flags.add(flagWord(part));
        notes.add(part);
      }
    }
  }

  private static String flagWord(String part) {
    String p = part.toLowerCase(java.util.Locale.ROOT);
    if (p.contains("insufficient data") || p.contains("min_group_size")) {
      return "small group";
    }
    if (p.contains("excluded") || p.contains("left out")) {
      return "excluded";
    }
    if (p.contains("undefined")) {
      return "undefined";
    }
    if (p.startsWith("approximate")) {
      return "approximated";
    }
    return p.contains("waived") ? "waived" : "not computed";
  }

  private static HtmlPage.Cell plain(String text) {
    return new HtmlPage.Cell(text, "", "", 0, "", false);
  }

  /**
   * The detail tables of the full grid ({@code columns} by {@code rows}, as built for the
   * attribute), one metric group after another in column order, each split at {@link
   * #MAX_DETAIL_COLUMNS} metrics; {@code idPrefix} makes their ids unique in the page.
   */
  static List<Detail> details(String idPrefix, List<String> columns, List<HtmlPage.GroupRow> rows) {
    Map<String, List<Integer>> byTopic = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      byTopic.computeIfAbsent(topic(columns.get(i)), t -> new ArrayList<>()).add(i);
    }
    List<Detail> details = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> topic : byTopic.entrySet()) {
      details.addAll(topicTables(idPrefix, topic.getKey(), topic.getValue(), columns, rows));
    }
    return details;
  }

  private static List<Detail> topicTables(
      String idPrefix,
      String topic,
      List<Integer> indexes,
      List<String> columns,
      List<HtmlPage.GroupRow> rows) {
    // the clauses of each cell, and which of them every group of a column shares
    List<List<List<String>>> parts = new ArrayList<>();
    for (HtmlPage.GroupRow row : rows) {
      List<List<String>> rowParts = new ArrayList<>();
      for (int i : indexes) {
        rowParts.add(NoteParts.of(row.cells().get(i).note()));
      }
      parts.add(rowParts);
    }
    List<String> notes = new ArrayList<>();
    List<Set<String>> columnShared = new ArrayList<>();
    for (int c = 0; c < indexes.size(); c++) {
      Set<String> shared = null;
      for (List<List<String>> rowParts : parts) {
        Set<String> here = new LinkedHashSet<>(rowParts.get(c));
        here.removeIf(NoteParts::exceptional);
        if (shared == null) {
          shared = here;
        } else {
          shared.retainAll(here);
        }
      }
      shared = shared == null || rows.size() < 2 ? new LinkedHashSet<>() : shared;
      columnShared.add(shared);
      if (!shared.isEmpty()) {
        notes.add(columns.get(indexes.get(c)) + ": " + String.join("; ", shared));
      }
    }
    List<String> rowNotes = new ArrayList<>();
    List<List<HtmlPage.Cell>> cells = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      List<List<String>> rowParts = parts.get(r);
      Set<String> rowShared = null;
      Set<String> exceptional = new LinkedHashSet<>();
      for (int c = 0; c < indexes.size(); c++) {
        List<String> own = new ArrayList<>(rowParts.get(c));
        own.removeAll(columnShared.get(c));
        own.stream().filter(NoteParts::exceptional).forEach(exceptional::add);
        if (rowShared == null) {
          rowShared = new LinkedHashSet<>(own);
        } else {
          rowShared.retainAll(own);
        }
      }
      // a clause every metric of the row shares is said once, on the row; so is an exception
      if (rowShared == null || indexes.size() < 2) {
        rowShared = new LinkedHashSet<>();
      }
      rowShared.addAll(exceptional);
      rowNotes.add(String.join("; ", rowShared));
      List<HtmlPage.Cell> rowCells = new ArrayList<>();
      for (int c = 0; c < indexes.size(); c++) {
        HtmlPage.Cell cell = rows.get(r).cells().get(indexes.get(c));
        List<String> own = new ArrayList<>(rowParts.get(c));
        own.removeAll(columnShared.get(c));
        own.removeAll(rowShared);
        rowCells.add(
            new HtmlPage.Cell(
                cell.text(), cell.ci(), String.join("; ", own), 0, cell.baseline(), cell.worse()));
      }
      cells.add(rowCells);
    }
    boolean anyRowNote = rowNotes.stream().anyMatch(n -> !n.isEmpty());
    List<Detail> tables = new ArrayList<>();
    int chunks = (indexes.size() + MAX_DETAIL_COLUMNS - 1) / MAX_DETAIL_COLUMNS;
    String title = topicTitle(topic);
    for (int k = 0; k < chunks; k++) {
      int from = k * MAX_DETAIL_COLUMNS;
      int to = Math.min(indexes.size(), from + MAX_DETAIL_COLUMNS);
      List<String> names = new ArrayList<>();
      for (int c = from; c < to; c++) {
        names.add(columns.get(indexes.get(c)));
      }
      List<DetailRow> detailRows = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) {
        HtmlPage.GroupRow row = rows.get(r);
        detailRows.add(
            new DetailRow(
                row.group(),
                row.classLabel(),
                cells.get(r).subList(from, to),
                k == 0 ? rowNotes.get(r) : ""));
      }
      tables.add(
          new Detail(
              idPrefix + "-" + topic.replace('/', '-') + (chunks > 1 ? "-" + (k + 1) : ""),
              chunks > 1 ? title + " (" + (k + 1) + " of " + chunks + ")" : title,
              names,
              detailRows,
              k == chunks - 1 ? notes : List.of(),
              k == 0 && anyRowNote));
    }
    return tables;
  }
}
