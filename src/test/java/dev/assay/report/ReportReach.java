package dev.assay.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Which metric rows of a results.json cannot be found in its report.html. A row is reachable when
 * some table of the page (open or inside a collapsed {@code <details>} section: both are in the
 * document) has a cell whose text starts with the row's value as the page rounds it ({@link
 * NumberText}, "—" when undefined), in a row or column that names the metric (a cell with its exact
 * name, or the column header), and in a row that names the scope: a cell with the scope's label
 * ("race = Black", "income", "data set"), or a cell with the group (and its class) in a table whose
 * caption names the attribute. The page is read as XML, as the PDF renderer reads it.
 */
public final class ReportReach {

  private ReportReach() {}

  /** One table row: its cells' texts, the table's column headers and caption. */
  private record Row(List<String> cells, List<String> headers, String caption) {}

  /**
   * The results.json metric rows not reachable in the page, as short labels; empty when all are.
   */
  public static List<String> unreachable(byte[] html, byte[] resultsJson) {
    JsonNode results;
    Document page;
    try {
      results = new ObjectMapper().readTree(resultsJson);
      page = PdfReport.parse(html);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, List<int[]>> byValue = new HashMap<>();
    List<Row> rows = rows(page);
    for (int r = 0; r < rows.size(); r++) {
      List<String> cells = rows.get(r).cells();
      for (int c = 0; c < cells.size(); c++) {
        byValue
            .computeIfAbsent(leadingValue(cells.get(c)), k -> new ArrayList<>())
            .add(new int[] {r, c});
      }
    }
    List<String> missing = new ArrayList<>();
    for (JsonNode m : results.get("metrics")) {
      String value =
          m.hasNonNull("value") ? NumberText.of(m.get("value").asDouble()) : NumberText.MISSING;
      boolean found = false;
      for (int[] at : byValue.getOrDefault(value, List.of())) {
        Row row = rows.get(at[0]);
        if (namesMetric(row, at[1], m.get("metric").asText()) && namesScope(row, m)) {
          found = true;
          break;
        }
      }
      if (!found) {
        missing.add(m.get("family").asText() + "." + m.get("metric").asText() + " " + m.toString());
      }
    }
    return missing;
  }

  /** The number a cell starts with, as the page writes it ("0.6383", "< 0.0001", "—"), or "". */
  static String leadingValue(String cell) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^(—|< 0\\.0001|> -0\\.0001|[−-]?∞|-?[0-9]+(\\.[0-9]+)?)")
            .matcher(cell);
    return m.find() ? m.group(1) : "";
  }

  private static boolean namesMetric(Row row, int column, String metric) {
    return row.cells().contains(metric)
        || column < row.headers().size() && row.headers().get(column).equals(metric);
  }

  private static boolean namesScope(Row row, JsonNode m) {
    String attribute = text(m, "attribute");
    String group = text(m, "group");
    String column = text(m, "column");
    String cls = text(m, "class");
    String label = new dev.assay.core.Scope(attribute, group, column, cls).label();
    if (row.cells().contains(label)) {
      return true;
    }
    return group != null
        && row.cells().contains(group)
        && (cls == null || row.cells().contains(cls))
        && row.caption().contains(attribute);
  }

  private static List<Row> rows(Document page) {
    List<Row> rows = new ArrayList<>();
    NodeList tables = page.getElementsByTagName("table");
    for (int t = 0; t < tables.getLength(); t++) {
      Element table = (Element) tables.item(t);
      NodeList captions = table.getElementsByTagName("caption");
      String caption = captions.getLength() == 0 ? "" : text(captions.item(0));
      List<String> headers = new ArrayList<>();
      NodeList heads = table.getElementsByTagName("thead");
      if (heads.getLength() > 0) {
        NodeList th = ((Element) heads.item(0)).getElementsByTagName("th");
        for (int i = 0; i < th.getLength(); i++) {
          headers.add(text(th.item(i)));
        }
      }
      NodeList trs = table.getElementsByTagName("tr");
      for (int i = 0; i < trs.getLength(); i++) {
        Element tr = (Element) trs.item(i);
        if (tr.getParentNode().getNodeName().equals("thead")) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (Node cell = tr.getFirstChild(); cell != null; cell = cell.getNextSibling()) {
          if (cell.getNodeName().equals("td") || cell.getNodeName().equals("th")) {
            cells.add(text(cell));
          }
        }
        rows.add(new Row(cells, headers, caption));
      }
    }
    return rows;
  }

  private static String text(Node node) {
    return node.getTextContent().strip();
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
