package dev.assay.metrics.privacy;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_extract_all;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import dev.assay.spark.SparkSessions;
import dev.assay.spark.UnicodeRanges;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;

/**
 * The PII scan's regular expressions in the subset the RAPIDS Accelerator runs on the GPU: no
 * lookbehind, lookahead, backreference, word boundary ({@code \b}) or inline flag. Each one finds
 * exactly what the lookaround form it replaces found (PiiPatternEquivalenceTest runs both over the
 * fixtures, a corpus of near misses and random text):
 *
 * <ul>
 *   <li>each runs over the text with a space before and after it ({@link #padded}): RAPIDS has no
 *       {@code ^} or {@code $} as an alternative of its own, and a space is a boundary for every
 *       pattern here;
 *   <li>a lookbehind {@code (?<![X])} before the value becomes a consumed {@code [^X]}, and a
 *       lookahead {@code (?![Y])} after it a consumed {@code [^Y]}; the value itself is capture
 *       group 1, read with {@code regexp_extract(..., 1)}. For {@code rlike} and for the first
 *       match this is the same detection, because nothing else needs the consumed character;
 *   <li>{@code \b} before or after a context word becomes a consumed non-word character, where a
 *       word character is what Java 17's {@code \b} counts: a letter, a decimal digit, {@code _} or
 *       a non-spacing mark after one;
 *   <li>{@code (?!000|666|9\d\d)}-style exclusions become the allowed alternatives, {@code ([- .])
 *       ...\1} one alternative per separator, and {@code (?i:word)} a class per letter.
 * </ul>
 *
 * The card and IBAN candidates are read with {@code regexp_extract_all}, where a consumed boundary
 * character could hide a candidate that follows after one character: the text is marked first, a
 * private-use character where each lookbehind and lookahead held, and the candidate pattern
 * consumes the marks ({@link #BEFORE}). No group that RAPIDS repeats holds a repetition or an
 * escaped character ({@link #times} writes such repetitions out).
 *
 * <p>The context-word boundaries of the SSN, date-of-birth and postal-code patterns need Java's
 * word characters, {@code \p{L}}, {@code \p{Nd}} and {@code \p{Mn}}, which RAPIDS does not take. So
 * those three patterns come in two {@link Form}s: on CPU executors the {@code \p{..}} classes
 * (java.util.regex tests a category with one table lookup), on GPU executors the same classes
 * spelled as explicit ranges generated from this JVM's {@link Character#getType} ({@link
 * Classes#GPU}: exactly the code points {@code \p{..}} matches, but some 800 ranges that
 * java.util.regex would test one by one for every character). The GPU form also has no lazy
 * quantifier: the date of birth's gap {@code [^\d\n]{0,25}?} becomes greedy (only one date can
 * follow a context word within a run of non-digits, so the match is the same), and the postal
 * code's {@code [^\n]{0,18}?} becomes greedy with the first code after the word read from the match
 * by a second {@code regexp_extract} ({@link #POSTAL_CODE_FIRST}).
 */
final class PiiPatterns {

  private PiiPatterns() {}

  /** {@code text} with a space before and after it: where every pattern here is matched. */
  static Column padded(Column text) {
    return concat(lit(" "), text, lit(" "));
  }

  /** {@code text} with a space before and after it, as {@link #padded(Column)}. */
  static String padded(String text) {
    return " " + text + " ";
  }

  /**
   * Which form of the context-word patterns a session runs: {@link #GPU} when the RAPIDS
   * Accelerator is its plugin ({@code spark.plugins} holds {@code com.nvidia.spark.SQLPlugin}),
   * else {@link #CPU}. Both find the same values (PiiPatternEquivalenceTest).
   */
  enum Form {
    CPU,
    GPU;

    /** The form for {@code session}. */
    static Form of(SparkSession session) {
      return SparkSessions.rapids(session) ? GPU : CPU;
    }

    /** The form for the thread's active session ({@link #CPU} without one). */
    static Form active() {
      return SparkSessions.rapidsActive() ? GPU : CPU;
    }

    /** The Unicode classes of this form. */
    Classes classes() {
      return this == GPU ? Classes.GPU : Classes.CPU;
    }
  }

  /**
   * The Unicode classes the context-word boundaries need, as Java's {@code \b} (Java 17) sees a
   * word: a letter ({@code \p{L}}), a decimal digit ({@code \p{Nd}}), {@code _}, or a non-spacing
   * mark ({@code \p{Mn}}) after one.
   *
   * @param word the word characters and marks, to go inside a class
   * @param marks any run of non-spacing marks
   * @param letterOrOtherDigit a letter, {@code _} or a decimal digit other than 0–9
   */
  record Classes(String word, String marks, String letterOrOtherDigit) {

    /** java.util.regex's category classes (one table lookup per character). */
    static final Classes CPU = new Classes(WORDISH, "\\p{Mn}*", "(?:[\\p{L}_]|[^\\P{Nd}0-9])");

    /** The same code points as explicit ranges (RAPIDS takes no {@code \p{..}}). */
    static final Classes GPU =
        new Classes(
            UnicodeRanges.of(c -> UnicodeRanges.isLetter(c) || isDigit(c) || isMark(c)) + "_",
            "[" + UnicodeRanges.of(Classes::isMark) + "]*",
            "["
                + UnicodeRanges.of(
                    c -> UnicodeRanges.isLetter(c) || (isDigit(c) && (c < '0' || c > '9')))
                + "_]");

    private static boolean isDigit(int c) {
      return Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER;
    }

    private static boolean isMark(int c) {
      return Character.getType(c) == Character.NON_SPACING_MARK;
    }
  }

  /** A character Java 17's {@code \b} counts as a word character (or a mark on one). */
  static final String WORDISH = "\\p{L}\\p{Nd}_\\p{Mn}";

  /** Where {@code \b} stands before a context word: a non-word character (and marks on it). */
  static final String WORD_START = wordStart(Classes.CPU);

  private static String wordStart(Classes u) {
    return "[^" + u.word() + "]" + u.marks();
  }

  /**
   * A cheap necessary condition of a pattern, tested on the text itself (not padded) before the
   * pattern: the text contains one of {@code literals} (a byte search in Spark's UTF8String, no
   * decoding) or one of {@code patterns} is found in it (short regular expressions without
   * lookaround or {@code \p{..}}, so GPU executors run them too). Where it fails the pattern cannot
   * match, so the scan answers false without running it: categorical and plain-text values pay a
   * few byte searches and the short patterns (each behind a digit test, {@link #hasDigit}) instead
   * of thirteen regular expressions. Each condition is derived from its pattern next to it, and
   * PiiPatternEquivalenceTest checks on every text it tries that a match implies the condition.
   *
   * @param literals substrings, any of which suffices
   * @param patterns regular expressions, any of which (found anywhere) suffices; each needs an
   *     ASCII digit to match ({@link #hasDigit} is tested before them)
   */
  record Prefilter(List<String> literals, List<String> patterns) {

    Prefilter {
      literals = List.copyOf(literals);
      patterns = List.copyOf(patterns);
    }

    /** True where {@code text} may match; null where it is null. */
    Column on(Column text) {
      Column any = null;
      for (String literal : literals) {
        any = any == null ? text.contains(literal) : any.or(text.contains(literal));
      }
      for (String pattern : patterns) {
        // the same expression in every type (e.g. FOUR_DIGITS): Spark evaluates it once per row
        Column found = digitFirst(text, text.rlike(pattern));
        any = any == null ? found : any.or(found);
      }
      return any;
    }

    /**
     * {@code found} (a prefilter pattern) where {@code text} holds an ASCII digit, else false; null
     * where {@code text} is null. Every prefilter pattern needs a digit (PiiPatternEquivalenceTest
     * checks it), so this is the pattern's own answer; but a value without a digit (a category, a
     * word) pays ten byte searches on Spark's UTF8String, shared by every type of the column,
     * instead of being decoded to a Java string and searched by each pattern.
     */
    private static Column digitFirst(Column text, Column found) {
      return when(not(hasDigit(text)), lit(false)).otherwise(found);
    }

    /** True where {@code text} holds one of 0–9 (byte searches); null where it is null. */
    static Column hasDigit(Column text) {
      Column any = text.contains("0");
      for (char d = '1'; d <= '9'; d++) {
        any = any.or(text.contains(String.valueOf(d)));
      }
      return any;
    }

    /** {@code test} when the condition holds, else false; null where {@code text} is null. */
    Column guard(Column text, Column test) {
      // CASE WHEN NOT cond THEN false ELSE test END: a null text still gives the test's null
      return when(not(on(text)), lit(false)).otherwise(test);
    }

    /** The same condition in java.util.regex, as Spark evaluates it on CPU executors. */
    boolean test(String text) {
      return literals.stream().anyMatch(text::contains)
          || patterns.stream()
              .anyMatch(p -> COMPILED.computeIfAbsent(p, Pattern::compile).matcher(text).find());
    }
  }

  /** The prefilters' patterns compiled once, for {@link Prefilter#test}. */
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  /** A prefilter on literals only. */
  private static Prefilter literals(String... literals) {
    return new Prefilter(List.of(literals), List.of());
  }

  /** A prefilter on patterns only. */
  private static Prefilter patterns(String... patterns) {
    return new Prefilter(List.of(), List.of(patterns));
  }

  /**
   * Four ASCII digits in a row ({@code \d} is {@code [0-9]} in java.util.regex without the
   * UNICODE_CHARACTER_CLASS flag): the one prefilter several types share, so Spark's common
   * subexpression elimination runs it once per value.
   */
  static final String FOUR_DIGITS = "[0-9]{4}";

  /** Needs of {@link #EMAIL}: its {@code @}. */
  static final Prefilter EMAIL_NEEDS = literals("@");

  static final String EMAIL =
      "[^A-Za-z0-9_.%+-]([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:[.][A-Za-z0-9-]|[A-Za-z0-9-])*[.][A-Za-z]{2,})"
          + "[^A-Za-z0-9_]";

  static final String PHONE =
      "[^A-Za-z0-9_+](\\+[1-9]\\d{7,14}"
          + "|(?:\\+1[ .-]?)?(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[ .-])[2-9]\\d{2}[ .-]\\d{4})"
          + "\\D";

  /**
   * Needs of {@link #PHONE}: four digits in a row (E.164's {@code \+[1-9]\d{7,14}} has eight, the
   * North American form ends with {@code \d{4}}). The international candidates ({@link
   * #PHONE_INTERNATIONAL}) have their own: {@link #PHONE_INTERNATIONAL_NEEDS}.
   */
  static final Prefilter PHONE_NEEDS = patterns(FOUR_DIGITS);

  static final String SSN_AREA = "(?:00[1-9]|0[1-9]\\d|[1-578]\\d\\d|6[0-57-9]\\d|66[0-57-9])";
  static final String SSN_GROUP = "(?:0[1-9]|[1-9]\\d)";
  static final String SSN_SERIAL = "(?:000[1-9]|00[1-9]\\d|0[1-9]\\d\\d|[1-9]\\d{3})";

  /** {@code ssn}, {@code ssns}, {@code ssid}, {@code social security [number|no]}: no final dot. */
  static final String SSN_WORD =
      anyOf(
          ci("ssn") + "[Ss]?",
          ci("ssid"),
          ci("social security") + optional(" " + ci("number"), " " + ci("no")));

  static final String US_SSN = usSsn(Classes.CPU);

  /**
   * Needs of {@link #US_SSN} (both forms): four digits in a row (the serial, {@link #SSN_SERIAL},
   * is four digits in both alternatives).
   */
  static final Prefilter US_SSN_NEEDS = patterns(FOUR_DIGITS);

  /** {@link #US_SSN} with the classes of GPU executors. */
  static final String US_SSN_GPU = usSsn(Classes.GPU);

  private static String usSsn(Classes u) {
    return "[^\\d-]"
        + SSN_AREA
        + "(?:-"
        + SSN_GROUP
        + "-| "
        + SSN_GROUP
        + " |\\."
        + SSN_GROUP
        + "\\.)"
        + SSN_SERIAL
        + "[^\\d-]"
        + "|"
        + wordStart(u)
        + "(?:"
        // the word, a non-word character, at most 19 more: the last one no dash
        + SSN_WORD
        + "(?:[^"
        + u.word()
        + "\\n-]|[^"
        + u.word()
        + "\\n][^\\d\\n]{0,18}[^\\d\\n-])"
        // "no." (the dot is a non-word character, so \b needs a word character after it)
        + "|"
        + ci("social security no")
        // only a run of exactly 20 after "no." is not also a run after "no"
        + "\\."
        + u.letterOrOtherDigit()
        + "[^\\d\\n]{18}[^\\d\\n-]"
        + ")"
        + SSN_AREA
        + SSN_GROUP
        + SSN_SERIAL
        + "[^\\d-]";
  }

  static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  static final String IPV4 =
      "[^\\d.](" + OCTET + "[.]" + OCTET + "[.]" + OCTET + "[.]" + OCTET + ")(?:[^\\d.]|[.]\\D)";

  /** Needs of {@link #IPV4}: its dots. */
  static final Prefilter IPV4_NEEDS = literals(".");

  /** One IPv6 group: 1 to 4 hex digits. */
  private static final String HEX = "[0-9A-Fa-f]{1,4}";

  /**
   * IPv6 in its full and {@code ::}-compressed forms; {@code (?:h:){1,7}} is spelled as nested
   * optional groups ({@link #times}), because RAPIDS does not repeat a group that holds a
   * repetition.
   */
  static final String IPV6 =
      "[^A-Za-z0-9_:.]("
          + String.join(
              "|",
              times(HEX + ":", 7, 7) + HEX,
              times(HEX + ":", 1, 7) + ":",
              times(HEX + ":", 1, 6) + ":" + HEX,
              times(HEX + ":", 1, 5) + times(":" + HEX, 1, 2),
              times(HEX + ":", 1, 4) + times(":" + HEX, 1, 3),
              times(HEX + ":", 1, 3) + times(":" + HEX, 1, 4),
              times(HEX + ":", 1, 2) + times(":" + HEX, 1, 5),
              HEX + ":" + times(":" + HEX, 1, 6),
              "::" + times(HEX + ":", 0, 5) + HEX)
          + ")[^A-Za-z0-9_:.]";

  /** Needs of {@link #IPV6}: a colon (every alternative has one). */
  static final Prefilter IPV6_NEEDS = literals(":");

  /**
   * A month name; an optional dot is {@code [.]?}: RAPIDS does not quantify an escaped character.
   */
  static final String MONTH =
      "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}[.]?";

  static final String DAY = "(?:0?[1-9]|[12]\\d|3[01])";
  static final String MONTH_NUMBER = "(?:0?[1-9]|1[0-2])";
  static final String YEAR = "(?:19|20)\\d{2}";

  static final String DOB_WORD =
      anyOf(
          ci("date of birth"),
          ci("birth") + optional(ci("day"), ci("date"), ci(" date")),
          ci("born"),
          ci("dob"),
          ci("d.o.b") + "[.]?");

  /** The date after a date-of-birth context word (group 1) and its boundary. */
  private static final String DATE =
      "("
          + YEAR
          + "-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
          + "|(?:"
          + MONTH_NUMBER
          + "[/.-]"
          + DAY
          + "|"
          + DAY
          + "[/.-]"
          + MONTH_NUMBER
          + ")[/.-]"
          + YEAR
          + "|"
          + DAY
          + " "
          + MONTH
          + ",? "
          + YEAR
          + "|"
          + MONTH
          + " "
          + DAY
          + ",? "
          + YEAR
          + ")(?:[^\\d/.-]|[/.-]\\D)";

  static final String DATE_OF_BIRTH = WORD_START + DOB_WORD + "[^\\d\\n]{0,25}?" + DATE;

  /**
   * {@link #DATE_OF_BIRTH} with the classes of GPU executors and a greedy gap: the same match, as
   * the gap holds no digit, so the date after it starts at its first digit or at a month name
   * before it, and a month name runs up to that digit (a capitalised word, one space).
   */
  static final String DATE_OF_BIRTH_GPU =
      wordStart(Classes.GPU) + DOB_WORD + "[^\\d\\n]{0,25}" + DATE;

  /**
   * Needs of {@link #DATE_OF_BIRTH} (both forms): four digits in a row (every date ends with a
   * {@link #YEAR} or starts with one).
   */
  static final Prefilter DATE_OF_BIRTH_NEEDS = patterns(FOUR_DIGITS);

  static final String POSTAL_WORD =
      anyOf(
          ci("zip") + optional(" ?" + ci("code")),
          ci("postal code"),
          ci("post") + " ?" + ci("code"));

  /** A US ZIP or ZIP+4, or a UK postcode (group 1), and the boundary after it. */
  private static final String POSTAL =
      "(\\d{5}(?:-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})[^A-Za-z0-9_-]";

  static final String POSTAL_CODE =
      WORD_START
          + POSTAL_WORD
          // \b after the word: a non-word character first; the last one before the code no [\w-]
          + "(?:[^"
          + WORDISH
          + "\\nA-Za-z0-9_-]|[^"
          + WORDISH
          + "\\n][^\\n]{0,18}?[^\\nA-Za-z0-9_-])"
          + POSTAL;

  /**
   * {@link #POSTAL_CODE} with the classes of GPU executors and a greedy gap; group 1 is what
   * follows the word, up to the boundary after the LAST code within reach, where the lazy gap
   * stopped at the first: {@link #POSTAL_CODE_FIRST} reads that one from group 1. (Java tries the
   * same context word and the same first alternative, a code right after the non-word character, in
   * both; a code in group 1 cannot run past its end, as a code's only possible boundary character
   * inside is a postcode's space, and no code starts with a digit and a letter.)
   */
  static final String POSTAL_CODE_GPU =
      wordStart(Classes.GPU)
          + POSTAL_WORD
          + "((?:[^"
          + Classes.GPU.word()
          + "\\nA-Za-z0-9_-]|[^"
          + Classes.GPU.word()
          + "\\n][^\\n]{0,18}[^\\nA-Za-z0-9_-])"
          + POSTAL
          + ")";

  /**
   * Needs of {@link #POSTAL_CODE} (both forms): a US ZIP's five digits hold four in a row; a UK
   * postcode ends with a digit and two upper-case letters ({@code \d[A-Z]{2}}).
   */
  static final Prefilter POSTAL_CODE_NEEDS = patterns(FOUR_DIGITS, "[0-9][A-Z]{2}");

  /** The first code (group 1) in group 1 of {@link #POSTAL_CODE_GPU}. */
  static final String POSTAL_CODE_FIRST = "[^\\nA-Za-z0-9_-]" + POSTAL;

  /**
   * An international phone candidate for {@code regexp_extract_all} (group 1). Run it over text
   * where {@link #PLUS_BOUNDARY} became {@link #PLUS_BOUNDARY_TRIPLED}: a match can consume two
   * characters after it (a closing parenthesis and the boundary), so each boundary character before
   * a {@code +} is written three times, and the next candidate still finds its own.
   */
  static final String PHONE_INTERNATIONAL =
      "[^A-Za-z0-9_+](\\+[1-9]\\d{0,2}" + times("[ .-][(]?[0-9]{1,6}[)]?", 2, 6) + ")\\D";

  /**
   * Needs of {@link #PHONE_INTERNATIONAL}: a {@code +} and a digit 1–9 right after it. Run as
   * {@code contains('+') AND rlike('[+][1-9]')}: the byte search first, the expression only for the
   * texts with a {@code +}.
   */
  static final String PHONE_INTERNATIONAL_NEEDS = "[+][1-9]";

  /** A boundary character before a {@code +}, and its replacement (three times). */
  static final String PLUS_BOUNDARY = "([^A-Za-z0-9_+])\\+";

  static final String PLUS_BOUNDARY_TRIPLED = "$1$1$1+";

  static final String AWS_ACCESS_KEY = "[^A-Z0-9]((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})[^A-Z0-9]";

  /** Needs of {@link #AWS_ACCESS_KEY}: one of its four prefixes. */
  static final Prefilter AWS_ACCESS_KEY_NEEDS = literals("AKIA", "ASIA", "ABIA", "ACCA");

  static final String AZURE_STORAGE_KEY = ci("AccountKey") + "=[A-Za-z0-9+/]{20,}={0,2}";

  /** Needs of {@link #AZURE_STORAGE_KEY}: its {@code =} (the word's case varies). */
  static final Prefilter AZURE_STORAGE_KEY_NEEDS = literals("=");

  static final String JWT =
      "[^A-Za-z0-9_-](eyJ[A-Za-z0-9_-]{2,}\\.eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*)";

  /** Needs of {@link #JWT}: {@code eyJ}, the start of its header. */
  static final Prefilter JWT_NEEDS = literals("eyJ");

  /**
   * A PEM private-key header, as {@code Secrets.PRIVATE_KEY} ({@code (?:[A-Z0-9]+ )*} spelled
   * without a repetition inside the repeated group).
   */
  static final String PRIVATE_KEY =
      "-----BEGIN (?:(?:[A-Z0-9]|[A-Z0-9] )*[A-Z0-9] )?PRIVATE KEY(?: BLOCK)?-----";

  /** Needs of {@link #PRIVATE_KEY}: its literal start. */
  static final Prefilter PRIVATE_KEY_NEEDS = literals("-----BEGIN ");

  /**
   * Where a lookbehind held: the card and IBAN candidates are read with {@code regexp_extract_all},
   * where a consumed boundary character could hide a candidate that follows after one character. So
   * the text is first marked: {@link #AFTER} is inserted after each character where the candidate's
   * lookahead holds, {@link #BEFORE} before each character where its lookbehind holds, and the
   * candidate pattern consumes the marks instead of the neighbours. Both are private-use
   * characters; any already in the text become {@link #OTHER} first (all three are "other"
   * characters for every class used here), and the marks are removed from the candidates.
   */
  static final String BEFORE = "\uE000";

  /** Where a lookahead held (see {@link #BEFORE}). */
  static final String AFTER = "\uE001";

  /** What a mark character already in the text becomes. */
  static final String OTHER = "\uE002";

  /** The two marks, as a class. */
  static final String MARKS = "[" + BEFORE + AFTER + "]";

  /**
   * The card search's condition: four digits in a row. Not implied by {@link #CARD_CANDIDATE} (a
   * separator may stand between every two digits): it was the scan's guard before the other
   * prefilters and is part of what the scan counts, unchanged.
   */
  static final Prefilter CREDIT_CARD_NEEDS = patterns(FOUR_DIGITS);

  /** Card: a digit not followed by a digit or a dash ({@code (?![\d-])}), and what follows. */
  static final String CARD_AFTER = "([0-9])([^0-9-])";

  /** Card: a digit not preceded by a word character, {@code +} or {@code -}. */
  static final String CARD_BEFORE = "([^A-Za-z0-9_+-])([0-9])";

  /**
   * A credit-card candidate (group 1) in marked text: 13–19 digits, a space or a dash allowed
   * between two of them; as {@code (?<![\w+-])((?:\d[ -]?){12,18}\d)(?![\d-])} on the text. A space
   * between two digits is marked on both sides.
   */
  static final String CARD_CANDIDATE =
      BEFORE + "((?:[0-9]-|[0-9]" + AFTER + " " + BEFORE + "|[0-9]){12,18}[0-9])" + AFTER;

  /** IBAN: a letter or digit not followed by one, and what follows. */
  static final String IBAN_AFTER = "([A-Za-z0-9])([^A-Za-z0-9])";

  /** IBAN: an upper-case letter not preceded by a letter or digit. */
  static final String IBAN_BEFORE = "([^A-Za-z0-9])([A-Z])";

  /**
   * Needs of an IBAN candidate ({@link #IBAN_CANDIDATE}): its country code and check digits, two
   * upper-case letters and two digits in a row.
   */
  static final Prefilter IBAN_NEEDS = patterns("[A-Z]{2}[0-9]{2}");

  private static final String X4 = "[A-Z0-9][A-Z0-9][A-Z0-9][A-Z0-9]";

  /**
   * An IBAN candidate (group 1) in marked text; as {@code
   * (?<![A-Za-z0-9])([A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?:
   * [A-Z0-9]{1,4})?|(?:-[A-Z0-9]{4}){2,7}(?:-[A-Z0-9]{1,4})?))(?![A-Za-z0-9])} on the text (a
   * separator is marked before it, and after it where a letter follows).
   */
  static final String IBAN_CANDIDATE = ibanCandidate();

  /**
   * The IBAN candidate pattern; {@code (?: X{4}){2,7}(?: X{1,4})?} becomes two alternatives, with
   * and without the last short group (RAPIDS's replace takes no optional group in a choice): the
   * first success is the same, the longest that ends where the lookahead holds.
   */
  private static String ibanCandidate() {
    String space = "(?:" + AFTER + " " + BEFORE + "|" + AFTER + " )";
    String dash = "(?:" + AFTER + "-" + BEFORE + "|" + AFTER + "-)";
    String spaced = "(?:" + space + X4 + "){2,7}";
    String dashed = "(?:" + dash + X4 + "){2,7}";
    return BEFORE
        + "([A-Z][A-Z][0-9][0-9](?:[A-Z0-9]{11,30}|"
        + String.join(
            "|", spaced + space + "[A-Z0-9]{1,4}", spaced, dashed + dash + "[A-Z0-9]{1,4}", dashed)
        + "))"
        + AFTER;
  }

  /** {@code text} (padded) with the marks of {@code after} and then of {@code before} inserted. */
  static Column marked(Column text, String after, String before) {
    Column clean = regexp_replace(padded(text), lit(MARKS), lit(OTHER));
    Column ends = regexp_replace(clean, lit(after), lit("$1" + AFTER + "$2"));
    return regexp_replace(ends, lit(before), lit("$1" + BEFORE + "$2"));
  }

  /** {@code text} without the marks. */
  static Column unmarked(Column text) {
    return regexp_replace(text, lit(MARKS), lit(""));
  }

  /** The IBAN candidates in {@code text}, in order. */
  static Column ibanCandidates(Column text) {
    return transform(
        regexp_extract_all(marked(text, IBAN_AFTER, IBAN_BEFORE), lit(IBAN_CANDIDATE), lit(1)),
        PiiPatterns::unmarked);
  }

  /**
   * The card candidates in {@code text}, in order, once each IBAN candidate became a space (the
   * digits of a spaced IBAN would otherwise pass Luhn one time in ten).
   */
  static Column cardCandidates(Column text) {
    Column withoutIbans =
        unmarked(
            regexp_replace(marked(text, IBAN_AFTER, IBAN_BEFORE), lit(IBAN_CANDIDATE), lit(" ")));
    return transform(
        regexp_extract_all(
            marked(withoutIbans, CARD_AFTER, CARD_BEFORE), lit(CARD_CANDIDATE), lit(1)),
        PiiPatterns::unmarked);
  }

  /**
   * One of {@code alternatives}, as a non-capturing group {@code (?:a|b|c)}: the context-word lists
   * read as lists, and no hand-written bar or parenthesis can go missing.
   */
  static String anyOf(String... alternatives) {
    return "(?:" + String.join("|", alternatives) + ")";
  }

  /** One of {@code alternatives} or nothing, {@code (?:a|b)?}. */
  static String optional(String... alternatives) {
    return anyOf(alternatives) + "?";
  }

  /**
   * {@code unit} repeated {@code min} to {@code max} times, greedily, as {@code (?:unit){min,max}}
   * but written out: the required copies, then nested optional groups.
   */
  static String times(String unit, int min, int max) {
    StringBuilder optional = new StringBuilder();
    for (int i = min; i < max; i++) {
      optional.insert(0, "(?:" + unit).append(")?");
    }
    return unit.repeat(min) + optional;
  }

  /**
   * {@code word} matched without regard to ASCII case, as {@code (?i:word)}: each letter becomes a
   * class of its two cases, other characters are quoted.
   */
  static String ci(String word) {
    StringBuilder out = new StringBuilder();
    for (char c : word.toCharArray()) {
      if (Character.isLetter(c)) {
        out.append('[')
            .append(Character.toUpperCase(c))
            .append(Character.toLowerCase(c))
            .append(']');
      } else if (c == ' ' || Character.isDigit(c)) {
        out.append(c);
      } else {
        out.append('\\').append(c);
      }
    }
    return out.toString();
  }
}
