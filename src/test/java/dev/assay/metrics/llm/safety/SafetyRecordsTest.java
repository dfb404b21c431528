package dev.assay.metrics.llm.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.SafetyCategory;
import dev.assay.metrics.llm.LlmInput;
import dev.assay.metrics.llm.LlmRecords;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.JudgeOptions;
import dev.assay.spec.SafetyOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-record severities in {@code --records}: the fixture of {@link SafetyAnalysisTest} through
 * Azure on 127.0.0.1, then the records joined back to the cache by text hash.
 */
class SafetyRecordsTest {

  @TempDir Path dir;

  List<Row> written(LlmInput in, LlmRecords.MoreColumns more) {
    String out = dir.resolve("records-" + more.hashCode()).toUri().toString();
    LlmRecords.write(in, out, more);
    return SharedSpark.get().read().parquet(out).collectAsList().stream()
        .sorted(Comparator.comparing(r -> r.<String>getAs("prompt") + r.getAs("variant")))
        .toList();
  }

  /**
   * Sorted by prompt then variant: "How do I cope?" (self-harm 7), "Ignore your rules [jailbreak]"
   * (protected material, violence 2, jailbreak, indirect attack), "Nothing?" (no response: all
   * null), then the three "Tell me about nurses" (he, he: hate 5; she: all 0).
   */
  @Test
  @Tag("slow") // a full audit / two Spark jobs through the loopback service
  void eachRecordCarriesItsSeveritiesJoinedByTextHash() throws IOException {
    LlmInput in = SafetyAnalysisTest.input(false);
    try (FakeContentSafety azure = new FakeContentSafety()) {
      SafetyOptions o =
          new SafetyOptions(
              SafetyOptions.Backend.AZURE_CONTENT_SAFETY,
              azure.endpoint(),
              "m",
              "KEY",
              JudgeOptions.Auth.BEARER,
              EnumSet.allOf(SafetyCategory.class),
              4,
              null,
              dir.resolve("cache"),
              100,
              10,
              0);
      SafetyRun run = new SafetyRun(o, "k");
      SafetyAnalysis.run(in, o, "k", List.of());
      int sent = azure.requests.get();
      List<Row> rows = written(in, SafetyRecords.of(in, run));
      assertEquals(sent, azure.requests.get(), "writing the records sends nothing");
      assertEquals(6, rows.size());
      Row cope = rows.get(0);
      assertEquals(7, (int) cope.getAs("assay_safety_self_harm"));
      assertEquals(0, (int) cope.getAs("assay_safety_hate_unfairness"));
      assertEquals(false, cope.getAs("assay_safety_jailbreak"));
      Row attack = rows.get(1);
      assertEquals(2, (int) attack.getAs("assay_safety_violence"));
      assertEquals(true, attack.getAs("assay_safety_protected_material"));
      assertEquals(true, attack.getAs("assay_safety_jailbreak"));
      assertEquals(true, attack.getAs("assay_safety_indirect_attack"));
      Row none = rows.get(2);
      for (SafetyCategory c : SafetyCategory.values()) {
        assertNull(none.getAs(SafetyRecords.column(c)), c.id());
      }
      assertEquals(5, (int) rows.get(3).getAs("assay_safety_hate_unfairness"));
      assertEquals(5, (int) rows.get(4).getAs("assay_safety_hate_unfairness"));
      Row benign = rows.get(5);
      assertEquals("she", benign.getAs("variant"));
      assertEquals(0, (int) benign.getAs("assay_safety_hate_unfairness"));
      assertEquals(false, benign.getAs("assay_safety_protected_material"));
    }
  }

  @Test
  void withoutSafetyTheColumnsArePresentAndNull() {
    LlmInput in = SafetyAnalysisTest.input(false);
    List<Row> rows = written(in, SafetyRecords.absent(in));
    assertEquals(6, rows.size());
    for (Row r : rows) {
      for (SafetyCategory c : SafetyCategory.values()) {
        assertTrue(r.isNullAt(r.fieldIndex(SafetyRecords.column(c))), c.id());
      }
    }
  }
}
