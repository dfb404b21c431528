package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.spark.Columns;
import dev.assay.spark.SharedSpark;
import dev.assay.spark.UnicodeRangesTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The column expressions of {@link SquadColumns}, {@link BleuColumns}, {@link ChrfColumns} and
 * {@link RetrievalColumns} give, record by record and bit for bit, the values of the Java
 * definitions {@link Squad#best}, {@link Bleu#segment}, {@link Chrf#segment} and {@link
 * Retrieval#scores} (which their own tests check by hand): on the RAG demo's records and on a few
 * thousand random texts and id lists built to hit the edge cases (articles next to non-ASCII
 * punctuation, every kind of Python whitespace, letters and numbers outside ASCII, supplementary
 * characters, case mappings, null and empty references, 13a's entities, {@code <skipped>}, {@code
 * -\n} and digits with {@code . , -}, repeated n-grams, ids with spaces and control characters,
 * duplicates). Tagged slow (the higher-order functions are interpreted, not compiled);
 * LlmFormsEquivalenceTest runs the whole family in both forms.
 */
@Tag("slow")
class SqlScoresEquivalenceTest {

  private static final SparkSession SPARK = SharedSpark.get();

  private static final String[] PIECES = {
    "the",
    "The",
    "THE",
    "a",
    "A",
    "an",
    "An",
    "cat",
    "Cat",
    "dog",
    "café",
    "CAFÉ",
    "naïve",
    "İstanbul",
    "ΣΟΦΟΣ",
    "straße",
    "ǅemal",
    "x²",
    "Ⅻ",
    "٣٤",
    "𝐀bc",
    "😀",
    "_",
    "an_the",
    "the_",
    "—",
    "“the”",
    "¿a?",
    "(an)",
    "a.",
    "the,",
    "don't",
    "U.S.A.",
    "42",
    "3.14",
    "e-mail",
    "#1",
    " ",
    "  ",
    "\t",
    "\n",
    "\u000b",
    "\u000c",
    "\r",
    "\u001c",
    "\u001f",
    "\u0085",
    "\u00a0",
    "\u1680",
    "\u2000",
    "\u2007",
    "\u200a",
    "\u200b",
    "\u2028",
    "\u2029",
    "\u202f",
    "\u205f",
    "\u3000",
    "\ufeff",
    "\u0000",
    "&amp;",
    "&quot;",
    "&lt;b&gt;",
    "&",
    "<skipped>",
    "-\n",
    "1,000",
    "2.5",
    "7-",
    "-9",
    ".,",
    "x=y",
    "ab",
    "abab",
    "𝐀𝐀",
    ""
  };

  private static final String[] IDS = {
    "a", "b", "c", "d", "e", " a", "b ", "\ta", "c\u0000", "", " ", "\u00a0a", "A", null
  };

  @Test
  void squadBleuAndChrfColumnsMatchTheJavaScores() {
    Random random = new Random(23);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      int refs = random.nextInt(4);
      String[] references = new String[refs];
      for (int j = 0; j < refs; j++) {
        references[j] = random.nextInt(12) == 0 ? null : text(random);
      }
      rows.add(
          RowFactory.create(
              (long) i,
              random.nextInt(20) == 0 ? null : text(random),
              random.nextInt(20) == 0 ? null : Arrays.asList(references)));
    }
    StructType schema =
        new StructType()
            .add("id", DataTypes.LongType)
            .add("response", DataTypes.StringType)
            .add("refs", DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> data = SPARK.createDataFrame(rows, schema);
    Dataset<Row> demo = SPARK.read().json("datasets/rag-demo/answers.jsonl");
    // the word class of CPU executors (\p{..}) and of GPU executors (explicit ranges)
    for (String word : List.of(SquadColumns.WORD, SquadColumns.WORD_GPU)) {
      assertSquadEqual(data, Columns.named("response"), Columns.named("refs"), word);
      assertSquadEqual(
          demo, Columns.named("response"), functions.array(Columns.named("expected")), word);
    }
  }

  /** The GPU form's word class holds exactly the code points of {@code [\p{L}\p{N}_]}. */
  @Test
  void theExplicitWordClassIsTheUnicodeCategories() {
    UnicodeRangesTest.assertClassIs(
        "[" + SquadColumns.WORD + "]", "[" + SquadColumns.WORD_GPU + "]");
  }

  private static void assertSquadEqual(
      Dataset<Row> data, Column response, Column refs, String word) {
    Dataset<Row> withColumns =
        ChrfColumns.withGrams(
            BleuColumns.withGrams(
                SquadColumns.withTokens(data, response, refs, word), response, refs),
            response,
            refs);
    List<Row> out =
        withColumns
            .select(
                response.as("r"),
                refs.as("refs"),
                SquadColumns.best().as("squad"),
                BleuColumns.stats().as("bleu"),
                ChrfColumns.stats().as("chrf"))
            .collectAsList();
    int scored = 0;
    for (Row row : out) {
      String r = row.isNullAt(0) ? null : row.getString(0);
      List<String> references = PartitionFold.references(row, 1);
      if (r == null || references.isEmpty()) {
        assertEquals(true, row.isNullAt(2), String.valueOf(row));
        continue;
      }
      scored++;
      double[] expected = Squad.best(r, references);
      Row squad = row.getStruct(2);
      String where = "response " + r + " references " + references;
      assertEquals(expected[0] == 1, squad.getBoolean(0), where);
      assertEquals(
          Double.doubleToLongBits(expected[1]), Double.doubleToLongBits(squad.getDouble(1)), where);
      List<String> bleuRefs = OverlapState.bleuReferences(references);
      assertEquals(
          Arrays.toString(Bleu.segment(r, bleuRefs)),
          Arrays.toString(PartitionFold.counts(row, 3)),
          where);
      assertEquals(
          Arrays.toString(Chrf.segment(r, bleuRefs)),
          Arrays.toString(PartitionFold.counts(row, 4)),
          where);
    }
    assertEquals(true, scored > out.size() / 2, "scored " + scored);
  }

  @Test
  void retrievalColumnsMatchTheJavaScores() {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(
          RowFactory.create(
              (long) i, ids(random, 9), ids(random, 4), new int[] {1, 2, 3, 5, 10}[i % 5]));
    }
    StructType schema =
        new StructType()
            .add("id", DataTypes.LongType)
            .add("retrieved", DataTypes.createArrayType(DataTypes.StringType))
            .add("relevant", DataTypes.createArrayType(DataTypes.StringType))
            .add("k", DataTypes.IntegerType);
    Dataset<Row> data = SPARK.createDataFrame(rows, schema);
    Column retrieved = Columns.named("retrieved");
    Column relevant = Columns.named("relevant");
    Column[] byK = new Column[11];
    for (int k : new int[] {1, 2, 3, 5, 10}) {
      byK[k] = RetrievalColumns.scores(retrieved, relevant, k);
    }
    Column scores = functions.lit(null).cast("array<double>");
    for (int k : new int[] {1, 2, 3, 5, 10}) {
      scores = functions.when(Columns.named("k").equalTo(k), byK[k]).otherwise(scores);
    }
    List<Row> out = data.select(retrieved, relevant, Columns.named("k"), scores).collectAsList();
    Dataset<Row> demo = SPARK.read().json("datasets/rag-demo/answers.jsonl");
    out = new ArrayList<>(out);
    out.addAll(
        demo.select(
                Columns.named("retrieved_ids"),
                Columns.named("relevant_ids"),
                functions.lit(5),
                RetrievalColumns.scores(
                    Columns.named("retrieved_ids"), Columns.named("relevant_ids"), 5))
            .collectAsList());
    int judged = 0;
    for (Row row : out) {
      List<String> r = row.isNullAt(0) ? null : row.getList(0);
      List<String> rel = row.isNullAt(1) ? null : row.getList(1);
      double[] expected = Retrieval.scores(r, rel, row.getInt(2));
      double[] actual = PartitionFold.scores(row, 3);
      String where = r + " against " + rel + " k " + row.getInt(2);
      if (expected == null) {
        assertEquals(null, actual, where);
        continue;
      }
      judged++;
      assertEquals(Arrays.toString(expected), Arrays.toString(actual), where);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(
            Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]), where);
      }
    }
    assertEquals(true, judged > out.size() / 2, "judged " + judged);
  }

  private static String text(Random random) {
    return text(random, PIECES, 14);
  }

  /** Up to {@code max - 1} random pieces, each followed by a space two times in three. */
  static String text(Random random, String[] pieces, int max) {
    StringBuilder out = new StringBuilder();
    int n = random.nextInt(max);
    for (int i = 0; i < n; i++) {
      out.append(pieces[random.nextInt(pieces.length)]);
      if (random.nextInt(3) > 0) {
        out.append(' ');
      }
    }
    return out.toString();
  }

  private static List<String> ids(Random random, int max) {
    if (random.nextInt(15) == 0) {
      return null;
    }
    String[] out = new String[random.nextInt(max + 1)];
    for (int i = 0; i < out.length; i++) {
      out[i] = IDS[random.nextInt(IDS.length)];
    }
    return Arrays.asList(out);
  }
}
