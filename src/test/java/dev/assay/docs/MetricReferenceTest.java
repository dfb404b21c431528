package dev.assay.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.Family;
import dev.assay.core.MetricDescriptor;
import dev.assay.metrics.MetricCatalog;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md documents every metric Assay can emit, under its family, with the direction the
 * report actually uses; and it documents nothing else. No Spark: the emittable names come from the
 * catalog ({@link MetricCatalog}) and, by reflection, from the analyzers' enums and constants. (The
 * end-to-end tests check the metric names of the results.json files they write against the same
 * page: {@link MetricReference#undocumented(java.nio.file.Path)}.)
 */
class MetricReferenceTest {

  private final MetricReference doc = MetricReference.read();

  @Test
  void everyMetricAssayCanEmitIsDocumentedUnderItsFamily() {
    Set<String> missing = new TreeSet<>();
    for (String qualified : MetricReference.emittable()) {
      int dot = qualified.indexOf('.');
      if (!doc.documents(Family.byId(qualified.substring(0, dot)), qualified.substring(dot + 1))) {
        missing.add(qualified);
      }
    }
    assertEquals(Set.of(), missing, "add these to docs/metrics.md");
  }

  @Test
  void everyNameAnAnalyzerBuildsIsInTheCatalogueRulesAreCheckedAgainst() {
    Set<String> unknown = new TreeSet<>();
    for (String qualified : MetricReference.builtByAnalyzers()) {
      if (MetricCatalog.find(qualified).isEmpty()) {
        unknown.add(qualified);
      }
    }
    assertEquals(
        Set.of(),
        unknown,
        "declare these in their family's *Metrics class, or a rule on them is rejected");
    assertTrue(
        MetricReference.builtByAnalyzers().size() > 100,
        "the reflection found too few names: " + MetricReference.builtByAnalyzers().size());
  }

  @Test
  void everyDocumentedRowIsAMetricOfItsFamily() {
    Set<String> stale = new TreeSet<>();
    for (MetricReference.Row row : doc.rows()) {
      String name = row.name().replace("<type>", "email");
      if (MetricCatalog.find(row.family(), name).isEmpty()) {
        stale.add(row.family().id() + "." + row.name());
      }
    }
    assertEquals(Set.of(), stale, "docs/metrics.md lists metrics Assay does not emit");
    assertTrue(doc.rows().size() > 150, "too few rows parsed: " + doc.rows().size());
  }

  @Test
  void theDirectionColumnIsTheOneTheReportUses() {
    Set<String> wrong = new TreeSet<>();
    for (MetricReference.Row row : doc.rows()) {
      String name = row.name().replace("<type>", "email");
      String documented = row.cells().get("Direction");
      String actual =
          MetricCatalog.find(row.family(), name)
              .map(MetricDescriptor::direction)
              .map(d -> d.words())
              .orElse("(not in the catalog)");
      if (!actual.equals(documented)) {
        wrong.add(
            row.family().id()
                + "."
                + row.name()
                + ": documented '"
                + documented
                + "', the report uses '"
                + actual
                + "'");
      }
    }
    assertEquals(Set.of(), wrong);
  }

  @Test
  void everyRowHasEveryColumn() {
    for (MetricReference.Row row : doc.rows()) {
      assertEquals(
          List.of("Metric", "Scope", "What it measures", "Range", "Direction", "Reference"),
          List.copyOf(row.cells().keySet()),
          row.name());
      row.cells()
          .forEach((column, text) -> assertFalse(text.isBlank(), row.name() + " has no " + column));
    }
  }

  /** The checker itself: a row under another family's heading does not document the metric. */
  @Test
  void aNameDocumentedUnderTheWrongFamilyDoesNotCount() {
    MetricReference page =
        MetricReference.parse(
            String.join(
                "\n",
                "## Drift",
                "",
                "| Metric | Scope | What it measures | Range | Direction | Reference |",
                "| --- | --- | --- | --- | --- | --- |",
                "| `selection_rate` | group | a \\| b | 0–1 | neutral | Fairlearn |",
                "",
                "## Privacy",
                "",
                "| type | metrics |",
                "| --- | --- |",
                "| `email` | `pii_email_count` |"));
    assertFalse(page.documents(Family.FAIRNESS, "selection_rate"));
    assertTrue(page.documents(Family.DRIFT, "selection_rate"));
    assertEquals("a | b", page.rows().get(0).cells().get("What it measures"));
    assertTrue(page.documents(Family.PRIVACY, "pii_email_count"));
    assertFalse(page.documents(Family.PRIVACY, "pii_email_rate"));
    assertFalse(
        page.documents(Family.PRIVACY, "email"), "a type id in a non-Metric table is no row");
  }
}
