package dev.assay.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.Family;
import dev.assay.core.MetricDescriptor;
import dev.assay.core.Observation;
import dev.assay.core.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "how to add a metric" checklist of docs/architecture.md, over the whole catalog: every entry
 * is complete, ids are unique per family, and every metric the golden results.json files hold (real
 * audits of every family) resolves in the catalog. No Spark.
 */
class MetricCatalogContractTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/results");

  /** Numbers as plain text, enough to check that a wording produces words. */
  private static final Observation.NumberStyle PLAIN =
      new Observation.NumberStyle() {
        @Override
        public String number(double value) {
          return Double.toString(value);
        }

        @Override
        public String percent(double share, boolean roundUp) {
          return share * 100 + " %";
        }
      };

  static Stream<MetricDescriptor> catalog() {
    return MetricCatalog.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void everyEntryIsComplete(MetricDescriptor d) {
    assertFalse(d.definition().isBlank(), "definition");
    assertTrue(
        d.definition().endsWith(".") || d.definition().endsWith(")"),
        "the definition is a sentence: " + d.definition());
    assertFalse(d.formula().isBlank(), "computation");
    assertFalse(d.citation().isBlank() || d.citation().equals("—"), "citation");
    assertFalse(d.levels().isEmpty(), "level");
    assertNotNull(d.unit(), "unit");
    assertTrue(d.range().min() <= d.range().max(), "range");
    assertNotNull(d.direction(), "direction");
    assertTrue(d.topic().startsWith(d.family().id() + "/"), "topic in its family: " + d.topic());
    assertNotNull(d.wording(), "wording");
    if (d.wording().hasClause()) {
      assertClauseIsWords(d);
    }
  }

  /** A metric with a clause of its own says something in words for a value in its range. */
  private static void assertClauseIsWords(MetricDescriptor d) {
    double value = Double.isInfinite(d.range().max()) ? d.range().min() + 1 : d.range().max();
    String clause =
        d.wording().clause(new Observation(value, Scope.column("age & sex"), null, false, PLAIN));
    assertNotNull(clause);
    assertFalse(clause.isBlank());
    assertFalse(clause.contains("{"), "unfilled placeholder: " + clause);
  }

  @Test
  void idsAreUniquePerFamily() {
    for (Family family : Family.values()) {
      Set<String> seen = new HashSet<>();
      for (MetricDescriptor d : MetricCatalog.of(family)) {
        assertTrue(seen.add(d.id()), "twice: " + d.qualifiedName());
      }
    }
    assertTrue(MetricCatalog.all().size() > 200, "too few: " + MetricCatalog.all().size());
  }

  @Test
  void privacyAndLlmMetricsSayWhatTheirValueMeans() {
    for (Family family : List.of(Family.PRIVACY, Family.LLM)) {
      for (MetricDescriptor d : MetricCatalog.of(family)) {
        assertTrue(d.wording().hasClause(), d.qualifiedName());
      }
    }
  }

  @Test
  void everyMetricOfTheGoldenResultsIsInTheCatalog() throws IOException {
    Set<String> unknown = new TreeSet<>();
    int metrics = 0;
    List<Path> files;
    try (Stream<Path> list = Files.list(GOLDEN)) {
      files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(files.size() >= 4, "golden files: " + files);
    Set<Family> families = new HashSet<>();
    for (Path file : files) {
      for (JsonNode m : new ObjectMapper().readTree(file.toFile()).path("metrics")) {
        metrics++;
        String qualified = m.path("family").asText() + "." + m.path("metric").asText();
        MetricCatalog.find(qualified)
            .ifPresentOrElse(
                d -> families.add(d.family()),
                () -> unknown.add(file.getFileName() + ": " + qualified));
      }
    }
    assertEquals(Set.of(), unknown, "declare these in their family's *Metrics class");
    assertTrue(metrics > 100, "too few metrics read: " + metrics);
    assertEquals(Set.of(Family.values()), families, "the golden files cover every family");
  }
}
