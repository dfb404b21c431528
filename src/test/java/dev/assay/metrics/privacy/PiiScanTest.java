package dev.assay.metrics.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The PII scan: known values and near misses per type (checksums included), precision and recall on
 * a generated corpus, counts and rates per column, one job.
 */
class PiiScanTest {

  static final SparkSession SPARK = SharedSpark.get();

  /** Which types each text holds, evaluated by the scan's own Spark expressions (test only). */
  static List<List<PiiType>> found(List<String> texts) {
    Dataset<Row> df = SPARK.createDataset(texts, Encoders.STRING()).toDF("text");
    List<Column> cols = new ArrayList<>();
    for (PiiType t : PiiType.values()) {
      cols.add(functions.coalesce(t.found(functions.col("text")), functions.lit(false)).as(t.id()));
    }
    List<Row> rows = df.select(cols.toArray(new Column[0])).collectAsList();
    List<List<PiiType>> out = new ArrayList<>();
    for (Row r : rows) {
      List<PiiType> types = new ArrayList<>();
      for (PiiType t : PiiType.values()) {
        if (r.getBoolean(t.ordinal())) {
          types.add(t);
        }
      }
      out.add(types);
    }
    return out;
  }

  @Test
  void knownValuesAndNearMisses() {
    Map<String, List<PiiType>> cases = new java.util.LinkedHashMap<>();
    cases.put("mail jane.doe+x@mail.example.org now", List.of(PiiType.EMAIL));
    cases.put("jane at example dot org", List.of());
    cases.put("call (212) 555-0147 today", List.of(PiiType.PHONE));
    cases.put("call +14155550132", List.of(PiiType.PHONE));
    cases.put("ticket 112-555-0147", List.of()); // area code cannot start with 1
    cases.put(
        "card 4111 1111 1111 1111 ok",
        List.of(PiiType.CREDIT_CARD)); // Visa test number, Luhn sum 30
    cases.put("card 4111-1111-1111-1112", List.of()); // Luhn sum 31
    cases.put("amex 378282246310005", List.of(PiiType.CREDIT_CARD));
    cases.put("IBAN DE89 3704 0044 0532 0130 00", List.of(PiiType.IBAN)); // mod 97 = 1
    cases.put("IBAN GB82WEST12345698765432", List.of(PiiType.IBAN));
    cases.put("IBAN DE88 3704 0044 0532 0130 00", List.of()); // wrong check digits
    cases.put("ssn 078-05-1121", List.of(PiiType.US_SSN));
    cases.put("ssn 666-05-1121 or 900-12-3456 or 123-00-4567 or 123-45-0000", List.of());
    cases.put("host 192.168.0.255", List.of(PiiType.IPV4));
    cases.put("version 1.2.3 and 300.1.1.1", List.of());
    cases.put("key AKIAIOSFODNN7EXAMPLE", List.of(PiiType.AWS_ACCESS_KEY));
    cases.put(
        "DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey="
            + "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
        List.of(PiiType.AZURE_STORAGE_KEY));
    cases.put(
        "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        List.of(PiiType.JWT));
    cases.put("-----BEGIN RSA PRIVATE KEY-----\nMIIE...", List.of(PiiType.PRIVATE_KEY));
    cases.put("-----BEGIN PUBLIC KEY-----", List.of());
    cases.put("call +44 20 7946 0958 or +33 1 23 45 67 89", List.of(PiiType.PHONE));
    cases.put("call +44 12 34", List.of()); // 6 digits < 8
    cases.put("SSN 078051121", List.of(PiiType.US_SSN)); // context word, no separators
    cases.put("order 078051121", List.of()); // no context word
    cases.put("IBAN DE89-3704-0044-0532-0130-00", List.of(PiiType.IBAN));
    cases.put("host 2001:db8:85a3::8a2e:370:7334 and fe80::1", List.of(PiiType.IPV6));
    cases.put("std::vector and 12:30:00 and 00:1A:2B:3C:4D:5E", List.of()); // C++, a time, a MAC
    cases.put("host 2001:db8:0:0:0:0:2:1:5", List.of()); // nine groups
    cases.put("Date of birth: 12/03/1985", List.of(PiiType.DATE_OF_BIRTH));
    cases.put("she was born on March 12, 1985 in Leeds", List.of(PiiType.DATE_OF_BIRTH));
    cases.put("invoice dated 1985-03-12", List.of()); // no context word
    cases.put("DOB 1985-13-12", List.of()); // month 13
    cases.put("ZIP code 02139-4307", List.of(PiiType.POSTAL_CODE));
    cases.put("postcode: SW1A 1AA", List.of(PiiType.POSTAL_CODE));
    cases.put("order 02139 shipped", List.of()); // no context word
    List<String> texts = new ArrayList<>(cases.keySet());
    List<List<PiiType>> found = found(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertEquals(cases.get(texts.get(i)), found.get(i), texts.get(i));
    }
  }

  @Test
  void precisionAndRecallPerTypeOnAGeneratedCorpus() {
    List<PiiCorpus.Item> items = new PiiCorpus(20261127L).items(60);
    List<List<PiiType>> found = found(items.stream().map(PiiCorpus.Item::text).toList());
    Map<PiiType, int[]> confusion = new TreeMap<>(); // tp, fp, fn
    for (PiiType t : PiiType.values()) {
      confusion.put(t, new int[3]);
    }
    for (int i = 0; i < items.size(); i++) {
      PiiCorpus.Item item = items.get(i);
      for (PiiType t : PiiType.values()) {
        boolean truth = item.truth() == t;
        boolean hit = found.get(i).contains(t);
        if (truth && hit) {
          confusion.get(t)[0]++;
        } else if (hit) {
          confusion.get(t)[1]++;
        } else if (truth) {
          confusion.get(t)[2]++;
        }
      }
    }
    StringBuilder table = new StringBuilder();
    confusion.forEach(
        (t, c) ->
            table.append(
                String.format(
                    "%-18s precision %.3f recall %.3f%n",
                    t.id(), c[0] / (double) (c[0] + c[1]), c[0] / (double) (c[0] + c[2]))));
    System.out.print(table);
    confusion.forEach(
        (t, c) -> {
          assertEquals(60, c[0] + c[2], t + " has 60 planted values");
          assertEquals(0, c[2], t + " recall must be 1:\n" + table);
          assertEquals(
              0, c[1], t + " precision must be 1 (near misses and other types):\n" + table);
        });
  }

  @Test
  void countsAndRatesPerColumnInOneJob() {
    StructType schema =
        new StructType().add("note", DataTypes.StringType).add("contact", DataTypes.StringType);
    // note: 2 of 4 records hold a card (one of them twice: still one record); contact: 1 email, 1
    // null
    Dataset<Row> data =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create(
                    "paid with 4111 1111 1111 1111 and 4111111111111111", "a@b.example.com"),
                RowFactory.create("card 378282246310005", null),
                RowFactory.create("no card 4111 1111 1111 1112", "nobody"),
                RowFactory.create(null, "phone: none")),
            schema);
    List<MetricResult>[] holder = new List[1];
    assertEquals(
        1,
        JobCounter.count(SPARK, () -> holder[0] = PiiScan.run(data, List.of("note", "contact"))));
    List<MetricResult> m = holder[0];
    assertEquals(2 * 2 * PiiType.values().length, m.size());
    assertEquals(2, value(m, "pii_credit_card_count", "note"));
    assertEquals(0.5, value(m, "pii_credit_card_rate", "note"), 1e-12); // 2 / 4 records
    assertEquals(1, value(m, "pii_email_count", "contact"));
    assertEquals(0.25, value(m, "pii_email_rate", "contact"), 1e-12);
    assertEquals(0, value(m, "pii_email_count", "note"));
    assertEquals(0, value(m, "pii_credit_card_count", "contact"));
  }

  @Test
  void maskedExamplesAreAtMostThreePerColumnAndTypeAndHideTheValue() {
    StructType schema = new StructType().add("note", DataTypes.StringType);
    Dataset<Row> data =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create("paid with 4111 1111 1111 1111"),
                RowFactory.create("card 378282246310005"), // 15 digits: 3782 + 7 stars + 0005
                RowFactory.create("card 5555555555554444"),
                RowFactory.create("card 6011111111111117"), // a fourth card: only three are kept
                RowFactory.create("write to jane.roe@mail.example.org"),
                RowFactory.create("call (212) 555-0147"),
                RowFactory.create("IBAN DE89 3704 0044 0532 0130 00 and 4111111111111112"),
                RowFactory.create("ssn 078-05-1121 from 10.1.2.3"),
                RowFactory.create("key AKIAIOSFODNN7EXAMPLE"),
                RowFactory.create("host 2001:db8:85a3::8a2e:370:7334"),
                RowFactory.create("DOB: 12 March 1985"),
                RowFactory.create("zip code 02139-4307"),
                RowFactory.create("call +44 20 7946 0958")),
            schema);
    PiiScan.Result[] holder = new PiiScan.Result[1];
    assertEquals(1, JobCounter.count(SPARK, () -> holder[0] = PiiScan.scan(data, List.of("note"))));
    Map<String, List<String>> byType = new TreeMap<>();
    for (dev.assay.core.PiiExample e : holder[0].examples()) {
      assertEquals("note", e.column());
      byType.computeIfAbsent(e.type(), t -> new ArrayList<>()).add(e.masked());
    }
    assertEquals(3, byType.get("credit_card").size(), byType.toString());
    assertTrue(
        byType.get("credit_card").containsAll(List.of("3782 **** ***0 005", "4111 **** **** 1111")),
        byType.toString()); // min and max of the masked strings; the third is min_by a hash
    assertEquals(
        List.of("j*******@mail.example.org"), byType.get("email")); // local part jane.roe: 8 chars
    assertEquals(
        java.util.Set.of("(***) ***-**47", "+** ** **** **58"),
        java.util.Set.copyOf(byType.get("phone")));
    assertEquals(List.of("2001:****"), byType.get("ipv6"));
    assertEquals(List.of("** *** 1985"), byType.get("date_of_birth")); // the year stays
    assertEquals(List.of("021**-****"), byType.get("postal_code")); // three digits stay
    assertEquals(
        List.of("DE** **** **** **** **30 00"), byType.get("iban")); // 22 chars: DE + 16 * + 3000
    assertEquals(List.of("***-**-1121"), byType.get("us_ssn"));
    assertEquals(List.of("10.*.*.*"), byType.get("ipv4"));
    assertEquals(List.of("******** (20 characters)"), byType.get("aws_access_key"));
    assertEquals(
        java.util.Set.of(
            "credit_card",
            "email",
            "phone",
            "iban",
            "us_ssn",
            "ipv4",
            "aws_access_key",
            "ipv6",
            "date_of_birth",
            "postal_code"),
        byType.keySet());
  }

  /**
   * An array of strings (an LLM's retrieved contexts) is scanned item by item: record 1 has an
   * e-mail in its second passage, record 2 none, record 3 a null array; so 1 match in 3 records.
   */
  @Test
  void anArrayOfStringsIsScannedAsItsItems() {
    StructType schema =
        new StructType().add("contexts", DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> data =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create(
                    List.of("Opening hours are 9 to 5.", "Write to jane.doe@example.org.")),
                RowFactory.create(List.of("No personal data here.")),
                RowFactory.create((Object) null)),
            schema);
    PiiScan.Counts counts = PiiScan.count(data, List.of("contexts"));
    assertEquals(3, counts.records());
    assertEquals(1, counts.count(0, PiiType.EMAIL));
    assertEquals(0, counts.count(0, PiiType.IPV4));
  }

  /**
   * The Spark expressions of both pattern forms ({@link PiiPatterns.Form}) flag the same texts and
   * mask the same first values, over the near misses and the scan's fixtures: what a GPU executor
   * would be given (run here by java.util.regex) against what a CPU executor runs. The session has
   * no RAPIDS plugin, so the scan picks the CPU form.
   */
  @Test
  void bothPatternFormsFlagAndMaskTheSame() throws java.io.IOException {
    List<String> texts = new ArrayList<>(PiiPatternEquivalenceTest.nearMisses());
    for (PiiCorpus.Item item : new PiiCorpus(29).items(10)) {
      texts.add(item.text());
    }
    Dataset<Row> df = SPARK.createDataset(texts, Encoders.STRING()).toDF("text");
    assertEquals(PiiPatterns.Form.CPU, PiiPatterns.Form.of(SPARK));
    List<Column> cols = new ArrayList<>();
    for (PiiType t : List.of(PiiType.US_SSN, PiiType.DATE_OF_BIRTH, PiiType.POSTAL_CODE)) {
      for (PiiPatterns.Form form : PiiPatterns.Form.values()) {
        Column text = functions.col("text");
        Column found = t.found(text, form);
        cols.add(functions.coalesce(found, functions.lit(false)).as(t.id() + "_found_" + form));
        cols.add(
            functions.when(found, t.mask(t.firstMatch(text, form))).as(t.id() + "_mask_" + form));
      }
    }
    int matches = 0;
    for (Row r : df.select(cols.toArray(new Column[0])).collectAsList()) {
      for (int i = 0; i < r.size(); i += 4) {
        assertEquals(r.get(i), r.get(i + 2), r.schema().fields()[i + 2].name() + " " + r);
        assertEquals(r.get(i + 1), r.get(i + 3), r.schema().fields()[i + 3].name() + " " + r);
        matches += r.getBoolean(i) ? 1 : 0;
      }
    }
    assertTrue(matches > 80, "matches: " + matches);
  }

  /**
   * The prefilters change no flag: the scan's Spark expression of each type ({@code CASE WHEN NOT
   * prefilter THEN false ELSE pattern END}) against the pattern alone, row by row and in both
   * forms, over the near misses, the fixtures, random texts that mostly fail the prefilters and a
   * null (null stays null, as it was).
   */
  @Test
  void thePrefiltersChangeNoFlag() throws java.io.IOException {
    List<String> texts = new ArrayList<>(PiiPatternEquivalenceTest.nearMisses());
    for (PiiCorpus.Item item : new PiiCorpus(31).items(10)) {
      texts.add(item.text());
    }
    java.util.Random random = new java.util.Random(19);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = 1 + random.nextInt(10); j > 0; j--) {
        String[] pieces = PiiPatternEquivalenceTest.PREFILTER_PIECES;
        s.append(pieces[random.nextInt(pieces.length)]);
      }
      texts.add(s.toString());
    }
    texts.add(null);
    Dataset<Row> df = SPARK.createDataset(texts, Encoders.STRING()).toDF("text");
    List<Column> cols = new ArrayList<>();
    Column text = functions.col("text");
    for (PiiType t : PiiType.values()) {
      if (t == PiiType.CREDIT_CARD || t == PiiType.IBAN) {
        continue;
      }
      for (PiiPatterns.Form form : PiiPatterns.Form.values()) {
        Column alone = PiiPatterns.padded(text).rlike(t.pattern(form));
        if (t == PiiType.PHONE) {
          // the international candidates without their prefilter, as before
          alone =
              alone.or(
                  functions
                      .when(
                          text.contains("+"),
                          functions.exists(
                              functions.regexp_extract_all(
                                  functions.regexp_replace(
                                      PiiPatterns.padded(text),
                                      functions.lit(PiiPatterns.PLUS_BOUNDARY),
                                      functions.lit(PiiPatterns.PLUS_BOUNDARY_TRIPLED)),
                                  functions.lit(PiiPatterns.PHONE_INTERNATIONAL),
                                  functions.lit(1)),
                              PiiType::phoneDigits))
                      .otherwise(functions.lit(false)));
        }
        cols.add(t.found(text, form).as(t.id() + "_" + form));
        cols.add(alone.as(t.id() + "_" + form + "_alone"));
      }
    }
    int matches = 0;
    int nulls = 0;
    for (Row r : df.select(cols.toArray(new Column[0])).collectAsList()) {
      for (int i = 0; i < r.size(); i += 2) {
        assertEquals(r.get(i + 1), r.get(i), r.schema().fields()[i].name() + " " + r);
        matches += Boolean.TRUE.equals(r.get(i)) ? 1 : 0;
        nulls += r.isNullAt(i) ? 1 : 0;
      }
    }
    assertTrue(matches > 100, "matches: " + matches);
    assertEquals(cols.size() / 2, nulls, "one null per column: the null text");
  }

  @Test
  void emptyDataGivesZeroCountsAndUndefinedRates() {
    Dataset<Row> empty = SPARK.createDataset(List.<String>of(), Encoders.STRING()).toDF("text");
    List<MetricResult> m = PiiScan.run(empty, List.of("text"));
    assertEquals(0, value(m, "pii_email_count", "text"));
    assertTrue(
        m.stream()
            .filter(r -> r.key().metric().endsWith("_rate"))
            .allMatch(r -> r instanceof MetricResult.Undefined && r.note().contains("no rows")));
  }

  @Test
  void metricNamesFollowTheContractPrefix() {
    assertTrue(
        Arrays.stream(PiiType.values())
            .allMatch(
                t ->
                    t.countMetric().startsWith("pii_")
                        && dev.assay.metrics.MetricCatalog.find("privacy." + t.rateMetric())
                            .isPresent()));
  }

  static double value(List<MetricResult> metrics, String name, String column) {
    return metrics.stream()
        .filter(r -> r.key().metric().equals(name) && r.key().scope().equals(Scope.column(column)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " for " + column))
        .number()
        .orElseThrow(() -> new AssertionError(name + " undefined"));
  }
}
