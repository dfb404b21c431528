package dev.assay.metrics.llm.safety;

import dev.assay.core.SafetyCategory;
import dev.assay.spark.RowByRow;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Sends one partition's units of work, one after the other, and yields a cache row per unit ({@link
 * SafetyCache#SCHEMA}). Input rows: {@code safety_key, unit, a, docs} where {@code a} is the
 * response (unit {@code response}) or the prompt (unit {@code shield}).
 */
record SafetyPartition(SafetyBackend backend, String runId) implements RowByRow {

  static final String RESPONSE = "response";
  static final String SHIELD = "shield";

  @Override
  public Row apply(Row r) {
    String unit = r.getAs("unit");
    String text = r.getAs("a");
    SafetyVerdict v =
        RESPONSE.equals(unit) ? backend.response(text) : backend.shield(text, documents(r));
    List<Object> values = new ArrayList<>();
    values.add(r.getAs("safety_key"));
    values.add(unit);
    for (SafetyCategory c : SafetyCategory.values()) {
      values.add(v.error() == null ? v.values().get(c) : null);
    }
    values.add(v.error());
    values.add(v.answered());
    values.add(v.attempts());
    values.add(runId);
    return RowFactory.create(values.toArray());
  }

  private static List<String> documents(Row r) {
    List<String> docs = r.getList(r.fieldIndex("docs"));
    return docs == null ? List.of() : docs.stream().filter(d -> d != null).toList();
  }
}
