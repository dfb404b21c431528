package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.spark.SharedSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The semantic scores without {@code zip_with} and {@code try_divide} ({@link SemanticColumns}:
 * {@code transform} with the index and {@code get}, a plain division under {@code CASE WHEN}) give
 * the same doubles, bit for bit, as the former expressions (written out here as they were): on
 * {@link SemanticSimilarityTest}'s hand-worked rows, the RAG demo's embeddings and 3,000 random
 * records (lengths from 0 to 6, differing lengths, zero vectors, null elements, NaN and infinite
 * elements, null and empty context lists).
 */
class CosineFormsTest {

  static final StructType SCHEMA =
      new StructType()
          .add("a", DataTypes.createArrayType(DataTypes.DoubleType))
          .add("b", DataTypes.createArrayType(DataTypes.DoubleType))
          .add("c", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType)));

  /** The former cosine: zip_with products and try_divide. */
  static Column formerCosine(Column a, Column b) {
    Column dot = sum(functions.zip_with(a, b, Column::multiply));
    Column norms = functions.sqrt(sum(squares(a))).multiply(functions.sqrt(sum(squares(b))));
    Column cos = functions.try_divide(dot, norms);
    Column defined =
        functions
            .size(a)
            .gt(0)
            .and(functions.size(a).equalTo(functions.size(b)))
            .and(norms.gt(0))
            .and(norms.lt(Double.POSITIVE_INFINITY))
            .and(functions.not(functions.isnan(cos)))
            .and(functions.abs(cos).leq(1.0 + 1e-9));
    return functions.when(
        defined, functions.greatest(functions.lit(-1.0), functions.least(functions.lit(1.0), cos)));
  }

  /** The former mean over the contexts: try_divide by the count. */
  static Column formerMean(Column prompt, Column contexts) {
    Column scores =
        functions.filter(
            functions.transform(contexts, c -> formerCosine(prompt, c)), Column::isNotNull);
    Column sum = functions.aggregate(scores, functions.lit(0.0), Column::plus);
    return functions.when(
        functions.size(scores).gt(0), functions.try_divide(sum, functions.size(scores)));
  }

  @Test
  void sameDoublesAsTheFormerExpressions() {
    List<Row> rows = new ArrayList<>();
    for (Row r : SemanticSimilarityTest.rows()) {
      rows.add(RowFactory.create(r.get(4), r.get(3), r.get(5)));
    }
    for (Row r :
        SharedSpark.get()
            .read()
            .schema(
                "response_embedding ARRAY<DOUBLE>, expected_embedding ARRAY<DOUBLE>,"
                    + " context_embeddings ARRAY<ARRAY<DOUBLE>>, prompt_embedding ARRAY<DOUBLE>")
            .json("datasets/rag-demo/answers.jsonl")
            .collectAsList()) {
      rows.add(RowFactory.create(r.get(0), r.get(1), r.get(2)));
      rows.add(RowFactory.create(r.get(3), r.get(1), r.get(2)));
    }
    Random random = new Random(42);
    for (int i = 0; i < 3000; i++) {
      int n = random.nextInt(7);
      List<List<Double>> contexts = null;
      if (random.nextInt(5) > 0) {
        contexts = new ArrayList<>();
        for (int k = random.nextInt(4); k > 0; k--) {
          contexts.add(vector(random, random.nextInt(4) == 0 ? random.nextInt(7) : n));
        }
      }
      List<Double> b = vector(random, random.nextInt(5) == 0 ? random.nextInt(7) : n);
      rows.add(RowFactory.create(vector(random, n), b, contexts));
    }
    Dataset<Row> data = SharedSpark.get().createDataFrame(rows, SCHEMA);
    Column a = functions.col("a");
    Column b = functions.col("b");
    Column c = functions.col("c");
    List<Row> out =
        data.select(
                SemanticColumns.cosine(a, b),
                formerCosine(a, b),
                functions.array_max(functions.transform(c, x -> SemanticColumns.cosine(a, x))),
                functions.array_max(functions.transform(c, x -> formerCosine(a, x))),
                SemanticColumns.contextQuestion(new LlmColumns.Embeddings(null, null, "c", "a")),
                formerMean(a, c))
            .collectAsList();
    int defined = 0;
    for (Row r : out) {
      for (int k = 0; k < 6; k += 2) {
        Double now = r.isNullAt(k) ? null : r.getDouble(k);
        Double before = r.isNullAt(k + 1) ? null : r.getDouble(k + 1);
        assertEquals(bits(before), bits(now), () -> "row " + r);
        defined += now == null ? 0 : 1;
      }
    }
    assertTrue(defined > 3000, "defined scores: " + defined);
  }

  private static Long bits(Double d) {
    return d == null ? null : Double.doubleToRawLongBits(d);
  }

  /** A vector of {@code n} elements, now and then null or with a null, NaN, infinite or 0. */
  static List<Double> vector(Random random, int n) {
    if (random.nextInt(30) == 0) {
      return null;
    }
    Double[] v = new Double[n];
    boolean zero = random.nextInt(15) == 0;
    for (int i = 0; i < n; i++) {
      int odd = random.nextInt(200);
      if (zero) {
        v[i] = 0.0;
      } else if (odd == 0) {
        v[i] = null;
      } else if (odd == 1) {
        v[i] = Double.NaN;
      } else if (odd == 2) {
        v[i] = Double.POSITIVE_INFINITY;
      } else {
        v[i] = random.nextGaussian();
      }
    }
    return Arrays.asList(v);
  }

  private static Column sum(Column v) {
    return functions.aggregate(v, functions.lit(0.0), Column::plus);
  }

  private static Column squares(Column v) {
    return functions.transform(v, x -> x.multiply(x));
  }
}
