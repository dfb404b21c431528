package dev.assay.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.assay.spark.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

class CategoricalDistributionTest {

  private final CategoricalDistribution abc =
      CategoricalDistribution.of("a", 0.2, "b", 0.5, "c", 0.3);

  @Test
  void drawsByCumulativeShare() {
    // u = 0.1 → a (< 0.2); 0.2 and 0.69 → b (< 0.7); 0.7 and 0.99 → c
    List<Row> rows =
        SharedSpark.get()
            .sql("SELECT * FROM VALUES (0.1D), (0.2D), (0.69D), (0.7D), (0.99D) AS t(u)")
            .select(abc.draw(functions.col("u")))
            .collectAsList();
    assertEquals(List.of("a", "b", "b", "c", "c"), rows.stream().map(r -> r.getString(0)).toList());
  }

  @Test
  void keepsTheGivenOrder() {
    assertEquals(List.of("a", "b", "c"), abc.categories());
  }

  @Test
  void rejectsSharesThatDoNotAddUpToOne() {
    assertThrows(
        IllegalArgumentException.class, () -> CategoricalDistribution.of("a", 0.2, "b", 0.5));
    assertThrows(
        IllegalArgumentException.class, () -> CategoricalDistribution.of("a", -0.5, "b", 1.5));
  }
}
