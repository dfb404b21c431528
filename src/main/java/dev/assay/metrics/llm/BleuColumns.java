package dev.assay.metrics.llm;

import dev.assay.spark.Columns;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@link Bleu}'s per-segment sufficient statistics as built-in Spark SQL expressions (the SQL form
 * of {@link LlmAnalysis}, used on GPU executors), so the 13a tokenization and the clipped n-gram
 * matches run in the plan instead of in Java:
 *
 * <ol>
 *   <li>{@link Tokenizer13a}: trailing Python whitespace removed ({@code rstrip}) by {@code rtrim}
 *       with every whitespace character, {@code replace} of {@code <skipped>}, {@code "-\n"},
 *       {@code "\n"} and the four entities (a no-op without {@code &}, so done always), padding
 *       with {@code concat}, the four regular expressions of {@link Tokenizer13a} themselves with
 *       {@code regexp_replace} (Java's {@code replaceAll} semantics on both sides), then {@code
 *       split} on Python whitespace and {@code filter} of the empty strings;
 *   <li>the n-grams of order 1..4 ({@link GramColumns#tokenGrams}), joined by a space (tokens hold
 *       no whitespace, so the key is unambiguous, as in {@link Bleu}), tagged with their occurrence
 *       numbers ({@link GramColumns#tags});
 *   <li>per order, the clipped matches Σ over the hypothesis n-grams of min(count in the
 *       hypothesis, highest count in any reference): the size of {@code array_intersect} of the
 *       hypothesis tags with the {@code flatten}ed tags of all references; the totals are the
 *       sizes; the closest reference length is the shortest of those at the smallest |hyp − ref|
 *       ({@code array_min}, {@code filter}).
 * </ol>
 *
 * The result is the {@code array<bigint>} layout of {@link Bleu#SIZE}, equal to {@link
 * Bleu#segment} (LlmFormsEquivalenceTest).
 */
final class BleuColumns {

  /** The column of {@link #withGrams} holding the hypothesis tokens. */
  static final String HYP_TOKENS = "__assay_bleu_hyp_tokens";

  /** The column of {@link #withGrams} holding the hypothesis n-gram tags, one array per order. */
  static final String HYP = "__assay_bleu_hyp";

  /** The column of {@link #withGrams}: per reference, its length and n-gram tags per order. */
  static final String REFS = "__assay_bleu_refs";

  /**
   * Every character for which Python's {@code str.isspace()} is true ({@link Whitespace#isSpace}),
   * for {@code rtrim}: Python's {@code rstrip()} without a regular expression (RAPIDS rejects the
   * {@code \z} anchor of {@code [..]+\z}).
   */
  private static final String PYTHON_SPACE = pythonSpace();

  private BleuColumns() {}

  /**
   * The references BLEU and chrF score against, as {@link OverlapState#of} takes them: the
   * non-null, non-empty ones (sacreBLEU drops empty references), or the empty text when none is
   * left.
   */
  static Column references(Column references) {
    Column nonEmpty =
        functions.filter(references, r -> r.isNotNull().and(r.notEqual(functions.lit(""))));
    return functions
        .when(functions.size(nonEmpty).equalTo(0), functions.array(functions.lit("")))
        .otherwise(nonEmpty);
  }

  /**
   * {@code data} with the hypothesis tokens and n-gram tags and, per BLEU reference ({@link
   * #references}), its length and n-gram tags.
   */
  static Dataset<Row> withGrams(Dataset<Row> data, Column response, Column references) {
    return data.withColumn(HYP_TOKENS, tokens(response))
        .withColumn(HYP, grams(Columns.named(HYP_TOKENS)))
        .withColumn(
            REFS,
            functions.transform(
                functions.transform(references(references), BleuColumns::tokens),
                t -> functions.struct(functions.size(t).as("len"), grams(t).as("grams"))));
  }

  /**
   * The segment's statistics [hyp_len, ref_len, matches_1..4, totals_1..4] from the columns of
   * {@link #withGrams}, as {@code array<bigint>}; meaningful where the response and a reference are
   * present (the caller decides).
   */
  static Column stats() {
    Column hyp = Columns.named(HYP);
    Column refs = Columns.named(REFS);
    Column hypLen = functions.size(Columns.named(HYP_TOKENS));
    Column lengths = functions.transform(refs, r -> r.getField("len"));
    Column smallestDiff =
        functions.array_min(functions.transform(lengths, l -> functions.abs(hypLen.minus(l))));
    Column closest =
        functions.array_min(
            functions.filter(lengths, l -> functions.abs(hypLen.minus(l)).equalTo(smallestDiff)));
    Column[] out = new Column[Bleu.SIZE];
    out[0] = hypLen.cast("bigint");
    out[1] = closest.cast("bigint");
    for (int n = 1; n <= Bleu.MAX_ORDER; n++) {
      int order = n;
      Column grams = functions.element_at(hyp, n);
      Column refGrams =
          functions.flatten(
              functions.transform(
                  refs, r -> functions.element_at(r.getField("grams"), functions.lit(order))));
      out[1 + n] = GramColumns.overlap(grams, refGrams).cast("bigint");
      out[1 + Bleu.MAX_ORDER + n] = functions.size(grams).cast("bigint");
    }
    return functions.array(out);
  }

  /** {@link Tokenizer13a#tokens}: the 13a tokens of a segment after {@code rstrip}. */
  static Column tokens(Column segment) {
    Column line = functions.rtrim(segment, PYTHON_SPACE);
    line = replace(line, "<skipped>", "");
    line = replace(line, "-\n", "");
    line = replace(line, "\n", " ");
    line = replace(line, "&quot;", "\"");
    line = replace(line, "&amp;", "&");
    line = replace(line, "&lt;", "<");
    line = replace(line, "&gt;", ">");
    line = functions.concat(functions.lit(" "), line, functions.lit(" "));
    line = functions.regexp_replace(line, Tokenizer13a.PUNCTUATION.pattern(), " $1 ");
    line =
        functions.regexp_replace(
            line, Tokenizer13a.PERIOD_COMMA_AFTER_NON_DIGIT.pattern(), "$1 $2 ");
    line =
        functions.regexp_replace(
            line, Tokenizer13a.PERIOD_COMMA_BEFORE_NON_DIGIT.pattern(), " $1 $2");
    line = functions.regexp_replace(line, Tokenizer13a.DASH_AFTER_DIGIT.pattern(), "$1 $2 ");
    return functions.filter(
        functions.split(line, "[" + SquadColumns.SPACE + "]+"), t -> t.notEqual(functions.lit("")));
  }

  /** The tagged n-grams of order 1..4 of a token array (a column or lambda variable). */
  private static Column grams(Column tokens) {
    Column[] orders = new Column[Bleu.MAX_ORDER];
    for (int n = 1; n <= Bleu.MAX_ORDER; n++) {
      orders[n - 1] = GramColumns.tags(GramColumns.tokenGrams(tokens, n));
    }
    return functions.array(orders);
  }

  private static String pythonSpace() {
    int[] spaces =
        IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(Whitespace::isSpace).toArray();
    return new String(spaces, 0, spaces.length);
  }

  private static Column replace(Column text, String search, String replacement) {
    return functions.replace(text, functions.lit(search), functions.lit(replacement));
  }
}
