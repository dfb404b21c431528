package dev.assay.metrics.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * A seeded corpus of sentences, each planting one valid PII value or secret (its type is the truth)
 * or a near miss of the same shape that must not count (a failing checksum, a reserved SSN area, an
 * octet above 255, a public key ...). Checksums are computed here, independently of the scan.
 */
final class PiiCorpus {

  /** One sentence and the type it really holds, or null for a near miss. */
  record Item(String text, PiiType truth, PiiType shape) {}

  private final Random random;

  PiiCorpus(long seed) {
    random = new Random(seed);
  }

  List<Item> items(int perType) {
    List<Item> out = new ArrayList<>();
    for (PiiType t : PiiType.values()) {
      for (int i = 0; i < perType; i++) {
        out.add(new Item(sentence(valid(t)), t, t));
        out.add(new Item(sentence(invalid(t)), null, t));
      }
    }
    return out;
  }

  private String sentence(String value) {
    String[] before = {"Customer wrote: ", "see ", "Contact info ", "", "Logged value ["};
    String[] after = {" thanks.", "", " (from the form)", "] end", ", please check"};
    return before[random.nextInt(before.length)] + value + after[random.nextInt(after.length)];
  }

  String valid(PiiType t) {
    if (t == PiiType.EMAIL) {
      return word(6)
          + "."
          + word(4)
          + "@"
          + word(7)
          + ".example."
          + new String[] {"com", "org", "de"}[random.nextInt(3)];
    }
    if (t == PiiType.PHONE) {
      int area = 200 + random.nextInt(800);
      int exchange = 200 + random.nextInt(800);
      String line = String.format("%04d", random.nextInt(10000));
      return switchOf(
          random.nextInt(7),
          "(" + area + ") " + exchange + "-" + line,
          area + "-" + exchange + "-" + line,
          "+1 " + area + " " + exchange + " " + line,
          "+44" + (7000000000L + random.nextInt(999999999)),
          "+44 20 " + digits(4) + " " + digits(4),
          "+33 "
              + (1 + random.nextInt(9))
              + " "
              + digits(2)
              + " "
              + digits(2)
              + " "
              + digits(2)
              + " "
              + digits(2),
          "+49 (30) " + digits(4) + "-" + digits(4));
    }
    if (t == PiiType.CREDIT_CARD) {
      return groups(card(true));
    }
    if (t == PiiType.IBAN) {
      return iban(true);
    }
    if (t == PiiType.US_SSN) {
      int area = 1 + random.nextInt(899);
      if (area == 666) {
        area = 665;
      }
      String sep = switchOf(random.nextInt(4), "-", " ", ".", "");
      String ssn =
          String.format(
              "%03d" + sep + "%02d" + sep + "%04d",
              area,
              1 + random.nextInt(99),
              1 + random.nextInt(9999));
      // nine digits without separators count only after a context word
      return sep.isEmpty()
          ? switchOf(random.nextInt(3), "SSN ", "social security number: ", "ssn#") + ssn
          : ssn;
    }
    if (t == PiiType.IPV4) {
      return random.nextInt(256)
          + "."
          + random.nextInt(256)
          + "."
          + random.nextInt(256)
          + "."
          + random.nextInt(256);
    }
    if (t == PiiType.IPV6) {
      return ipv6(false);
    }
    if (t == PiiType.DATE_OF_BIRTH) {
      return switchOf(
              random.nextInt(5), "date of birth: ", "DOB ", "born on ", "Birthday: ", "D.O.B. ")
          + date(true);
    }
    if (t == PiiType.POSTAL_CODE) {
      return switchOf(random.nextInt(4), "ZIP code ", "zip: ", "postcode ", "Postal code: ")
          + postalCode();
    }
    if (t == PiiType.AWS_ACCESS_KEY) {
      return "AKIA" + upper(16);
    }
    if (t == PiiType.AZURE_STORAGE_KEY) {
      return "DefaultEndpointsProtocol=https;AccountName="
          + word(8)
          + ";AccountKey="
          + base64(64)
          + ";EndpointSuffix=core.windows.net";
    }
    if (t == PiiType.JWT) {
      Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
      return b.encodeToString(
              "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
          + "."
          + b.encodeToString(("{\"sub\":\"" + word(8) + "\"}").getBytes(StandardCharsets.UTF_8))
          + "."
          + b.encodeToString(word(32).getBytes(StandardCharsets.UTF_8));
    }
    return "-----BEGIN " + switchOf(random.nextInt(3), "RSA ", "", "OPENSSH ") + "PRIVATE KEY-----";
  }

  String invalid(PiiType t) {
    if (t == PiiType.EMAIL) {
      return word(6) + " at " + word(7) + " dot com";
    }
    if (t == PiiType.PHONE) {
      return random.nextBoolean()
          ? "0"
              + (10 + random.nextInt(89))
              + "-"
              + (100 + random.nextInt(900))
              + "-"
              + String.format("%04d", random.nextInt(10000))
          : "+44 " + digits(2) + " " + digits(2); // six digits: too short for E.164
    }
    if (t == PiiType.CREDIT_CARD) {
      return groups(card(false));
    }
    if (t == PiiType.IBAN) {
      return iban(false);
    }
    if (t == PiiType.US_SSN && random.nextInt(3) == 0) {
      return "reference "
          + String.format(
              "%03d%02d%04d",
              1 + random.nextInt(665),
              1 + random.nextInt(99),
              1 + random.nextInt(9999)); // nine digits without a context word
    }
    if (t == PiiType.US_SSN) {
      String area = String.format("%03d", 1 + random.nextInt(665));
      String group = String.format("%02d", 1 + random.nextInt(99));
      String serial = String.format("%04d", 1 + random.nextInt(9999));
      int broken = random.nextInt(5); // exactly one SSA rule broken
      return (broken == 0
              ? "000"
              : broken == 1
                  ? "666"
                  : broken == 2 ? String.valueOf(900 + random.nextInt(100)) : area)
          + "-"
          + (broken == 3 ? "00" : group)
          + "-"
          + (broken == 4 ? "0000" : serial);
    }
    if (t == PiiType.IPV4) {
      return random.nextInt(256)
          + "."
          + (256 + random.nextInt(700))
          + "."
          + random.nextInt(256)
          + "."
          + random.nextInt(256);
    }
    if (t == PiiType.IPV6) {
      return ipv6(true);
    }
    if (t == PiiType.DATE_OF_BIRTH) {
      // a date without a context word, or a context word with an impossible month
      return random.nextBoolean()
          ? switchOf(random.nextInt(3), "appointment ", "visited on ", "invoice dated ")
              + date(true)
          : switchOf(random.nextInt(2), "DOB ", "date of birth: ") + date(false);
    }
    if (t == PiiType.POSTAL_CODE) {
      // five digits without a context word, or a context word with a number of the wrong length
      return random.nextBoolean()
          ? "order " + digits(5) + " shipped"
          : switchOf(random.nextInt(2), "zip ", "postcode ") + digits(random.nextBoolean() ? 4 : 6);
    }
    if (t == PiiType.AWS_ACCESS_KEY) {
      return "AKIA" + upper(12);
    }
    if (t == PiiType.AZURE_STORAGE_KEY) {
      return "AccountName=" + word(8) + ";AccountKey=" + word(6);
    }
    if (t == PiiType.JWT) {
      return "eyJ" + word(10);
    }
    return "-----BEGIN PUBLIC KEY-----";
  }

  /** A card number of 16 digits (15 for American Express) with a right or wrong Luhn digit. */
  String card(boolean valid) {
    String prefix = switchOf(random.nextInt(4), "4", "5" + (1 + random.nextInt(5)), "37", "6011");
    int length = prefix.equals("37") ? 15 : 16;
    StringBuilder s = new StringBuilder(prefix);
    while (s.length() < length - 1) {
      s.append(random.nextInt(10));
    }
    int check = luhnCheckDigit(s.toString());
    s.append(valid ? check : (check + 1 + random.nextInt(9)) % 10);
    return s.toString();
  }

  /** The digit that makes {@code body + digit} pass Luhn. */
  static int luhnCheckDigit(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int d = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (10 - sum % 10) % 10;
  }

  private String groups(String digits) {
    String sep = switchOf(random.nextInt(3), " ", "-", "");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 4) {
      if (i > 0) {
        out.append(sep);
      }
      out.append(digits, i, Math.min(digits.length(), i + 4));
    }
    return out.toString();
  }

  /** A German (DE, 18 digits) or British (GB, 4 letters + 14 digits) IBAN, right or wrong check. */
  String iban(boolean valid) {
    boolean de = random.nextBoolean();
    StringBuilder bban = new StringBuilder(de ? "" : upper4());
    while (bban.length() < 18) {
      bban.append(random.nextInt(10));
    }
    String country = de ? "DE" : "GB";
    int check = 98 - mod97(bban + country + "00");
    if (!valid) {
      check = (check + 1 + random.nextInt(90)) % 97 + 2;
      if (check == 98 - mod97(bban + country + "00")) {
        check = check == 98 ? 2 : check + 1;
      }
    }
    String compact = country + String.format("%02d", check) + bban;
    if (random.nextBoolean()) {
      return compact;
    }
    String sep = random.nextInt(3) == 0 ? "-" : " ";
    StringBuilder spaced = new StringBuilder();
    for (int i = 0; i < compact.length(); i += 4) {
      spaced.append(i > 0 ? sep : "").append(compact, i, Math.min(compact.length(), i + 4));
    }
    return spaced.toString();
  }

  /** ISO 7064 mod 97 of a string of digits and letters (A = 10 ... Z = 35). */
  static int mod97(String s) {
    int r = 0;
    for (char c : s.toCharArray()) {
      String v = Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10);
      for (char d : v.toCharArray()) {
        r = (r * 10 + (d - '0')) % 97;
      }
    }
    return r;
  }

  private String digits(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(random.nextInt(10));
    }
    return s.toString();
  }

  /**
   * An IPv6 address: eight groups of 1–4 hex digits, half of them with a run of two or more groups
   * compressed to {@code ::}; broken: a group of five hex digits, or nine groups.
   */
  private String ipv6(boolean broken) {
    List<String> groups = new ArrayList<>();
    int n = broken && random.nextBoolean() ? 9 : 8;
    for (int i = 0; i < n; i++) {
      groups.add(Integer.toHexString(random.nextInt(1 << (4 * (1 + random.nextInt(4))))));
    }
    if (broken) {
      if (n == 8) {
        groups.set(random.nextInt(8), Integer.toHexString(0x10000 + random.nextInt(0xEFFFF)));
      }
      return String.join(":", groups);
    }
    if (random.nextBoolean()) {
      return String.join(":", groups);
    }
    int length = 2 + random.nextInt(6); // 2..7 groups compressed, at least one left
    int start = random.nextInt(8 - length + 1);
    return String.join(":", groups.subList(0, start))
        + "::"
        + String.join(":", groups.subList(start + length, 8));
  }

  /** A date of 1930–2010 in one of five formats; not valid: month 13–19. */
  private String date(boolean valid) {
    int year = 1930 + random.nextInt(81);
    int month = valid ? 1 + random.nextInt(12) : 13 + random.nextInt(7);
    int day = 1 + random.nextInt(28);
    String[] names = {
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December"
    };
    if (!valid) {
      return random.nextBoolean()
          ? String.format("%d-%02d-%02d", year, month, day)
          : String.format("%02d/%02d/%d", month, day + 12 > 31 ? 13 : Math.max(13, day + 12), year);
    }
    return switchOf(
        random.nextInt(5),
        String.format("%d-%02d-%02d", year, month, day),
        String.format("%02d/%02d/%d", day, month, year),
        String.format("%02d-%02d-%d", month, day, year),
        day + " " + names[month - 1] + " " + year,
        names[month - 1] + " " + day + ", " + year);
  }

  /** A US ZIP, ZIP+4 or UK postcode. */
  private String postalCode() {
    String letters = "ABDEFGHJLNPQRSTUWXYZ";
    return switchOf(
        random.nextInt(3),
        digits(5),
        digits(5) + "-" + digits(4),
        (char) ('A' + random.nextInt(26))
            + (random.nextBoolean() ? "" + (char) ('A' + random.nextInt(26)) : "")
            + (1 + random.nextInt(9))
            + (random.nextBoolean() ? String.valueOf(random.nextInt(10)) : "")
            + " "
            + random.nextInt(10)
            + letters.charAt(random.nextInt(letters.length()))
            + letters.charAt(random.nextInt(letters.length())));
  }

  private String upper4() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      s.append((char) ('A' + random.nextInt(26)));
    }
    return s.toString();
  }

  private String word(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }

  private String upper(int n) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private String base64(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  private static String switchOf(int i, String... options) {
    return options[i];
  }
}
