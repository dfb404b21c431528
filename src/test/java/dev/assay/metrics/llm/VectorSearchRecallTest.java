package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.spark.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Retriever recall@k against the brute-force cosine top k, worked by hand on 2-d vectors. */
class VectorSearchRecallTest {

  static final SparkSession SPARK = SharedSpark.get();
  static final StructType VECTORS =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("emb", DataTypes.createArrayType(DataTypes.DoubleType))
          .add("retrieved", DataTypes.createArrayType(DataTypes.StringType));

  static Dataset<Row> corpus() {
    return SPARK.createDataFrame(
        List.of(
            RowFactory.create("d1", List.of(1.0, 0.0), null),
            RowFactory.create("d2", List.of(1.0, 1.0), null),
            RowFactory.create("d3", List.of(0.0, 1.0), null),
            RowFactory.create("d4", List.of(-1.0, 0.0), null)),
        VECTORS);
  }

  /**
   * k = 2. q1 = [1,0]: exact {d1, d2}, retrieved d1, d3 → 1/2. q2 = [0,1]: exact {d3, d2}, top 2
   * retrieved d2, d3 (d1 third, cut) → 1. q3 = [1,1]: d2, then d1 and d3 tie at 1/√2 and the id
   * breaks it: exact {d2, d1}, retrieved d3, d2 → 1/2. q4 has no embedding: left out.
   */
  static Dataset<Row> queries() {
    return SPARK
        .createDataFrame(
            List.of(
                RowFactory.create("q1", List.of(1.0, 0.0), List.of("d1", "d3")),
                RowFactory.create("q2", List.of(0.0, 1.0), List.of("d2", "d3", "d1")),
                RowFactory.create("q3", List.of(1.0, 1.0), List.of("d3", "d2")),
                RowFactory.create("q4", null, List.of("d1"))),
            VECTORS)
        .repartition(2);
  }

  static MetricResult recall(long maxPairs) {
    return VectorSearchRecall.recall(
        queries(),
        "emb",
        new LlmColumns.TextColumn("retrieved", true),
        new VectorSearchRecall.Corpus(corpus(), "id", "emb"),
        2,
        maxPairs);
  }

  @Test
  void recallAgainstTheExactTopKByHand() {
    MetricResult.Computed r = (MetricResult.Computed) recall(VectorSearchRecall.DEFAULT_MAX_PAIRS);
    assertEquals(2.0 / 3, r.value(), 1e-12);
    assertEquals(3L, r.count());
    // sample sd of (1/2, 1, 1/2) = √(1/12); half-width 1.96·√(1/12)/√3 = 1.96/6
    assertEquals(2.0 / 3 - SemanticState.Z95 / 6, r.ciLow(), 1e-9);
    assertEquals(2.0 / 3 + SemanticState.Z95 / 6, r.ciHigh(), 1e-9);
  }

  @Test
  void morePairsThanTheBoundIsBadInputNamingTheKey() {
    BadInputException e = assertThrows(BadInputException.class, () -> recall(11));
    assertTrue(e.getMessage().startsWith("llm.vector_search.max_pairs:"), e.getMessage());
    assertTrue(e.getMessage().contains("3 queries with 4 corpus vectors"), e.getMessage());
  }
}
