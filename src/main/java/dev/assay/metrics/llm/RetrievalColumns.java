package dev.assay.metrics.llm;

import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * {@link Retrieval}'s six per-record scores as built-in Spark SQL expressions, so the id matching
 * runs in the plan instead of in Java: with binary relevance ({@link #scores}) and, since
 * 2026-12-04, with graded relevance ({@link #gradedScores}: entries {@code id:grade}, the grade
 * read as {@link Retrieval#grades} reads it with Java's {@code Double.parseDouble}).
 *
 * <p>The ids are prepared as {@link Retrieval#ids}: {@code transform} with {@code regexp_replace}
 * trims each id of the characters up to U+0020 (Java's {@code String.trim}), {@code filter} drops
 * null and empty ids, {@code array_distinct} keeps each id's first rank. The ranks of the relevant
 * retrieved ids ({@code transform} with the index, {@code filter}) give every score: hits in the
 * top k, the first rank (MRR), the running precision at each hit summed in rank order (AP), and DCG
 * and the ideal DCG summed in rank order over the discounts 1 / log2(rank + 1), taken for ranks
 * 1..k from a literal array that Java computes with {@link Retrieval}'s own {@code log2} — so every
 * value is bit for bit that of {@link Retrieval#scores} (RetrievalColumnsTest).
 */
final class RetrievalColumns {

  /**
   * What Java's {@code String.trim} removes at the start, the characters U+0000 to U+0020, as a
   * regular expression (written with escapes: a literal NUL in the plan would make the GPU plan
   * check's {@code grep} read its log as binary). The end is trimmed as the start of the reversed
   * string ({@link #trim}): the RAPIDS Accelerator does not take {@code \\z} ("\\z is not supported
   * on GPU for find or replace"), and {@code $} also matches before a final line terminator such as
   * U+2028, which {@code String.trim} keeps.
   */
  private static final String LEADING = "^[\\x00-\\x20]+";

  /**
   * The spellings {@code Double.parseDouble} accepts (its Javadoc's grammar, {@code
   * Double.valueOf}) once the text is trimmed as {@link Retrieval#grades} trims it, except {@code
   * NaN} and {@code Infinity}, which are never a valid grade: an optional sign, then decimal digits
   * with an optional point, fraction and exponent, or a point and digits with an optional exponent,
   * or a hexadecimal significand with a binary exponent; then an optional {@code f}, {@code F},
   * {@code d} or {@code D}. Spark's cast from string to double accepts more ({@code inf}, {@code
   * nan} in any case, and surrounding characters Java's {@code trim} keeps, such as U+0085 or
   * U+2028), so only a text of this shape is cast; every other text is an invalid grade, as a
   * {@code NumberFormatException} makes it in Java. {@code $} matches only at the end here: {@link
   * #NOT_NUMBER_CHAR} has already excluded every line terminator.
   */
  static final String JAVA_DOUBLE =
      "^[+-]?(0[xX]([0-9a-fA-F]+[.]?|[0-9a-fA-F]*[.][0-9a-fA-F]+)[pP][+-]?[0-9]+"
          + "|[0-9]+[.]?[0-9]*([eE][+-]?[0-9]+)?|[.][0-9]+([eE][+-]?[0-9]+)?)[fFdD]?$";

  /** A character no spelling of {@link #JAVA_DOUBLE} holds (any but ASCII letters, digits, .+-). */
  static final String NOT_NUMBER_CHAR = "[^0-9A-Za-z.+-]";

  private RetrievalColumns() {}

  /**
   * The six scores in the order of {@link Retrieval#NAMES} as {@code array<double>}, or null when
   * the record has no relevant id (unjudged).
   *
   * @param retrieved the ranked ids, {@code array<string>} (null: nothing retrieved)
   * @param relevant the relevant ids, {@code array<string>} (null: none)
   * @param k the cut-off, at least 1
   */
  static Column scores(Column retrieved, Column relevant, int k) {
    Column rel = ids(relevant);
    Column ranked = ids(retrieved);
    Column ranks = ranks(ranked, rel);
    Column discounts =
        functions.array(
            IntStream.rangeClosed(1, k)
                .mapToObj(rank -> functions.lit(1.0 / Retrieval.log2(rank + 1)))
                .toArray(Column[]::new));
    Column dcg =
        sum(
            functions.transform(
                functions.filter(ranks, r -> r.leq(k)), r -> functions.element_at(discounts, r)));
    Column idcg =
        sum(
            functions.slice(
                discounts,
                functions.lit(1),
                functions.least(functions.lit(k), functions.size(rel))));
    Column scores = scoreArray(ranks, rel, k, dcg, idcg);
    return functions
        .when(functions.size(rel).equalTo(0), functions.lit(null).cast("array<double>"))
        .otherwise(scores);
  }

  /**
   * The six scores with graded relevance as {@code array<double>} in the order of {@link
   * Retrieval#NAMES}, bit for bit those of {@link RetrievalState#graded}: null when no relevant
   * entry has a grade above 0 (unjudged), an <b>empty array</b> when an entry has no valid grade
   * (the record counts as such and the audit stops, as with {@link Retrieval#grades}' null).
   *
   * <p>Each relevant entry (trimmed, distinct, as {@link Retrieval#ids}) is split at its last colon
   * (the part after it: the reversed entry's leading run of non-colons; the part before: the rest),
   * the grade text trimmed as {@code String.trim} trims; it is valid when the entry has a colon
   * after its first character, the text has the shape {@link #JAVA_DOUBLE} (so that the cast reads
   * it as {@code Double.parseDouble} does) and the grade is at least 0 and finite. The ids with a
   * grade above 0 are relevant, each with its highest grade (an id may be listed twice); the five
   * binary scores count them as {@link #scores} does, nDCG's gains are the grades divided by a
   * literal array of Java's own {@code log2(rank + 1)}, summed in rank order, and the ideal DCG
   * sums the grades sorted from high to low over the first min(k, relevant) ranks.
   *
   * @param retrieved the ranked ids, {@code array<string>} (null: nothing retrieved)
   * @param relevant the relevant entries {@code id:grade}, {@code array<string>} (null: none)
   * @param k the cut-off, at least 1
   */
  static Column gradedScores(Column retrieved, Column relevant, int k) {
    Column entries =
        functions.transform(
            ids(relevant),
            e -> {
              Column reversed = functions.reverse(e);
              Column before = functions.reverse(functions.regexp_replace(reversed, "^[^:]*:", ""));
              Column text =
                  trim(functions.reverse(functions.regexp_extract(reversed, "^[^:]*", 0)));
              Column number =
                  functions.not(text.rlike(NOT_NUMBER_CHAR)).and(text.rlike(JAVA_DOUBLE));
              Column grade = functions.when(number, text.cast("double"));
              Column valid =
                  functions.coalesce(
                      e.contains(":")
                          .and(before.notEqual(functions.lit("")))
                          .and(grade.geq(0.0))
                          .and(grade.lt(Double.POSITIVE_INFINITY)),
                      functions.lit(false));
              return functions.struct(
                  valid.alias("valid"), trim(before).alias("id"), grade.alias("grade"));
            });
    Column positive = functions.filter(entries, g -> g.getField("grade").gt(0.0));
    Column rel = functions.array_distinct(functions.transform(positive, g -> g.getField("id")));
    Column grades =
        functions.transform(
            rel,
            id ->
                functions.array_max(
                    functions.transform(
                        functions.filter(positive, g -> g.getField("id").equalTo(id)),
                        g -> g.getField("grade"))));
    Column ranked = ids(retrieved);
    Column ranks = ranks(ranked, rel);
    Column logs =
        functions.array(
            IntStream.rangeClosed(1, k)
                .mapToObj(rank -> functions.lit(Retrieval.log2(rank + 1)))
                .toArray(Column[]::new));
    Column dcg =
        sum(
            functions.transform(
                functions.filter(ranks, r -> r.leq(k)),
                r ->
                    functions
                        .element_at(
                            grades,
                            functions
                                .array_position(rel, functions.element_at(ranked, r))
                                .cast("int"))
                        .divide(functions.element_at(logs, r))));
    Column ideal = functions.sort_array(grades, false);
    Column idcg =
        sum(
            functions.transform(
                functions.slice(
                    ideal,
                    functions.lit(1),
                    functions.least(functions.lit(k), functions.size(rel))),
                (g, i) -> g.divide(functions.element_at(logs, i.plus(1)))));
    Column scores = scoreArray(ranks, rel, k, dcg, idcg);
    return functions
        .when(
            functions.exists(entries, g -> functions.not(g.getField("valid"))),
            functions.array().cast("array<double>"))
        .when(functions.size(rel).equalTo(0), functions.lit(null).cast("array<double>"))
        .otherwise(scores);
  }

  /** The 1-based ranks at which an id of {@code rel} was retrieved, in rank order. */
  private static Column ranks(Column ranked, Column rel) {
    return functions.filter(
        functions.transform(
            ranked,
            (id, i) ->
                functions
                    .when(functions.array_contains(rel, id), i.plus(1))
                    .otherwise(functions.lit(0))),
        r -> r.gt(0));
  }

  /**
   * The six scores in the order of {@link Retrieval#NAMES} from the hits' ranks and nDCG's two
   * sums, with {@link RetrievalState}'s double operations in its order.
   */
  private static Column scoreArray(Column ranks, Column rel, int k, Column dcg, Column idcg) {
    Column relevantCount = functions.size(rel).cast("double");
    Column hitsAtK = functions.size(functions.filter(ranks, r -> r.leq(k))).cast("double");
    Column firstHit =
        functions
            .when(
                functions.size(ranks).gt(0),
                functions.lit(1.0).divide(functions.element_at(ranks, 1).cast("double")))
            .otherwise(functions.lit(0.0));
    Column precisionSum =
        sum(
            functions.transform(
                ranks, (r, i) -> i.plus(1).cast("double").divide(r.cast("double"))));
    return functions.array(
        hitsAtK.divide(relevantCount),
        hitsAtK.divide(functions.lit((double) k)),
        functions.when(hitsAtK.gt(0), functions.lit(1.0)).otherwise(functions.lit(0.0)),
        firstHit,
        dcg.divide(idcg),
        precisionSum.divide(relevantCount));
  }

  /** The ids trimmed, without null and empty ones, each at its first rank; empty for null. */
  private static Column ids(Column given) {
    Column trimmed =
        functions.transform(
            functions.coalesce(given, functions.array().cast("array<string>")),
            RetrievalColumns::trim);
    return functions.array_distinct(
        functions.filter(trimmed, id -> id.isNotNull().and(id.notEqual(functions.lit("")))));
  }

  /**
   * Java's {@code String.trim}: the leading run of U+0000–U+0020 removed, then the leading run of
   * the reversed string (code points reversed, so reversing twice gives the string back).
   */
  static Column trim(Column id) {
    Column start = functions.regexp_replace(id, LEADING, "");
    return functions.reverse(functions.regexp_replace(functions.reverse(start), LEADING, ""));
  }

  /** The sum of an {@code array<double>} from left to right, starting at 0.0 (0.0 when empty). */
  private static Column sum(Column values) {
    return functions.aggregate(values, functions.lit(0.0), Column::plus);
  }
}
