package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.spark.Columns;
import dev.assay.spark.SharedSpark;
import dev.assay.spark.UnicodeRangesTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
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
    Dataset<Row> data =
        SPARK.createDataFrame(
            rows, retrievalSchema(new StructType().add("id", DataTypes.LongType)));
    Column retrieved = Columns.named("retrieved");
    Column relevant = Columns.named("relevant");
    Column scores = atRowK(k -> RetrievalColumns.scores(retrieved, relevant, k));
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

  /**
   * {@link Sentiment#score(Column)} equals {@link Sentiment#score(String)} bit for bit on 3,000
   * random texts of lexicon words (in upper and mixed case, with apostrophes, digits and letters
   * glued on) among {@link #PIECES}, and on the RAG demo's responses.
   */
  @Test
  void sentimentColumnMatchesTheJavaScore() {
    List<String> words = new ArrayList<>();
    for (String w : new java.util.TreeSet<>(Sentiment.POSITIVE)) {
      words.add(w);
    }
    for (String w : new java.util.TreeSet<>(Sentiment.NEGATIVE)) {
      words.add(w);
    }
    List<String> pieces = new ArrayList<>(Arrays.asList(PIECES));
    for (String w : words) {
      pieces.add(w);
      pieces.add(w.toUpperCase(java.util.Locale.ROOT));
      pieces.add(w + "'s");
      pieces.add(w + "1");
      pieces.add("\u212a" + w);
      pieces.add("un" + w);
    }
    String[] all = pieces.toArray(String[]::new);
    Random random = new Random(17);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(RowFactory.create(random.nextInt(30) == 0 ? null : text(random, all, 16)));
    }
    Dataset<Row> data =
        SPARK
            .createDataFrame(rows, new StructType().add("text", DataTypes.StringType))
            .union(
                SPARK
                    .read()
                    .json("datasets/rag-demo/answers.jsonl")
                    .select(Columns.named("response").as("text")));
    int opinions = 0;
    for (Row row :
        data.select(Columns.named("text"), Sentiment.score(Columns.named("text")))
            .collectAsList()) {
      if (row.isNullAt(0)) {
        assertEquals(true, row.isNullAt(1));
        continue;
      }
      double expected = Sentiment.score(row.getString(0));
      assertEquals(
          Double.doubleToLongBits(expected),
          Double.doubleToLongBits(row.getDouble(1)),
          row.getString(0));
      opinions += expected != 0 ? 1 : 0;
    }
    assertEquals(true, opinions > 1000, "texts with opinion words " + opinions);
  }

  /**
   * Grade spellings: what Java's {@code Double.parseDouble} reads and what it refuses, among them
   * the ones Spark's cast reads otherwise ({@code inf}, {@code nan}, characters {@code trim} keeps,
   * line terminators where {@code $} would match), signs, suffixes, hexadecimal significands,
   * overflow, underflow, negative zero, full-width digits and empty texts.
   */
  static final String[] ODD_GRADES = {
    "1e0",
    " 2",
    "2 ",
    "\t3\u000b",
    "0x1p1",
    "0X1P1",
    "0x1.8p1",
    "0x.8p1",
    "0x1.p1",
    "0x1p1d",
    "0x1p-1074",
    "0x1",
    "NaN",
    "+NaN",
    "nan",
    "Infinity",
    "+Infinity",
    "-Infinity",
    "inf",
    "INFINITY",
    "+1",
    "1d",
    "1f",
    "1D",
    "1F",
    "1e0d",
    "1.",
    ".5",
    ".5e1",
    "1e",
    "e1",
    "-0",
    "-0.0",
    "-1",
    "-0x0p0",
    "1_0",
    "\uff11",
    "1,5",
    "+",
    "-",
    ".",
    "1.5e+2",
    "1.5e-2",
    "3\u00a0",
    "\u00a03",
    "2\u2028",
    "\u20282",
    "2\u0085",
    "\u00852",
    "2\n",
    "2\u2029",
    "1 0",
    "00012",
    "1e400",
    "4.9e-325",
    "1e-400",
    "1.7976931348623157E308",
    "1.7976931348623159E308",
    "2.4703282292062328E-324",
    "9007199254740993",
    "0.1",
    "0.30000000000000004",
    "",
    "2:3",
    "2:",
    "0",
    "0.0",
    "1",
    "2",
    "3"
  };

  /**
   * A relevant entry {@code id:grade} (or, one time in twelve, an entry without a colon or with the
   * colon first); grades mostly plain, one time in three from {@link #ODD_GRADES}.
   */
  static String gradedEntry(Random random) {
    String id = IDS[random.nextInt(IDS.length - 1)];
    int kind = random.nextInt(12);
    if (kind == 0) {
      return random.nextBoolean() ? id : ":" + random.nextInt(3);
    }
    String grade =
        random.nextInt(3) == 0
            ? ODD_GRADES[random.nextInt(ODD_GRADES.length)]
            : random.nextInt(4) == 0
                ? Double.toString(random.nextDouble() * 3)
                : Integer.toString(random.nextInt(4));
    return id + (random.nextInt(8) == 0 ? " : " : ":") + grade;
  }

  /**
   * {@link RetrievalColumns#gradedScores} equals {@link RetrievalState#graded} record by record
   * (the six doubles' bit patterns, unjudged records, invalid grades) on 3,000 random records whose
   * relevant entries carry grades in every spelling of {@link #ODD_GRADES}, and every odd spelling
   * alone as a record's one entry.
   */
  @Test
  void gradedRetrievalColumnsMatchTheJavaScores() {
    Random random = new Random(31);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      List<String> relevant = null;
      if (random.nextInt(15) > 0) {
        String[] entries = new String[random.nextInt(5)];
        for (int j = 0; j < entries.length; j++) {
          entries[j] = random.nextInt(40) == 0 ? null : gradedEntry(random);
        }
        relevant = Arrays.asList(entries);
      }
      rows.add(RowFactory.create(ids(random, 9), relevant, new int[] {1, 2, 3, 5, 10}[i % 5]));
    }
    for (String grade : ODD_GRADES) {
      rows.add(RowFactory.create(Arrays.asList("a", "b"), List.of("b:" + grade), 3));
      rows.add(RowFactory.create(Arrays.asList("a", "b"), Arrays.asList("b:" + grade, "a:2"), 3));
    }
    Dataset<Row> data = SPARK.createDataFrame(rows, retrievalSchema(new StructType()));
    Column retrieved = Columns.named("retrieved");
    Column relevant = Columns.named("relevant");
    Column scores = atRowK(k -> RetrievalColumns.gradedScores(retrieved, relevant, k));
    int judged = 0;
    int bad = 0;
    for (Row row : data.select(retrieved, relevant, Columns.named("k"), scores).collectAsList()) {
      List<String> r = row.isNullAt(0) ? null : row.getList(0);
      List<String> rel = row.isNullAt(1) ? null : row.getList(1);
      RetrievalState expected = RetrievalState.graded(r, rel, row.getInt(2));
      RetrievalState actual = RetrievalState.ofColumn(PartitionFold.scores(row, 3));
      String where = r + " against " + rel + " k " + row.getInt(2);
      assertEquals(expected, actual, where + ": " + Arrays.toString(actual.sums()));
      for (int i = 0; i < expected.sums().length; i++) {
        assertEquals(
            Double.doubleToLongBits(expected.sums()[i]),
            Double.doubleToLongBits(actual.sums()[i]),
            where);
      }
      judged += (int) expected.judged();
      bad += (int) expected.badGrades();
    }
    assertEquals(true, judged > 600, "judged " + judged);
    assertEquals(true, bad > 300, "invalid grades " + bad);
  }

  /** {@code head} followed by the retrieval columns: retrieved and relevant ids, and k. */
  private static StructType retrievalSchema(StructType head) {
    return head.add("retrieved", DataTypes.createArrayType(DataTypes.StringType))
        .add("relevant", DataTypes.createArrayType(DataTypes.StringType))
        .add("k", DataTypes.IntegerType);
  }

  /** Each row's scores at its own k (column {@code k}, one of 1, 2, 3, 5 and 10). */
  private static Column atRowK(IntFunction<Column> scoresAtK) {
    Column scores = functions.lit(null).cast("array<double>");
    for (int k : new int[] {1, 2, 3, 5, 10}) {
      scores = functions.when(Columns.named("k").equalTo(k), scoresAtK.apply(k)).otherwise(scores);
    }
    return scores;
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
