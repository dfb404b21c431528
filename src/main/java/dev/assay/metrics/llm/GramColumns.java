package dev.assay.metrics.llm;

import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * N-grams and multiset overlaps as built-in Spark SQL expressions, for {@link BleuColumns} and
 * {@link ChrfColumns}.
 *
 * <p>A multiset becomes a set by tagging each element with its occurrence number: the k-th copy
 * (from 0) of {@code g} becomes {@code "k:g"} (the tag is digits up to the first colon, so the
 * string decodes uniquely). The occurrence numbers come from the sorted array, where equal elements
 * are adjacent: the element at index i (from 1) is copy {@code i - array_position(sorted, g)}. Then
 * for multisets A and B, {@code size(array_intersect(tags(A), tags(B)))} is Σ over g of min(count
 * in A, count in B) — the clipped match count of BLEU and chrF — and {@code
 * array_intersect(tags(A), flatten(tags(B1), tags(B2), …))} clips by the highest count in any B
 * (BLEU with several references). This costs a sort and a linear {@code array_position} per element
 * instead of a {@code filter} per distinct element.
 */
final class GramColumns {

  private GramColumns() {}

  /**
   * {@code body} applied to the value of {@code value} computed once: {@code
   * element_at(transform(array(value), body), 1)} (a lambda variable is evaluated once, where an
   * expression inside a lambda is evaluated at every call).
   */
  static Column let(Column value, Function<Column, Column> body) {
    return functions.element_at(
        functions.transform(functions.array(value), body::apply), functions.lit(1));
  }

  /**
   * The n-grams of order n of a token array ({@code array<string>}; a column or a lambda variable,
   * not a compound expression), each joined by a space; empty when shorter than n.
   */
  static Column tokenGrams(Column tokens, int n) {
    return grams(
        functions.size(tokens),
        n,
        i -> functions.array_join(functions.slice(tokens, i, functions.lit(n)), " "));
  }

  /**
   * The character n-grams of order n of a text (a column or a lambda variable): {@code substring}
   * and {@code length} count code points, as Python slices a {@code str}; empty when shorter.
   */
  static Column charGrams(Column text, int n) {
    return grams(functions.length(text), n, i -> text.substr(i, functions.lit(n)));
  }

  /** The n-grams at positions 1..length − n + 1 ({@code gram} of the position); empty if none. */
  private static Column grams(Column length, int n, Function<Column, Column> gram) {
    return functions
        .when(
            length.geq(n),
            functions.transform(
                functions.sequence(functions.lit(1), length.minus(n - 1)), gram::apply))
        .otherwise(functions.array().cast("array<string>"));
  }

  /** The elements tagged with their occurrence numbers ({@code "k:g"}), a set. */
  static Column tags(Column grams) {
    return let(
        functions.sort_array(grams),
        sorted ->
            functions.transform(
                sorted,
                (g, i) ->
                    functions.concat(
                        i.plus(1).minus(functions.array_position(sorted, g)).cast("string"),
                        functions.lit(":"),
                        g)));
  }

  /** Σ over g of min(count in a, count in b), from two tagged arrays ({@link #tags}). */
  static Column overlap(Column taggedA, Column taggedB) {
    return functions.size(functions.array_intersect(taggedA, taggedB));
  }
}
