package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import dev.assay.spark.Columns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The vocabulary of each text column on the reference side, for the {@code oov_share} descriptor
 * ({@link TextDescriptors}): its {@value #SIZE} most frequent words (by count of occurrences, ties
 * by the word), found by one Spark job over the reference rows of every text column at once — words
 * exploded, counted per (column, word), ranked per column, cut at {@value #SIZE} and gathered per
 * column with {@code collect_list}. At most {@value #SIZE} words per text column reach the driver,
 * whatever the data's size; each then becomes the {@code IN} list of the descriptor's expression.
 */
final class ReferenceVocabulary {

  /** The most words a text column's vocabulary holds. */
  static final int SIZE = 10_000;

  private static final String COLUMN = "__assay_c";
  private static final String WORD = "__assay_w";
  private static final String COUNT = "__assay_n";
  private static final String RANK = "__assay_r";

  private ReferenceVocabulary() {}

  /**
   * The sorted vocabulary of each text column, by index in {@code columns} (empty when there is no
   * text column, without a Spark job).
   *
   * @param reference the reference rows
   * @param values each column's value in {@code reference}
   */
  static Map<Integer, List<String>> of(
      Dataset<Row> reference, List<DriftColumn> columns, List<Column> values) {
    return of(reference, columns, values, SIZE);
  }

  /** As {@link #of(Dataset, List, List)}, with at most {@code size} words per column. */
  static Map<Integer, List<String>> of(
      Dataset<Row> reference, List<DriftColumn> columns, List<Column> values, int size) {
    Dataset<Row> words = null;
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).kind() == DriftColumn.Kind.TEXT) {
        Dataset<Row> one =
            reference.select(
                lit(i).alias(COLUMN),
                explode(TextDescriptors.vocabularyWords(values.get(i))).alias(WORD));
        words = words == null ? one : words.union(one);
      }
    }
    Map<Integer, List<String>> out = new HashMap<>();
    if (words == null) {
      return out;
    }
    Dataset<Row> top =
        words
            .groupBy(Columns.named(COLUMN), Columns.named(WORD))
            .agg(count(lit(1)).alias(COUNT))
            .withColumn(
                RANK,
                row_number()
                    .over(
                        Window.partitionBy(Columns.named(COLUMN))
                            .orderBy(Columns.named(COUNT).desc(), Columns.named(WORD).asc())))
            .where(Columns.named(RANK).leq(size))
            .groupBy(Columns.named(COLUMN))
            .agg(collect_list(Columns.named(WORD)).alias(WORD));
    for (Row r : top.collectAsList()) {
      List<String> vocabulary = new ArrayList<>(r.getList(1));
      vocabulary.sort(null);
      out.put(r.getInt(0), vocabulary);
    }
    return out;
  }
}
