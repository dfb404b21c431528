package dev.assay.metrics.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.Secrets;
import dev.assay.spark.UnicodeRangesTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The GPU forms of the PII patterns ({@link PiiPatterns}) find exactly what the lookaround forms
 * they replace found (the GPU forms run over the text with a space before and after): the same
 * texts, the same first value (and for international phone numbers the same list of candidates),
 * over the scan's fixtures ({@link PiiCorpus}), a file of near misses (adjacent letters and digits,
 * start and end of text, punctuation, non-ASCII letters, digits and combining marks) and random
 * text built from each pattern's own pieces. Spark evaluates both with java.util.regex on CPU
 * executors, so equal matches here are equal detections there.
 */
class PiiPatternEquivalenceTest {

  /** The patterns as they were, with lookarounds (the reference). */
  static final String LEGACY_EMAIL =
      "(?<![\\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![\\w])";

  static final String LEGACY_PHONE =
      "(?<![\\w+])(?:\\+[1-9]\\d{7,14}(?!\\d)"
          + "|(?:\\+1[ .-]?)?(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[ .-])[2-9]\\d{2}[ .-]\\d{4}(?!\\d))";
  static final String LEGACY_PHONE_INTERNATIONAL =
      "(?<![\\w+])\\+[1-9]\\d{0,2}(?:[ .-]\\(?\\d{1,6}\\)?){2,6}(?![\\d])";
  static final String LEGACY_SSN =
      "(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}([- .])(?!00)\\d{2}\\1(?!0000)\\d{4}(?![\\d-])"
          + "|(?i:\\b(?:ssns?|ssid|social security(?: number| no\\.?)?)\\b)[^\\d\\n]{0,20}?"
          + "(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}(?!00)\\d{2}(?!0000)\\d{4}(?![\\d-])";
  static final String LEGACY_IPV4 =
      "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
          + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?!\\.?\\d)";
  static final String LEGACY_IPV6 =
      "(?<![\\w:.])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
          + "|(?:[0-9A-Fa-f]{1,4}:){1,7}:"
          + "|(?:[0-9A-Fa-f]{1,4}:){1,6}:[0-9A-Fa-f]{1,4}"
          + "|(?:[0-9A-Fa-f]{1,4}:){1,5}(?::[0-9A-Fa-f]{1,4}){1,2}"
          + "|(?:[0-9A-Fa-f]{1,4}:){1,4}(?::[0-9A-Fa-f]{1,4}){1,3}"
          + "|(?:[0-9A-Fa-f]{1,4}:){1,3}(?::[0-9A-Fa-f]{1,4}){1,4}"
          + "|(?:[0-9A-Fa-f]{1,4}:){1,2}(?::[0-9A-Fa-f]{1,4}){1,5}"
          + "|[0-9A-Fa-f]{1,4}:(?::[0-9A-Fa-f]{1,4}){1,6}"
          + "|::(?:[0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4})(?![\\w:.])";
  static final String LEGACY_MONTH =
      "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\\.?";
  static final String LEGACY_DOB =
      "(?i:\\b(?:date of birth|birth(?:day|date| date)?|born|dob|d\\.o\\.b\\.?))"
          + "[^\\d\\n]{0,25}?(?<!\\d)("
          + "(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
          + "|(?:(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\\d|3[01])"
          + "|(?:0?[1-9]|[12]\\d|3[01])[/.-](?:0?[1-9]|1[0-2]))[/.-](?:19|20)\\d{2}"
          + "|(?:0?[1-9]|[12]\\d|3[01]) "
          + LEGACY_MONTH
          + ",? (?:19|20)\\d{2}"
          + "|"
          + LEGACY_MONTH
          + " (?:0?[1-9]|[12]\\d|3[01]),? (?:19|20)\\d{2}"
          + ")(?![\\d/.-]?\\d)";
  static final String LEGACY_POSTAL =
      "(?i:\\b(?:zip(?: ?code)?|postal code|post ?code)\\b)[^\\n]{0,20}?"
          + "(?<![\\w-])(\\d{5}(?:-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})(?![\\w-])";

  /** The card and IBAN candidates as they were, with lookarounds (the reference). */
  static final String LEGACY_CARD = "(?<![\\w+-])((?:\\d[ -]?){12,18}\\d)(?![\\d-])";

  static final String LEGACY_IBAN =
      "(?<![A-Za-z0-9])([A-Z]{2}\\d{2}"
          + "(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?"
          + "|(?:-[A-Z0-9]{4}){2,7}(?:-[A-Z0-9]{1,4})?))"
          + "(?![A-Za-z0-9])";

  /** One pattern pair: the reference and its group, the GPU form and its group. */
  record Pair(String name, String legacy, int legacyGroup, String gpu, int gpuGroup) {}

  static final List<Pair> PAIRS =
      List.of(
          new Pair("email", LEGACY_EMAIL, 0, PiiPatterns.EMAIL, 1),
          new Pair("phone", LEGACY_PHONE, 0, PiiPatterns.PHONE, 1),
          new Pair("us_ssn", LEGACY_SSN, 0, PiiPatterns.US_SSN, 0),
          new Pair("ipv4", LEGACY_IPV4, 0, PiiPatterns.IPV4, 1),
          new Pair("ipv6", LEGACY_IPV6, 0, PiiPatterns.IPV6, 1),
          new Pair("date_of_birth", LEGACY_DOB, 1, PiiPatterns.DATE_OF_BIRTH, 1),
          new Pair("postal_code", LEGACY_POSTAL, 1, PiiPatterns.POSTAL_CODE, 1),
          new Pair("aws_access_key", Secrets.AWS_ACCESS_KEY, 0, PiiPatterns.AWS_ACCESS_KEY, 1),
          new Pair(
              "azure_storage_key", Secrets.AZURE_STORAGE_KEY, 0, PiiPatterns.AZURE_STORAGE_KEY, 0),
          new Pair("jwt", Secrets.JWT, 0, PiiPatterns.JWT, 1),
          new Pair("private_key", Secrets.PRIVATE_KEY, 0, PiiPatterns.PRIVATE_KEY, 0));

  /** Pieces random texts are made of: each pattern's own material and its boundaries. */
  static final String[] PIECES = {
    "a",
    "Z",
    "é",
    "\u0301",
    "٣",
    "_",
    "-",
    ".",
    " ",
    ",",
    "+",
    "@",
    ":",
    "/",
    "(",
    ")",
    "\n",
    "=",
    "1",
    "0",
    "9",
    "12",
    "2",
    "5",
    "55",
    "123",
    "666",
    "000",
    "45",
    "6789",
    "0000",
    "212",
    "555",
    "0147",
    "192.168.",
    "255",
    "256",
    ".1",
    "::",
    "fe80",
    "db8",
    "ab",
    "com",
    "x@y",
    "ssn",
    "SSN ",
    "social security no",
    "number",
    "ssid",
    "dob ",
    "born ",
    "birth",
    "date of birth",
    "March",
    "1985",
    "03/12/",
    "zip",
    "code",
    "post",
    "SW1A",
    "1AA",
    "02139",
    "AKIA",
    "ABCDEFGHIJKLMNOP",
    "AccountKey=",
    "abcdefghij",
    "eyJ",
    "eyJhbGci",
    "+44",
    "+1",
    " 20",
    "7946",
    "(30)",
    "4111",
    "1111 ",
    "4111-1111-",
    "378282246310005",
    "4111111111111111",
    "DE89",
    "GB82",
    "3704",
    " 0044",
    "WEST",
    "-1234",
    "0532 0130 00",
    "de",
    "\uE000",
    "\uE001",
    "-----BEGIN ",
    "RSA ",
    "PRIVATE KEY-----",
    "EC"
  };

  @Test
  void theGpuPatternsUseNoConstructTheGpuLacks() {
    for (Pair p : PAIRS) {
      for (String construct : List.of("(?<", "(?=", "(?!", "\\b", "(?i", "\\1", "(?:^", "|$")) {
        assertTrue(!p.gpu().contains(construct), p.name() + " uses " + construct);
      }
    }
    for (String construct : List.of("(?<", "(?=", "(?!")) {
      for (String p :
          List.of(
              PiiPatterns.PHONE_INTERNATIONAL,
              PiiPatterns.CARD_CANDIDATE,
              PiiPatterns.IBAN_CANDIDATE,
              PiiPatterns.PRIVATE_KEY)) {
        assertTrue(!p.contains(construct), construct + " in " + p);
      }
    }
  }

  /**
   * The forms for GPU executors of the context-word patterns (explicit ranges for {@code \p{..}},
   * greedy gaps) against the forms for CPU executors, by type: the CPU pattern, its GPU form, and
   * the group of the first value.
   */
  static final List<Pair> FORMS =
      List.of(
          new Pair("us_ssn", PiiPatterns.US_SSN, 0, PiiPatterns.US_SSN_GPU, 0),
          new Pair("date_of_birth", PiiPatterns.DATE_OF_BIRTH, 1, PiiPatterns.DATE_OF_BIRTH_GPU, 1),
          new Pair("postal_code", PiiPatterns.POSTAL_CODE, 1, PiiPatterns.POSTAL_CODE_GPU, 1));

  /** Non-ASCII pieces beside {@link #PIECES} for the comparison of the two forms. */
  static final String[] OTHER_PIECES = {
    "\uD835\uDC00", "\uD835\uDFD9", "١٢", "\u0301", "ß", "ǅ", "ʰ", "中", "\u00A0", "\u2028", "٣ssn"
  };

  @Test
  void theGpuFormsUseNoConstructTheGpuLacks() {
    for (Pair p : FORMS) {
      for (String construct :
          List.of(
              "(?<", "(?=", "(?!", "\\b", "(?i", "\\1", "(?:^", "|$", "\\p", "\\P", "?+", "*?",
              "+?", "}?", "\\.?", "\\.*", "\\.{")) {
        assertTrue(!p.gpu().contains(construct), p.name() + " uses " + construct);
      }
    }
    assertTrue(!PiiPatterns.POSTAL_CODE_FIRST.contains("\\p"), PiiPatterns.POSTAL_CODE_FIRST);
    // the explicit classes are the categories, code point by code point (this JVM's Unicode)
    PiiPatterns.Classes cpu = PiiPatterns.Classes.CPU;
    PiiPatterns.Classes gpu = PiiPatterns.Classes.GPU;
    UnicodeRangesTest.assertClassIs("[" + cpu.word() + "]", "[" + gpu.word() + "]");
    UnicodeRangesTest.assertClassIs(cpu.marks().replace("*", ""), gpu.marks().replace("*", ""));
    UnicodeRangesTest.assertClassIs(cpu.letterOrOtherDigit(), gpu.letterOrOtherDigit());
  }

  @Test
  void theGpuFormsFindWhatTheCpuFormsFind() throws IOException {
    List<String> texts = new ArrayList<>(nearMisses());
    for (PiiCorpus.Item item : new PiiCorpus(23).items(40)) {
      texts.add(item.text());
    }
    Random random = new Random(13);
    List<String> pieces = new ArrayList<>(List.of(PIECES));
    for (String piece : OTHER_PIECES) {
      pieces.add(piece);
    }
    for (int i = 0; i < 3_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = 1 + random.nextInt(14); j > 0; j--) {
        s.append(pieces.get(random.nextInt(pieces.size())));
      }
      texts.add(s.toString());
    }
    int found = 0;
    for (Pair p : FORMS) {
      Pattern cpu = Pattern.compile(p.legacy());
      Pattern gpu = Pattern.compile(p.gpu());
      Pattern first = Pattern.compile(PiiPatterns.POSTAL_CODE_FIRST);
      for (String text : texts) {
        Matcher a = cpu.matcher(PiiPatterns.padded(text));
        Matcher b = gpu.matcher(PiiPatterns.padded(text));
        boolean hit = a.find();
        assertEquals(hit, b.find(), p.name() + " on " + quoted(text));
        if (hit) {
          found++;
          String value = b.group(p.gpuGroup());
          if (p.name().equals("postal_code")) {
            // PiiType.firstMatch on GPU executors: the first code in what follows the word
            Matcher f = first.matcher(value);
            value = f.find() ? f.group(1) : "(none)";
          }
          assertEquals(a.group(p.legacyGroup()), value, p.name() + " value on " + quoted(text));
        }
      }
    }
    assertTrue(found > 150, "matches: " + found);
  }

  @Test
  void sameDetectionsOnTheFixtures() {
    PiiCorpus corpus = new PiiCorpus(23);
    List<String> texts = new ArrayList<>();
    for (PiiCorpus.Item item : corpus.items(40)) {
      texts.add(item.text());
    }
    int found = assertSame(texts);
    assertTrue(found > 300, "the fixtures hold matches: " + found);
  }

  @Test
  void sameDetectionsOnTheNearMisses() throws IOException {
    List<String> texts = nearMisses();
    assertTrue(texts.size() > 140, "near misses: " + texts.size());
    int found = assertSame(texts);
    assertTrue(found > 60, "the near misses hold matches too: " + found);
  }

  @Test
  void sameDetectionsOnRandomText() {
    Random random = new Random(7);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      StringBuilder s = new StringBuilder();
      int n = 1 + random.nextInt(14);
      for (int j = 0; j < n; j++) {
        s.append(PIECES[random.nextInt(PIECES.length)]);
      }
      texts.add(s.toString());
    }
    int found = assertSame(texts);
    assertTrue(found > 500, "random texts hold matches: " + found);
  }

  @Test
  void theMasksRewrittenForTheGpuMaskAsBefore() throws IOException {
    List<String> texts = new ArrayList<>(nearMisses());
    texts.addAll(
        List.of(
            "+1 (212) 555-0147",
            "+44 20 7946 0958",
            "7",
            "",
            "12/03/1985",
            "3 March 1985",
            "1985-03-12",
            "Mar. 3, 1985",
            "born 1.2.1985"));
    Random random = new Random(11);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = 1 + random.nextInt(8); j > 0; j--) {
        s.append(PIECES[random.nextInt(PIECES.length)]);
      }
      texts.add(s.toString());
    }
    for (String t : texts) {
      // the phone mask's last two digits: from the second-to-last digit to the end
      Matcher old = Pattern.compile("([0-9][^0-9]*[0-9][^0-9]*)$").matcher(t);
      Matcher reversed =
          Pattern.compile("^([^0-9]*[0-9][^0-9]*[0-9])")
              .matcher(new StringBuilder(t).reverse().toString());
      assertEquals(
          old.find() ? old.group(1) : "",
          reversed.find() ? new StringBuilder(reversed.group(1)).reverse().toString() : "",
          "phone mask of " + quoted(t));
      // the date-of-birth mask's short numbers, twice, over padded text
      String before = t;
      String after = t;
      for (int pass = 0; pass < 2; pass++) {
        before = before.replaceAll("(^|[^0-9A-Za-z_])[0-9]{1,2}($|[^0-9A-Za-z_])", "$1**$2");
        String padded =
            PiiPatterns.padded(after)
                .replaceAll("([^0-9A-Za-z_])[0-9]{1,2}([^0-9A-Za-z_])", "$1**$2");
        after = padded.substring(1, padded.length() - 1);
      }
      assertEquals(before, after, "date-of-birth mask of " + quoted(t));
      assertEquals(
          t.replaceAll("[A-Za-z]+\\.?", "***"),
          t.replaceAll("[A-Za-z]+[.]?", "***"),
          "date-of-birth words of " + quoted(t));
    }
    for (String uk : List.of("SW1A 1AA", "SW1A1AA", "M1 1AE", "M11AE", "B33 8TH", "CR2 6XH")) {
      assertEquals(
          uk.replaceAll("^(\\S+?) ?\\d[A-Z]{2}$", "$1 ***"),
          uk.substring(0, uk.length() - 3).stripTrailing() + " ***",
          "postcode mask of " + uk);
    }
  }

  /**
   * Pieces of texts that mostly fail the prefilters ({@link PiiPatterns.Prefilter}): words,
   * categories, runs of fewer than four digits, a {@code +} without a digit after it, dots, colons
   * and {@code =} without numbers, and the secrets' prefixes cut short.
   */
  static final String[] PREFILTER_PIECES = {
    "Female",
    "Male",
    "White",
    "Asian",
    "Salaried",
    "18-25",
    "61+",
    "+",
    "+0",
    "+ 1",
    "1",
    "12",
    "123",
    " ",
    "-",
    ".",
    ":",
    "=",
    "@",
    "zip",
    "ZIP code ",
    "postcode ",
    "SW1A ",
    "1A",
    "M1 1A",
    "AE",
    "dob ",
    "born ",
    "March 3, ",
    "19",
    "85",
    "ssn ",
    "SSN: ",
    "078-05-",
    "AKI",
    "KIA",
    "ASI",
    "ACC",
    "ey",
    "J",
    "-----BEGI",
    "N PRIVATE KEY-----",
    "AccountKey",
    "DE",
    "89",
    "fe80",
    "é",
    "\u0301",
    "\n"
  };

  /**
   * Every type's prefilter holds wherever its pattern (either form) matches, so the scan's {@code
   * CASE WHEN NOT prefilter THEN false ELSE pattern END} flags exactly what the pattern alone did:
   * over the fixtures, the near misses, the random texts of {@link #PIECES} and random texts of
   * {@link #PREFILTER_PIECES} (most of which fail the prefilters, some only just). The same for the
   * IBAN and international phone candidates; the card search's condition is the scan's own and is
   * pinned as it was.
   */
  @Test
  void thePrefiltersHoldWhereverAPatternMatches() throws IOException {
    List<String> texts = prefilterTexts(23, 17);
    int matched = 0;
    int filtered = 0;
    for (PiiType t : PiiType.values()) {
      if (t == PiiType.CREDIT_CARD || t == PiiType.IBAN) {
        continue;
      }
      for (PiiPatterns.Form form : PiiPatterns.Form.values()) {
        Pattern p = Pattern.compile(t.pattern(form));
        // the GPU form's explicit ranges are slow in java.util.regex; it finds what the CPU form
        // finds (theGpuFormsFindWhatTheCpuFormsFind), so a share of the texts suffices for it
        List<String> tried =
            form == PiiPatterns.Form.CPU ? texts : texts.subList(0, Math.min(texts.size(), 3_000));
        for (String text : tried) {
          boolean needs = t.needs().test(text);
          if (p.matcher(PiiPatterns.padded(text)).find()) {
            matched++;
            assertTrue(
                needs, t.id() + " (" + form + ") matches without its prefilter: " + quoted(text));
          } else if (!needs) {
            filtered++;
          }
        }
      }
    }
    Pattern international = Pattern.compile(PiiPatterns.PHONE_INTERNATIONAL);
    Pattern plusDigit = Pattern.compile(PiiPatterns.PHONE_INTERNATIONAL_NEEDS);
    for (String text : texts) {
      String spaced =
          PiiPatterns.padded(text)
              .replaceAll(PiiPatterns.PLUS_BOUNDARY, PiiPatterns.PLUS_BOUNDARY_TRIPLED);
      if (international.matcher(spaced).find()) {
        assertTrue(
            text.contains("+") && plusDigit.matcher(text).find(),
            "an international phone candidate without its prefilter: " + quoted(text));
      }
      if (!ibanCandidates(text).isEmpty()) {
        assertTrue(PiiType.IBAN.needs().test(text), "an IBAN candidate in " + quoted(text));
      }
    }
    assertEquals(
        List.of(PiiPatterns.FOUR_DIGITS), PiiType.CREDIT_CARD.needs().patterns(), "card guard");
    assertTrue(matched > 500, "matches: " + matched);
    System.out.println(
        "prefilter test: " + matched + " matches, " + filtered + " texts turned away");
    assertTrue(filtered > 50_000, "texts the prefilters turn away: " + filtered);
  }

  /**
   * The near misses, 40 items of the PII corpus with {@code corpusSeed}, and 10,000 random texts
   * (seeded) alternately of {@link #PIECES} and {@link #PREFILTER_PIECES}.
   */
  private static List<String> prefilterTexts(int corpusSeed, long seed) throws IOException {
    List<String> texts = new ArrayList<>(nearMisses());
    for (PiiCorpus.Item item : new PiiCorpus(corpusSeed).items(40)) {
      texts.add(item.text());
    }
    Random random = new Random(seed);
    for (int i = 0; i < 10_000; i++) {
      StringBuilder s = new StringBuilder();
      String[] pieces = i % 2 == 0 ? PIECES : PREFILTER_PIECES;
      for (int j = 1 + random.nextInt(14); j > 0; j--) {
        s.append(pieces[random.nextInt(pieces.length)]);
      }
      texts.add(s.toString());
    }
    return texts;
  }

  /**
   * Every prefilter pattern needs an ASCII digit, so the scan may test for one with byte searches
   * first ({@link PiiPatterns.Prefilter#hasDigit}) and skip the pattern without changing its
   * answer: over the fixtures, the near misses and random texts, any text a prefilter pattern is
   * found in holds one of 0–9, and the patterns are found in some texts.
   */
  @Test
  void thePrefilterPatternsNeedADigit() throws IOException {
    List<String> texts = prefilterTexts(29, 31);
    Pattern digit = Pattern.compile("[0-9]");
    int found = 0;
    for (PiiType t : PiiType.values()) {
      for (String pattern : t.needs().patterns()) {
        Pattern p = Pattern.compile(pattern);
        for (String text : texts) {
          if (p.matcher(text).find()) {
            found++;
            assertTrue(
                digit.matcher(text).find(),
                t.id() + "'s prefilter " + pattern + " is found without a digit: " + quoted(text));
          }
        }
      }
    }
    assertTrue(found > 1_000, "prefilter patterns found: " + found);
  }

  /** Asserts equal detections and first values for every pair; returns how many texts matched. */
  private static int assertSame(List<String> texts) {
    int found = 0;
    for (Pair p : PAIRS) {
      Pattern legacy = Pattern.compile(p.legacy());
      Pattern gpu = Pattern.compile(p.gpu());
      for (String text : texts) {
        Matcher a = legacy.matcher(text);
        Matcher b = gpu.matcher(PiiPatterns.padded(text));
        boolean hit = a.find();
        assertEquals(hit, b.find(), p.name() + " on " + quoted(text));
        if (hit) {
          found++;
          assertEquals(
              value(p.name(), a.group(p.legacyGroup())),
              value(p.name(), b.group(p.gpuGroup())),
              p.name() + " value on " + quoted(text));
        }
      }
    }
    for (String text : texts) {
      assertEquals(
          all(Pattern.compile(LEGACY_PHONE_INTERNATIONAL), text, 0),
          all(
              Pattern.compile(PiiPatterns.PHONE_INTERNATIONAL),
              PiiPatterns.padded(text)
                  .replaceAll(PiiPatterns.PLUS_BOUNDARY, PiiPatterns.PLUS_BOUNDARY_TRIPLED),
              1),
          "international phone candidates in " + quoted(text));
    }
    for (String text : texts) {
      List<String> ibans = all(P_LEGACY_IBAN, text, 1);
      assertEquals(ibans, ibanCandidates(text), "IBAN candidates in " + quoted(text));
      String withoutIbans = P_LEGACY_IBAN.matcher(text).replaceAll(" ");
      List<String> cards = all(P_LEGACY_CARD, withoutIbans, 1);
      assertEquals(cards, cardCandidates(text), "card candidates in " + quoted(text));
      found += ibans.size() + cards.size();
    }
    return found;
  }

  private static final Pattern P_LEGACY_IBAN = Pattern.compile(LEGACY_IBAN);
  private static final Pattern P_LEGACY_CARD = Pattern.compile(LEGACY_CARD);
  private static final Pattern P_IBAN = Pattern.compile(PiiPatterns.IBAN_CANDIDATE);
  private static final Pattern P_CARD = Pattern.compile(PiiPatterns.CARD_CANDIDATE);
  private static final Pattern P_MARKS = Pattern.compile(PiiPatterns.MARKS);

  /** {@link PiiPatterns#ibanCandidates}, step by step with java.util.regex as Spark runs it. */
  static List<String> ibanCandidates(String text) {
    String marked = marked(text, PiiPatterns.IBAN_AFTER, PiiPatterns.IBAN_BEFORE);
    return unmarked(all(P_IBAN, marked, 1));
  }

  /** {@link PiiPatterns#cardCandidates}, step by step with java.util.regex as Spark runs it. */
  static List<String> cardCandidates(String text) {
    String withoutIbans =
        P_MARKS
            .matcher(
                P_IBAN
                    .matcher(marked(text, PiiPatterns.IBAN_AFTER, PiiPatterns.IBAN_BEFORE))
                    .replaceAll(" "))
            .replaceAll("");
    String marked = marked(withoutIbans, PiiPatterns.CARD_AFTER, PiiPatterns.CARD_BEFORE);
    return unmarked(all(P_CARD, marked, 1));
  }

  private static String marked(String text, String after, String before) {
    return PiiPatterns.padded(text)
        .replaceAll(PiiPatterns.MARKS, PiiPatterns.OTHER)
        .replaceAll(after, "$1" + PiiPatterns.AFTER + "$2")
        .replaceAll(before, "$1" + PiiPatterns.BEFORE + "$2");
  }

  private static List<String> unmarked(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      out.add(P_MARKS.matcher(v).replaceAll(""));
    }
    return out;
  }

  /** What the scan keeps of a first match: an SSN's last four digits, otherwise all of it. */
  private static String value(String type, String match) {
    if (type.equals("us_ssn")) {
      String digits = match.replaceAll("[^0-9]", "");
      return digits.substring(digits.length() - 4);
    }
    return match;
  }

  private static List<String> all(Pattern p, String text, int group) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(group));
    }
    return out;
  }

  private static String quoted(String text) {
    return "'" + text.replace("\n", "\\n") + "'";
  }

  static List<String> nearMisses() throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream in =
        PiiPatternEquivalenceTest.class.getResourceAsStream("/privacy/pii-near-misses.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        if (!line.startsWith("#")) {
          out.add(unescape(line));
        }
      }
    }
    return out;
  }

  /** {@code \n}, {@code \t} and {@code \\uXXXX} escapes of the near-miss file. */
  private static String unescape(String line) {
    Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(line);
    StringBuilder s = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(s, String.valueOf((char) Integer.parseInt(m.group(1), 16)));
    }
    m.appendTail(s);
    return s.toString().replace("\\n", "\n").replace("\\t", "\t");
  }
}
