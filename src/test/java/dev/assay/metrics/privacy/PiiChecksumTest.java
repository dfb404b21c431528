package dev.assay.metrics.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.spark.SharedSpark;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

/**
 * The written-out Luhn and mod-97 checks ({@link PiiType#luhnValid}, {@link PiiType#ibanValid})
 * agree with the checks computed in plain Java from their definitions (ISO/IEC 7812-1 Annex B; ISO
 * 13616-1 with ISO 7064 MOD 97-10, using BigInteger) on published valid numbers, one-digit
 * corruptions of them and thousands of random candidates.
 */
class PiiChecksumTest {

  static final SparkSession SPARK = SharedSpark.get();

  /** Published test numbers (card networks' test cards; the IBAN registry's examples). */
  static final List<String> VALID_CARDS =
      List.of("4111 1111 1111 1111", "5500-0000-0000-0004", "340000000000009", "4222222222222");

  static final List<String> VALID_IBANS =
      List.of(
          "GB82 WEST 1234 5698 7654 32",
          "DE89370400440532013000",
          "FR1420041010050500013M02606",
          "NL91ABNA0417164300",
          "MT84MALT011000012345MTLCAST001S");

  @Test
  void luhnAgreesWithItsDefinition() {
    Random random = new Random(7812);
    List<String> candidates = new ArrayList<>(VALID_CARDS);
    for (String card : VALID_CARDS) {
      candidates.add(card.substring(0, 2) + ((card.charAt(2) - '0' + 1) % 10) + card.substring(3));
    }
    for (int i = 0; i < 3000; i++) {
      candidates.add(digits(random, 11 + random.nextInt(11)));
    }
    List<Boolean> expected = candidates.stream().map(PiiChecksumTest::luhn).toList();
    assertEquals(expected, evaluate(candidates, true));
    assertTrue(expected.subList(0, VALID_CARDS.size()).stream().allMatch(b -> b));
    assertTrue(expected.stream().filter(b -> b).count() > 100, "random numbers pass one in ten");
  }

  @Test
  void mod97AgreesWithItsDefinition() {
    Random random = new Random(13616);
    List<String> candidates = new ArrayList<>(VALID_IBANS);
    for (String iban : VALID_IBANS) {
      char last = iban.charAt(iban.length() - 1);
      char other = Character.isDigit(last) ? (char) ('0' + (last - '0' + 1) % 10) : 'Q';
      candidates.add(iban.substring(0, iban.length() - 1) + other);
    }
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int i = 0; i < 3000; i++) {
      StringBuilder s = new StringBuilder();
      s.append((char) ('A' + random.nextInt(26))).append((char) ('A' + random.nextInt(26)));
      s.append(digits(random, 2));
      int rest = 9 + random.nextInt(34);
      for (int j = 0; j < rest; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      candidates.add(s.toString());
    }
    List<Boolean> expected = candidates.stream().map(PiiChecksumTest::mod97).toList();
    assertEquals(expected, evaluate(candidates, false));
    assertTrue(expected.subList(0, VALID_IBANS.size()).stream().allMatch(b -> b));
    assertTrue(expected.stream().filter(b -> b).count() > 10, "random candidates pass one in 97");
  }

  private static List<Boolean> evaluate(List<String> candidates, boolean card) {
    Dataset<Row> rows =
        SPARK
            .createDataset(candidates, Encoders.STRING())
            .toDF("c")
            .withColumn("i", functions.monotonically_increasing_id());
    var c = functions.col("c");
    return rows
        .orderBy("i")
        .select(card ? PiiType.luhnValid(c) : PiiType.ibanValid(c))
        .collectAsList()
        .stream()
        .map(r -> r.getBoolean(0))
        .toList();
  }

  private static String digits(Random random, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    return s.toString();
  }

  /** ISO/IEC 7812-1 Annex B, as written: 13–19 digits. */
  static boolean luhn(String candidate) {
    String d = candidate.replaceAll("[^0-9]", "");
    int sum = 0;
    for (int i = 0; i < d.length(); i++) {
      int digit = d.charAt(d.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
    }
    return d.length() >= 13 && d.length() <= 19 && sum % 10 == 0;
  }

  /** ISO 13616-1: rearrange, letters to 10–35, the whole number mod 97 is 1; 15–34 characters. */
  static boolean mod97(String candidate) {
    String s = candidate.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT);
    String r = s.substring(4) + s.substring(0, 4);
    StringBuilder number = new StringBuilder();
    for (char ch : r.toCharArray()) {
      number.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
    }
    boolean valid = new BigInteger(number.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    return s.length() >= 15 && s.length() <= 34 && valid;
  }
}
