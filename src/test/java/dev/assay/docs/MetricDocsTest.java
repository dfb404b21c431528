package dev.assay.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.core.MetricDescriptor;
import dev.assay.metrics.MetricCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The metric tables of docs/metrics.md are the catalog's ({@link MetricDocs}): a descriptor added
 * or changed without regenerating the page fails here, with the command that regenerates it.
 */
class MetricDocsTest {

  @Test
  void theGeneratedTablesAreUpToDate() throws IOException {
    String page = Files.readString(MetricReference.FILE, StandardCharsets.UTF_8);
    String regenerated = MetricDocs.regenerate(page);
    if (System.getProperty(MetricDocs.UPDATE_PROPERTY) != null && !regenerated.equals(page)) {
      Files.writeString(MetricReference.FILE, regenerated, StandardCharsets.UTF_8);
      page = regenerated;
    }
    assertEquals(
        regenerated,
        page,
        "docs/metrics.md is out of date with the metric catalog;"
            + " regenerate it with: "
            + MetricDocs.COMMAND);
  }

  @Test
  void everyTopicOfTheCatalogHasABlockOnThePage() throws IOException {
    Set<String> blocks =
        MetricDocs.topics(Files.readString(MetricReference.FILE, StandardCharsets.UTF_8));
    Set<String> missing = new TreeSet<>();
    for (MetricDescriptor d : MetricCatalog.all()) {
      if (!blocks.contains(d.topic())) {
        missing.add(d.topic() + " (" + d.qualifiedName() + ")");
      }
    }
    assertEquals(
        Set.of(), missing, "add a '<!-- BEGIN metric-table TOPIC -->' block to docs/metrics.md");
  }
}
