package dev.assay.metrics.llm;

import dev.assay.spark.Columns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The per-record semantic scores as built-in Spark SQL expressions over embedding columns ({@code
 * array<float|double>}, the contexts {@code array<array<float|double>>}): cosine similarity from
 * the higher-order functions {@code transform} (with the element's index) and {@code aggregate}, so
 * no UDF and no extra job — the scores are columns of the llm family's one pass. No {@code
 * zip_with} and no {@code try_divide}: the RAPIDS Accelerator has neither (it sent them, and the
 * expressions around them, through its CPU bridge), so the products are {@code transform(a, (x, i)
 * -> x * get(b, i))} and each division is a plain one under a {@code CASE WHEN} on its divisor;
 * both give the former expressions' doubles bit for bit (the same operations in the same order).
 *
 * <ul>
 *   <li>{@link #answerReference}: cos(response, reference) — RAGAS "answer similarity" computed on
 *       the embeddings the data supplies;
 *   <li>{@link #answerContext}: the largest cos(response, context) over the record's contexts — the
 *       response is supported by at least one passage;
 *   <li>{@link #contextQuestion}: the mean cos(prompt, context) over the record's contexts — how
 *       relevant the retrieved passages are to the question.
 * </ul>
 *
 * A score is null when a vector it needs is null or empty, the two vectors differ in length, a
 * vector has zero norm, or an element is null, NaN or infinite (missing, as everywhere in Assay).
 */
final class SemanticColumns {

  private SemanticColumns() {}

  /** A vector column as {@code array<double>} (null without a column name). */
  static Column vector(String column) {
    return column == null
        ? functions.lit(null).cast("array<double>")
        : Columns.named(column).cast("array<double>");
  }

  /** The contexts' vectors as {@code array<array<double>>} (null without a column name). */
  static Column vectors(String column) {
    return column == null
        ? functions.lit(null).cast("array<array<double>>")
        : Columns.named(column).cast("array<array<double>>");
  }

  /** cos(response, reference), or null. */
  static Column answerReference(LlmColumns.Embeddings e) {
    return cosine(vector(e.response()), vector(e.reference()));
  }

  /** The largest cos(response, context) over the contexts, or null when none is defined. */
  static Column answerContext(LlmColumns.Embeddings e) {
    Column response = vector(e.response());
    return functions.array_max(
        functions.transform(vectors(e.contexts()), c -> cosine(response, c)));
  }

  /** The mean cos(prompt, context) over the contexts with a defined cosine, or null. */
  static Column contextQuestion(LlmColumns.Embeddings e) {
    Column prompt = vector(e.prompt());
    Column scores =
        functions.filter(
            functions.transform(vectors(e.contexts()), c -> cosine(prompt, c)), Column::isNotNull);
    Column sum = functions.aggregate(scores, functions.lit(0.0), Column::plus);
    return functions.when(
        functions.size(scores).gt(0), sum.divide(functions.size(scores).cast("double")));
  }

  /**
   * cos(a, b) = a·b / (‖a‖ ‖b‖), or null when either is null or empty, their lengths differ, a norm
   * is 0, or the result is not finite (a NaN or infinite element).
   */
  static Column cosine(Column a, Column b) {
    Column dot = sum(products(a, b));
    Column norms = functions.sqrt(sum(squares(a))).multiply(functions.sqrt(sum(squares(b))));
    // null, not an error, for a zero norm (and for a NaN one, which `defined` rejects anyway)
    Column cos = functions.when(norms.gt(0), dot.divide(norms));
    Column defined =
        functions
            .size(a)
            .gt(0)
            .and(functions.size(a).equalTo(functions.size(b)))
            .and(norms.gt(0))
            .and(norms.lt(Double.POSITIVE_INFINITY))
            .and(functions.not(functions.isnan(cos)))
            .and(functions.abs(cos).leq(1.0 + 1e-9));
    // clamp rounding just outside [-1, 1]
    return functions.when(
        defined, functions.greatest(functions.lit(-1.0), functions.least(functions.lit(1.0), cos)));
  }

  /**
   * The element-wise products a[i] × b[i] over a's indices: {@code zip_with(a, b, *)} where the
   * lengths agree (a longer b's tail is dropped and a shorter b gives null products, where {@code
   * zip_with} would give nulls past a's end too; either way the cosine is null, as its lengths
   * differ). {@code get} is null past the end, never an error.
   */
  static Column products(Column a, Column b) {
    return functions.transform(a, (x, i) -> x.multiply(functions.get(b, i)));
  }

  private static Column squares(Column v) {
    return functions.transform(v, x -> x.multiply(x));
  }

  /** The sum of an {@code array<double>}; null when an element is null. */
  private static Column sum(Column v) {
    return functions.aggregate(v, functions.lit(0.0), Column::plus);
  }
}
