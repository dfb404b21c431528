package dev.assay.metrics.privacy;

import static dev.assay.metrics.privacy.PiiPatterns.padded;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_extract_all;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.repeat;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.reverse;
import static org.apache.spark.sql.functions.rpad;
import static org.apache.spark.sql.functions.rtrim;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import dev.assay.core.Secrets;
import org.apache.spark.sql.Column;

/**
 * The kinds of personal data and secrets the PII scan finds in text, each as a built-in Spark
 * expression (Java regular expressions through {@code rlike}/{@code regexp_extract_all}, checksums
 * as written-out string and arithmetic expressions): no UDF. Patterns and validators follow
 * Microsoft Presidio's predefined recognisers where one exists (credit card with Luhn, IBAN with
 * mod-97, US SSN area/group/serial rules, email, IPv4) and the secret detectors of
 * detect-secrets/gitleaks for keys and tokens (those patterns live in {@link Secrets}, which also
 * scrubs them from messages and outputs). A value counts when it holds at least one valid match.
 * Metrics: {@code pii_<id>_count} and {@code pii_<id>_rate} per column.
 */
public enum PiiType {

  /** An e-mail address: local part, {@code @}, a domain with a top-level part of 2+ letters. */
  EMAIL("email", PiiPatterns.EMAIL, 1, PiiPatterns.EMAIL_NEEDS),

  /**
   * A phone number: North American (area and exchange codes start with 2–9, separated by space, dot
   * or dash, optionally in parentheses, optionally with a +country code), compact E.164 ({@code +}
   * and 8–15 digits) or international with separators ({@code +44 20 7946 0958}, {@code +33 1 23 45
   * 67 89}, {@code +49 (30) 1234-5678}: a candidate by pattern, then 8–15 digits in all). National
   * formats without {@code +} other than North American are not recognised.
   */
  PHONE("phone", PiiPatterns.PHONE, 1, PiiPatterns.PHONE_NEEDS),

  /**
   * A payment card number: 13–19 digits (spaces or dashes between them allowed) that pass the Luhn
   * checksum (ISO/IEC 7812-1), as Presidio's CreditCardRecognizer; digits inside an IBAN-shaped
   * token do not count.
   */
  CREDIT_CARD("credit_card", null, 0, PiiPatterns.CREDIT_CARD_NEEDS),

  /**
   * An IBAN: two letters, two check digits and 11–30 letters or digits (spaces allowed every four),
   * 15–34 characters in all, whose mod-97 check (ISO 13616 / ISO 7064) gives 1. The per-country
   * length table is not checked.
   */
  IBAN("iban", null, 0, PiiPatterns.IBAN_NEEDS),

  /**
   * A US social security number written 3-2-4 with one separator (dash, space or dot), or nine
   * digits without separators right after one of Presidio's context words ({@code ssn}, {@code
   * ssns}, {@code ssid}, {@code social security [number|no]}, up to 20 other characters between):
   * area not 000, 666 or 9xx, group not 00, serial not 0000 (SSA rules, as Presidio's
   * UsSsnRecognizer). Nine digits without a context word are not counted (too many false
   * positives).
   */
  US_SSN("us_ssn", PiiPatterns.US_SSN, PiiPatterns.US_SSN_GPU, 0, PiiPatterns.US_SSN_NEEDS),

  /** A dotted-quad IPv4 address, each octet 0–255. */
  IPV4("ipv4", PiiPatterns.IPV4, 1, PiiPatterns.IPV4_NEEDS),

  /**
   * An IPv6 address in full or {@code ::}-compressed form (eight groups of 1–4 hex digits, or fewer
   * with one {@code ::}), not inside a longer run of hex digits and colons. The mixed form with a
   * dotted IPv4 tail ({@code ::ffff:1.2.3.4}) counts as IPv4 only.
   */
  IPV6("ipv6", PiiPatterns.IPV6, 1, PiiPatterns.IPV6_NEEDS),

  /**
   * A date of birth: a date (ISO {@code 1985-03-12}; day and month either way round with {@code /},
   * {@code .} or {@code -} and a four-digit year; {@code 12 March 1985}; {@code March 12, 1985}) of
   * the years 1900–2099 at most 25 characters after one of Presidio's context words for dates of
   * birth ({@code birth}, {@code birthday}, {@code birthdate}, {@code date of birth}, {@code born},
   * {@code dob}, {@code d.o.b.}). A date without such a word is not counted. Day-in-month (31
   * February) is not checked.
   */
  DATE_OF_BIRTH(
      "date_of_birth",
      PiiPatterns.DATE_OF_BIRTH,
      PiiPatterns.DATE_OF_BIRTH_GPU,
      1,
      PiiPatterns.DATE_OF_BIRTH_NEEDS),

  /**
   * A postal code next to a context word ({@code zip}, {@code zip code}, {@code zipcode}, {@code
   * postal code}, {@code postcode}, {@code post code}; at most 20 characters between): a US ZIP or
   * ZIP+4 ({@code 02139}, {@code 02139-4307}) or a UK postcode ({@code SW1A 1AA}, {@code M1 1AE}:
   * outward code, optional space, digit and two letters). Without a context word five digits are
   * far too often something else, so they do not count.
   */
  POSTAL_CODE(
      "postal_code",
      PiiPatterns.POSTAL_CODE,
      PiiPatterns.POSTAL_CODE_GPU,
      1,
      PiiPatterns.POSTAL_CODE_NEEDS),

  /** An AWS access key id: AKIA/ASIA/ABIA/ACCA and 16 upper-case letters or digits. */
  AWS_ACCESS_KEY("aws_access_key", PiiPatterns.AWS_ACCESS_KEY, 1, PiiPatterns.AWS_ACCESS_KEY_NEEDS),

  /**
   * An Azure storage account key as it appears in a connection string: {@code AccountKey=} and 20+
   * base64 characters.
   */
  AZURE_STORAGE_KEY(
      "azure_storage_key", PiiPatterns.AZURE_STORAGE_KEY, 0, PiiPatterns.AZURE_STORAGE_KEY_NEEDS),

  /** A JSON web token: base64url header and payload starting with {@code eyJ}, and a signature. */
  JWT("jwt", PiiPatterns.JWT, 1, PiiPatterns.JWT_NEEDS),

  /** A PEM private-key block header ({@code -----BEGIN ... PRIVATE KEY-----}). */
  PRIVATE_KEY("private_key", PiiPatterns.PRIVATE_KEY, 0, PiiPatterns.PRIVATE_KEY_NEEDS);

  private final String id;
  private final String pattern;
  private final String gpuPattern;
  private final int group;
  private final PiiPatterns.Prefilter needs;

  /**
   * @param pattern the type's expression in the GPU-compatible subset ({@link PiiPatterns}); null
   *     where checksums decide
   * @param group the capture group holding the value (0: the whole match)
   * @param needs a cheap condition without which the type finds nothing ({@link
   *     PiiPatterns.Prefilter})
   */
  PiiType(String id, String pattern, int group, PiiPatterns.Prefilter needs) {
    this(id, pattern, pattern, group, needs);
  }

  /**
   * @param pattern the type's expression on CPU executors
   * @param gpuPattern the same on GPU executors ({@link PiiPatterns.Form}): no {@code \p{..}}
   *     class, no lazy quantifier
   */
  PiiType(String id, String pattern, String gpuPattern, int group, PiiPatterns.Prefilter needs) {
    this.id = id;
    this.pattern = pattern;
    this.gpuPattern = gpuPattern;
    this.group = group;
    this.needs = needs;
  }

  /** The type's prefilter: where it fails, {@link #found} is false without a regular expression. */
  PiiPatterns.Prefilter needs() {
    return needs;
  }

  /** The type's expression in {@code form}. */
  String pattern(PiiPatterns.Form form) {
    return form == PiiPatterns.Form.GPU ? gpuPattern : pattern;
  }

  /** The stable snake_case name inside the metric names. */
  public String id() {
    return id;
  }

  /** {@code pii_<id>_count}. */
  public String countMetric() {
    return "pii_" + id + "_count";
  }

  /** {@code pii_<id>_rate}. */
  public String rateMetric() {
    return "pii_" + id + "_rate";
  }

  /**
   * True where {@code text} holds at least one valid match; null where it is null. The patterns'
   * form follows the active session ({@link PiiPatterns.Form#active}).
   */
  public Column found(Column text) {
    return found(text, PiiPatterns.Form.active());
  }

  /** As {@link #found(Column)}, with the patterns of {@code form}. */
  Column found(Column text, PiiPatterns.Form form) {
    String pattern = pattern(form);
    if (this == PHONE) {
      return needs
          .guard(text, padded(text).rlike(pattern))
          .or(
              when(
                      text.contains("+").and(text.rlike(PiiPatterns.PHONE_INTERNATIONAL_NEEDS)),
                      exists(internationalPhones(text), PiiType::phoneDigits))
                  .otherwise(lit(false)));
    }
    if (this == CREDIT_CARD) {
      // A cheap guard first: most text has no run of four digits, and CASE WHEN skips the rest.
      return when(needs.on(text), exists(PiiPatterns.cardCandidates(text), PiiType::luhnValid))
          .otherwise(lit(false));
    }
    if (this == IBAN) {
      return when(needs.on(text), exists(PiiPatterns.ibanCandidates(text), PiiType::ibanValid))
          .otherwise(lit(false));
    }
    // the prefilter first: most values fail it, and CASE WHEN then skips the pattern
    return needs.guard(text, padded(text).rlike(pattern));
  }

  /**
   * The first valid match in {@code text}, masked by built-in expressions on the executor (null
   * where there is none), so that a report can show what kind of value was found without showing
   * it: a card keeps its first and last four digits ({@code 4111 **** **** 1111}), an IBAN its
   * country code and last four characters, an SSN its last four digits, a phone number its last two
   * digits, an e-mail address its first character and its domain ({@code j*******@example.org}), an
   * IPv4 address its first octet; a secret is replaced whole by its length ({@code ******** (20
   * characters)}).
   */
  public Column masked(Column text) {
    PiiPatterns.Form form = PiiPatterns.Form.active();
    return when(found(text, form), mask(firstMatch(text, form)));
  }

  /**
   * The first valid match in {@code text} (the first candidate passing the checksum for cards,
   * IBANs and international phone numbers); meaningful only where {@link #found} is true.
   */
  Column firstMatch(Column text, PiiPatterns.Form form) {
    String pattern = pattern(form);
    Column match;
    if (this == CREDIT_CARD) {
      match = element_at(filter(PiiPatterns.cardCandidates(text), PiiType::luhnValid), 1);
    } else if (this == IBAN) {
      match = element_at(filter(PiiPatterns.ibanCandidates(text), PiiType::ibanValid), 1);
    } else if (this == PHONE) {
      match =
          coalesce(
              nullif(regexp_extract(padded(text), pattern, group), lit("")),
              element_at(filter(internationalPhones(text), PiiType::phoneDigits), 1));
    } else if (this == POSTAL_CODE && form == PiiPatterns.Form.GPU) {
      // the greedy gap reaches the last code: the first one is read from what follows the word
      match =
          regexp_extract(
              regexp_extract(padded(text), pattern, group), PiiPatterns.POSTAL_CODE_FIRST, 1);
    } else {
      match = regexp_extract(padded(text), pattern, group);
    }
    return match;
  }

  /** The international phone candidates in {@code text}, in order. */
  private static Column internationalPhones(Column text) {
    Column spaced =
        regexp_replace(
            padded(text), lit(PiiPatterns.PLUS_BOUNDARY), lit(PiiPatterns.PLUS_BOUNDARY_TRIPLED));
    return regexp_extract_all(spaced, lit(PiiPatterns.PHONE_INTERNATIONAL), lit(1));
  }

  /** Masks one valid match of this type (see {@link #masked}). */
  Column mask(Column match) {
    if (this == CREDIT_CARD) {
      Column d = regexp_replace(match, "[^0-9]", "");
      return inFours(
          concat(
              d.substr(lit(1), lit(4)),
              repeat(lit("*"), length(d).minus(8)),
              d.substr(length(d).minus(3), lit(4))));
    }
    if (this == IBAN) {
      Column s = upper(regexp_replace(match, "[^A-Za-z0-9]", ""));
      return inFours(
          concat(
              s.substr(lit(1), lit(2)),
              repeat(lit("*"), length(s).minus(6)),
              s.substr(length(s).minus(3), lit(4))));
    }
    if (this == US_SSN) {
      // the match may end with the boundary character after the number: its last four digits
      Column digits = regexp_replace(match, "[^0-9]", "");
      return concat(lit("***-**-"), digits.substr(length(digits).minus(3), lit(4)));
    }
    if (this == PHONE) {
      // every digit but the last two becomes '*'
      // from the second-to-last digit on, read at the start of the reversed match (no '$')
      Column lastTwo = reverse(regexp_extract(reverse(match), "^([^0-9]*[0-9][^0-9]*[0-9])", 1));
      Column head = match.substr(lit(1), length(match).minus(length(lastTwo)));
      return concat(regexp_replace(head, "[0-9]", "*"), lastTwo);
    }
    if (this == EMAIL) {
      Column local = substring_index(match, "@", 1);
      return concat(
          local.substr(lit(1), lit(1)),
          repeat(lit("*"), greatest(lit(3), length(local).minus(1))),
          lit("@"),
          substring_index(match, "@", -1));
    }
    if (this == IPV4) {
      return concat(substring_index(match, ".", 1), lit(".*.*.*"));
    }
    if (this == IPV6) {
      return concat(regexp_extract(match, "^[0-9A-Fa-f]{0,4}", 0), lit(":****"));
    }
    if (this == DATE_OF_BIRTH) {
      // the year stays (HIPAA Safe Harbor keeps years), day and month (one or two digits) go;
      // twice, because a number's boundary character may be the previous number's
      Column words = regexp_replace(match, lit("[A-Za-z]+[.]?"), lit("***"));
      return maskShortNumbers(maskShortNumbers(words));
    }
    if (this == POSTAL_CODE) {
      // a US ZIP keeps its first three digits (HIPAA Safe Harbor), a UK postcode its outward code
      return when(
              match.rlike("^\\d"),
              // the match is a ZIP or ZIP+4: its only dash is before the +4
              regexp_replace(
                  regexp_replace(match, "^([0-9]{3})[0-9]{2}", "$1**"), "-[0-9]{4}", "-****"))
          // a UK postcode's inward code is its last three characters (a space may precede them)
          .otherwise(concat(rtrim(match.substr(lit(1), length(match).minus(3))), lit(" ***")));
    }
    return concat(
        repeat(lit("*"), least(lit(8), length(match))),
        lit(" ("),
        length(match),
        lit(" characters)"));
  }

  /** Groups a masked number in fours, separated by spaces. */
  private static Column inFours(Column s) {
    return rtrim(regexp_replace(s, lit("(.{4})"), lit("$1 ")));
  }

  /** A one- or two-digit number between non-word characters becomes {@code **}. */
  private static Column maskShortNumbers(Column s) {
    // over the text with a space before and after it (RAPIDS has no '^' or '$' as an alternative)
    Column replaced =
        regexp_replace(padded(s), lit("([^0-9A-Za-z_])[0-9]{1,2}([^0-9A-Za-z_])"), lit("$1**$2"));
    return replaced.substr(lit(2), length(replaced).minus(2));
  }

  /** True where a phone candidate holds 8–15 digits (E.164's bounds, country code included). */
  static Column phoneDigits(Column candidate) {
    return length(regexp_replace(candidate, "[^0-9]", "")).between(8, 15);
  }

  /** The longest card number: the Luhn sum is written out for this many digits. */
  private static final int CARD_DIGITS_MAX = 19;

  /**
   * The Luhn check of a candidate's digits: from the right, every second digit is doubled (minus 9
   * when above 9); the sum must be a multiple of 10. Also 13–19 digits. The digits are reversed and
   * padded with zeros to 19 (a zero adds nothing), each doubled digit is read from a copy
   * translated digit by digit ({@code 0123456789 → 0246813579}), and the 19 terms are added in one
   * written-out sum: plain string and arithmetic expressions, which GPU executors run, where a fold
   * with {@code aggregate} would not.
   */
  static Column luhnValid(Column candidate) {
    Column digits = regexp_replace(candidate, "[^0-9]", "");
    Column plain = rpad(reverse(digits), CARD_DIGITS_MAX, "0");
    Column doubled = translate(plain, "0123456789", "0246813579");
    Column sum = lit(0);
    for (int i = 1; i <= CARD_DIGITS_MAX; i++) {
      Column from = i % 2 == 0 ? doubled : plain;
      sum = sum.plus(from.substr(i, 1).cast("int"));
    }
    return length(digits).between(13, 19).and(sum.mod(10).equalTo(0));
  }

  /** The longest IBAN, in characters. */
  private static final int IBAN_CHARACTERS_MAX = 34;

  /** Digits carried into the mod-97 remainder at each step: remainder and chunk fit in a long. */
  private static final int MOD97_CHUNK = 7;

  /**
   * The ISO 7064 mod-97-10 check of an IBAN candidate: move the first four characters to the end,
   * read letters as 10–35, and the number mod 97 must be 1. Also 15–34 characters. Each letter is
   * replaced by its two digits, and the number (at most 68 digits) is reduced seven digits at a
   * time: remainder r becomes (r written before the next seven digits) mod 97, which never
   * overflows a long — written out as plain string and arithmetic expressions (see {@link
   * #luhnValid}).
   */
  static Column ibanValid(Column candidate) {
    Column s = upper(regexp_replace(candidate, "[^A-Za-z0-9]", ""));
    Column number = concat(s.substr(5, 2 * IBAN_CHARACTERS_MAX), s.substr(1, 4));
    for (char letter = 'A'; letter <= 'Z'; letter++) {
      number = replace(number, lit(String.valueOf(letter)), lit(String.valueOf(letter - 'A' + 10)));
    }
    Column rest = lit(0L);
    for (int start = 1; start <= 2 * IBAN_CHARACTERS_MAX; start += MOD97_CHUNK) {
      Column chunk = number.substr(start, MOD97_CHUNK);
      rest = concat(rest.cast("string"), chunk).cast("long").mod(97);
    }
    return length(s).between(15, IBAN_CHARACTERS_MAX).and(rest.equalTo(1L));
  }
}
