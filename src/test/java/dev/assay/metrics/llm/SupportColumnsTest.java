package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.spark.Columns;
import dev.assay.spark.SharedSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link SupportColumns} gives, record by record and bit for bit, the {@link SupportState} of the
 * Java definitions ({@link LexicalSupport}, whose own tests check them by hand): on the RAG demo's
 * records and on 3,000 random records built to hit the edge cases of sentences (runs of marks,
 * marks before letters, digits and every kind of whitespace, {@code \r}, blank sentences), entities
 * (stopword-only and acronym words, words after punctuation, non-letters before an upper-case
 * letter, upper-case symbols, supplementary letters, runs across a sentence end), numbers (letters
 * and non-ASCII digits before them, a supplementary letter before them, {@code 1.,2}, separators at
 * the end) and the stopwords; and the explicit classes hold exactly the code points of the Java
 * predicates they stand for. Tagged slow (the higher-order functions are interpreted).
 */
@Tag("slow")
class SupportColumnsTest {

  private static final SparkSession SPARK = SharedSpark.get();

  private static final String[] PIECES = {
    "the",
    "The",
    "I",
    "It's",
    "yes",
    "Yes.",
    "not",
    "cat",
    "Cat",
    "cats",
    "Paris",
    "PARIS",
    "paris",
    "Lyon",
    "New",
    "York",
    "WPA3",
    "X2",
    "x2",
    "iPhone",
    "İstanbul",
    "ǅemal",
    "Ⓐbc",
    "Ⓐ",
    "(Foo)",
    "\"Bar\"",
    "'Baz'",
    "-Qux",
    "𝐀b",
    "𝐀",
    "𝐀1",
    "Éa",
    "é",
    "ΣΟΦΟΣ",
    "Ⅻ",
    "x²",
    "٣4",
    "a1.5",
    "1.5",
    "192.168.8.1",
    "1,000",
    "1.,2",
    "7.",
    "3,",
    ".5",
    "2.4",
    "5",
    "42",
    "e.g.",
    ".",
    "..",
    "!",
    "?",
    "?!",
    "...",
    ",",
    ";",
    ":",
    "-",
    "|",
    "||",
    "Foo|Bar",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\u000b",
    "\f",
    "\u001c",
    "\u001f",
    "\u0001",
    "\u0000",
    "\u0085",
    "\u00a0",
    "\u1680",
    "\u2003",
    "\u2007",
    "\u2008",
    "\u202f",
    "\u2028",
    "\u3000",
    "\ufeff",
    "😀",
    ""
  };

  @Test
  void randomRecordsMatchTheJavaStates() {
    Random random = new Random(31);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String[] refs = new String[random.nextInt(3)];
      for (int j = 0; j < refs.length; j++) {
        refs[j] = random.nextInt(8) == 0 ? null : text(random, 10);
      }
      rows.add(
          RowFactory.create(
              random.nextInt(12) == 0 ? null : text(random, 10),
              random.nextInt(15) == 0 ? null : text(random, 24),
              random.nextInt(10) == 0 ? null : Arrays.asList(refs),
              random.nextInt(12) == 0 ? null : text(random, 40),
              new double[] {0.5, 0.25, 1.0, 1.0 / 3}[i % 4]));
    }
    // long runs of digits and separators (java.util.regex recurses per repeated group)
    String digits = "7".repeat(20_000);
    rows.add(RowFactory.create(null, "A " + digits + " and 1.5", null, digits + " 1,5", 0.5));
    rows.add(RowFactory.create(null, "1.1".repeat(1_000) + " X", null, "1.1 X", 0.5));
    StructType schema =
        StructType.fromDDL(
            "prompt STRING, response STRING, refs ARRAY<STRING>, contexts STRING, t DOUBLE");
    int[] seen = assertSameStates(SPARK.createDataFrame(rows, schema));
    // the random records reach every part of the definitions
    for (int s : seen) {
      assertTrue(s > 100, Arrays.toString(seen));
    }
  }

  @Test
  void ragDemoMatchesTheJavaStates() {
    Dataset<Row> demo = SPARK.read().json("datasets/rag-demo/answers.jsonl");
    int[] seen =
        assertSameStates(
            demo.select(
                Columns.named("prompt"),
                Columns.named("response"),
                functions.array(Columns.named("expected")).as("refs"),
                functions.array_join(Columns.named("contexts"), "\n").as("contexts"),
                functions.lit(0.5).as("t")));
    assertTrue(seen[1] > 0 && seen[2] > 0 && seen[3] > 0, Arrays.toString(seen));
  }

  /** Java's predicates as the explicit classes (every code point). */
  @Test
  void theClassesAreTheJavaPredicates() {
    assertClass(SupportColumns.WHITESPACE, Character::isWhitespace);
    assertClass(SupportColumns.SPACE, c -> " \t\n\u000b\f\r".indexOf(c) >= 0);
    assertClass(
        SupportColumns.LETTER_OR_NUMBER,
        c -> c <= 0xFFFF && Pattern.matches("[\\p{L}\\p{N}]", String.valueOf((char) c)));
    assertClass(
        SupportColumns.LETTER_OR_DIGIT, c -> c <= 0xFFFF && Character.isLetterOrDigit((char) c));
    assertClass(
        SupportColumns.UPPER_LETTER_OR_DIGIT,
        c -> c <= 0xFFFF && Character.isLetterOrDigit((char) c) && Character.isUpperCase((char) c));
  }

  private static void assertClass(String body, IntPredicate expected) {
    Matcher m = Pattern.compile("[" + body + "]").matcher("");
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      assertEquals(
          expected.test(c),
          m.reset(new String(Character.toChars(c))).matches(),
          String.format("U+%04X in [%s]", c, body.length() > 80 ? "..." : body));
    }
  }

  /**
   * Each record's SQL statistics equal {@link SupportState#of} of its texts; returns how many
   * records had groundedness scored, a number, an entity and an unsupported entity.
   */
  private static int[] assertSameStates(Dataset<Row> data) {
    Column prompt = Columns.named("prompt");
    Column response = Columns.named("response");
    Column contexts = Columns.named("contexts");
    Column refs = Columns.named("refs");
    Column given = functions.filter(refs, Column::isNotNull);
    Column reference =
        functions.when(
            functions.coalesce(functions.size(given), functions.lit(0)).gt(0),
            functions.array_join(given, "\n"));
    Dataset<Row> withWords = SupportColumns.withWords(data, prompt, response, contexts);
    // one threshold a row: the thresholds used are literals, one select each
    List<Row> out = new ArrayList<>();
    for (double t : new double[] {0.5, 0.25, 1.0, 1.0 / 3}) {
      out.addAll(
          withWords
              .where(Columns.named("t").equalTo(t))
              .select(
                  prompt,
                  response,
                  refs,
                  contexts,
                  Columns.named("t"),
                  SupportColumns.stats(response, reference, contexts, t))
              .collectAsList());
    }
    int[] seen = new int[4];
    for (Row row : out) {
      List<String> references = PartitionFold.references(row, 2);
      String p = row.isNullAt(0) ? null : row.getString(0);
      String r = row.isNullAt(1) ? null : row.getString(1);
      String c = row.isNullAt(3) ? null : row.getString(3);
      SupportState expected =
          SupportState.of(
              p,
              r,
              references.isEmpty() ? null : String.join("\n", references),
              c,
              row.getDouble(4));
      SupportState actual = SupportState.of(row.<Double>getList(5));
      assertEquals(
          expected,
          actual,
          () ->
              "prompt "
                  + show(p)
                  + " response "
                  + show(r)
                  + " references "
                  + references
                  + " contexts "
                  + show(c)
                  + ": "
                  + Arrays.toString(expected.sums())
                  + expected
                  + " vs "
                  + Arrays.toString(actual.sums())
                  + actual);
      seen[0] += expected.counts()[SupportState.GROUNDEDNESS] > 0 ? 1 : 0;
      seen[1] += expected.numbers() > 0 ? 1 : 0;
      seen[2] += expected.entities() > 0 ? 1 : 0;
      seen[3] += expected.unsupportedEntities() > 0 ? 1 : 0;
    }
    return seen;
  }

  private static String show(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || (c >= 0x7f && c < 0xa1) || Character.isWhitespace(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }

  private static String text(Random random, int max) {
    return SqlScoresEquivalenceTest.text(random, PIECES, max);
  }
}
