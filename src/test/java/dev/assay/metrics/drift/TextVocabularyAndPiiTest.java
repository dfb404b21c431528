package dev.assay.metrics.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The {@code oov_share} and {@code pii_flagged} text descriptors on tiny data, against values
 * counted by hand.
 */
class TextVocabularyAndPiiTest {

  static final StructType SCHEMA = new StructType().add("t", DataTypes.StringType);

  static final Object[][] REFERENCE = {
    {"The cat sat."}, {"the dog sat"}, {"a cat ran, the end"}, {null}, {"  "}
  };

  static final List<DriftColumn> TEXT =
      List.of(new DriftColumn("t", "feature", DriftColumn.Kind.TEXT, "string column", false));

  static Map<Integer, List<String>> vocabulary(int size) {
    Dataset<Row> ref = DriftAnalysisTest.frame(REFERENCE, SCHEMA);
    return ReferenceVocabulary.of(ref, TEXT, List.of(functions.col("t")), size);
  }

  @Test
  void theVocabularyIsTheReferencesMostFrequentWordsTiesByTheWord() {
    // counts: the 3, cat 2, sat 2, dog 1, a 1, ran 1, end 1
    assertEquals(List.of("a", "cat", "dog", "end", "ran", "sat", "the"), vocabulary(100).get(0));
    // bounded: the 3, then cat and sat (2 each, by the word), then a, dog, end, ran by the word
    assertEquals(List.of("cat", "sat", "the"), vocabulary(3).get(0));
    assertEquals(List.of("a", "cat", "sat", "the"), vocabulary(4).get(0));
  }

  @Test
  void oovShareIsTheShareOfWordsOutsideTheVocabulary() {
    List<String> vocab = vocabulary(3).get(0); // cat, sat, the
    List<Double> oov =
        values(
            TextDescriptors.OOV_SHARE.of(functions.col("t"), vocab),
            "The cat SAT", // 0 of 3
            "the cow sat", // 1 of 3
            "a dog ran, a dog.", // 5 of 5
            "cat-cat cow", // 1 of 3
            "!!!", // no word: undefined
            null);
    List<Double> expected = new ArrayList<>(List.of(0.0, 0.333, 1.0, 0.333));
    expected.add(null);
    expected.add(null);
    assertEquals(expected, oov);
    // an empty vocabulary makes every word unknown
    assertEquals(
        List.of(1.0), values(TextDescriptors.OOV_SHARE.of(functions.col("t"), List.of()), "x y"));
  }

  @Test
  void piiFlaggedMarksRowsTheScannersFlag() {
    List<Double> flagged =
        values(
            TextDescriptors.PII_FLAGGED.of(functions.col("t"), List.of()),
            "mail jo@example.org today", // e-mail
            "card 4111 1111 1111 1111", // Luhn-valid card
            "card 4111 1111 1111 1112", // fails Luhn
            "key AKIAABCDEFGHIJKLMNOP here", // AWS access key id
            "nothing to see",
            null);
    List<Double> expected = new ArrayList<>(List.of(1.0, 1.0, 0.0, 1.0, 0.0));
    expected.add(null);
    assertEquals(expected, flagged);
  }

  @Test
  void wordsCountsTheSplitsPartsOfTheSpaceTrimmedText() {
    String[] texts = {
      "one",
      "two words",
      "  padded  both ",
      "tab\tand\nnewline",
      "\tleading tab",
      "trailing tab\t",
      "runs   of \t\n space",
      "\t",
      " ",
      "",
      "no\u00a0break space",
      "x\u2003em space",
      "\r\n",
      "a b c d e f g",
      null
    };
    List<Double> expected = new ArrayList<>();
    for (String t : texts) {
      // Spark's split with no limit keeps leading and trailing empty parts; trim removes spaces
      String trimmed = t == null ? null : t.replaceAll("^ +| +$", "");
      expected.add(
          trimmed == null ? null : trimmed.isEmpty() ? 0.0 : trimmed.split("\\s+", -1).length);
    }
    assertEquals(expected, values(TextDescriptors.WORDS.of(functions.col("t"), List.of()), texts));
  }

  private static List<Double> values(Column descriptor, String... texts) {
    Object[][] rows = new Object[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      rows[i] = new Object[] {i, texts[i]};
    }
    StructType schema =
        new StructType().add("i", DataTypes.IntegerType).add("t", DataTypes.StringType);
    List<Double> out = new ArrayList<>();
    for (Row r :
        DriftAnalysisTest.frame(rows, schema)
            .orderBy("i")
            .select(descriptor.alias("d"))
            .collectAsList()) {
      out.add(r.isNullAt(0) ? null : r.getDouble(0));
    }
    return out;
  }
}
