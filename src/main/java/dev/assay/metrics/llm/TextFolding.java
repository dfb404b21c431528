package dev.assay.metrics.llm;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Folds a text into the plain lower-case form the safety detectors match, with built-in Spark SQL
 * expressions only ({@code translate}, {@code replace}, {@code lower}, {@code regexp_extract_all},
 * {@code unbase64}): no UDF, so the work stays in Spark's generated code (and on a GPU with the
 * RAPIDS Accelerator).
 *
 * <p>The one piece of Java is the translation table, computed once when the class loads (on the
 * driver, then shipped as a literal): every code point whose Unicode NFKD decomposition, without
 * its combining marks, is one printable ASCII character maps to that character (fullwidth {@code
 * Ｉ}, mathematical {@code 𝐢}, accented {@code é}, non-breaking space), a hand-written list of
 * Cyrillic and Greek look-alikes of Latin letters (Unicode confusables such as Cyrillic {@code а})
 * maps to the Latin letter, typographic quotes and dashes map to ASCII ones, and zero-width
 * characters, the soft hyphen and combining marks are deleted. This is NFKC's compatibility folding
 * restricted to one-character results plus accent removal; multi-character expansions are limited
 * to the ligatures in {@link #LIGATURES}.
 */
final class TextFolding {

  /** The blocks with compatibility or accented forms of Latin letters, digits and punctuation. */
  private static final int[][] FOLDED_BLOCKS = {
    {0x00A0, 0x024F}, // Latin-1 supplement, Latin extended A and B
    {0x1E00, 0x1EFF}, // Latin extended additional
    {0x2000, 0x24FF}, // punctuation, super/subscripts, letter-like symbols, enclosed alphanumerics
    {0xFF00, 0xFFEF}, // fullwidth forms
    {0x1D400, 0x1D7FF}, // mathematical alphanumeric symbols
    {0x1F100, 0x1F1FF} // enclosed alphanumeric supplement
  };

  /** Characters deleted outright: zero-width spaces and joiners, marks, soft hyphen, BOM. */
  static final String DELETED = deleted();

  /** The translation table: from[i] becomes to[i]; characters past to's end are deleted. */
  private static final String[] TABLE = table();

  /** Multi-character compatibility expansions folded with {@code replace}. */
  private static final Map<String, String> LIGATURES =
      Map.of(
          "\uFB00", "ff", "\uFB01", "fi", "\uFB02", "fl", "\uFB03", "ffi", "\uFB04", "ffl",
          "\uFB06", "st", "\u00DF", "ss", "\u00E6", "ae", "\u0153", "oe");

  /** Leetspeak digits and symbols and the letters they stand for. */
  static final String LEET_FROM = "013457@$";

  static final String LEET_TO = "oieastas";

  /** A run of base64 alphabet long enough to carry an instruction (12 or more bytes). */
  static final String BASE64_TOKEN = "([A-Za-z0-9+/]{16,}={0,2})";

  private TextFolding() {}

  /** The folded text: table applied, ligatures expanded, lower case; null stays null. */
  static Column folded(Column text) {
    Column out = functions.translate(text, TABLE[0], TABLE[1]);
    for (Map.Entry<String, String> e : LIGATURES.entrySet()) {
      out = functions.replace(out, functions.lit(e.getKey()), functions.lit(e.getValue()));
    }
    return functions.lower(out);
  }

  /** {@code folded} with leetspeak digits and symbols read as letters ("1gn0r3" → "ignore"). */
  static Column leet(Column folded) {
    return functions.translate(folded, LEET_FROM, LEET_TO);
  }

  /**
   * The base64 tokens of {@code text} (runs of 16 or more base64 characters), each decoded and read
   * as UTF-8, joined by newlines; an empty string without any. Invalid tokens decode to null and
   * are skipped.
   *
   * <p>Decoded as {@code CASE WHEN valid THEN unbase64(token) END} ({@link #decoded}), which is
   * {@code try_to_binary(token, 'base64')} on every token this pattern extracts, without the {@code
   * TryEval} the RAPIDS Accelerator cannot even send through its CPU bridge (so that the whole
   * projection of the check forms stayed on the CPU).
   */
  static Column decodedBase64(Column text) {
    Column tokens =
        functions.regexp_extract_all(
            functions.translate(text, DELETED, ""), functions.lit(BASE64_TOKEN), functions.lit(1));
    Column decoded = functions.transform(tokens, t -> decoded(t).cast("string"));
    return functions.array_join(decoded, "\n");
  }

  /**
   * A token of {@link #BASE64_TOKEN}'s shape (n ≥ 16 base64 characters, then p ≤ 2 {@code =})
   * decoded, or null where {@code try_to_binary(token, 'base64')} is null: Spark's check accepts
   * exactly n ≡ 0 (mod 4) without padding, n ≡ 2 with none or two {@code =}, n ≡ 3 with none or one
   * (RFC 4648 with optional padding), and {@code unbase64} then decodes as {@code try_to_binary}
   * does ({@code Base64DecodingTest} compares the two on 30,000 tokens). The check is arithmetic on
   * lengths, which the GPU runs.
   */
  static Column decoded(Column token) {
    Column padding =
        functions
            .length(token)
            .minus(
                functions.length(functions.replace(token, functions.lit("="), functions.lit(""))));
    Column n4 = functions.length(token).minus(padding).mod(4);
    Column valid =
        n4.equalTo(0)
            .and(padding.equalTo(0))
            .or(n4.equalTo(2).and(padding.notEqual(1)))
            .or(n4.equalTo(3).and(padding.lt(2)));
    return functions.when(valid, functions.unbase64(token));
  }

  /**
   * What the injection detector reads: the folded text, its leetspeak reading and the folded
   * decoded base64 tokens, joined by newlines (null when {@code text} is null).
   */
  static Column searchable(Column text) {
    Column folded = folded(text);
    return functions
        .when(text.isNull(), functions.lit(null).cast("string"))
        .otherwise(functions.concat_ws("\n", folded, leet(folded), folded(decodedBase64(text))));
  }

  private static String deleted() {
    StringBuilder s = new StringBuilder("\u00AD\u034F\u180E\u200B\u200C\u200D\u200E\u200F");
    s.append("\u2060\u2061\u2062\u2063\u2064\uFEFF");
    for (char c = '\u0300'; c <= '\u036F'; c++) {
      if (c != '\u034F') {
        s.append(c);
      }
    }
    return s.toString();
  }

  private static String[] table() {
    Map<Integer, Character> map = new LinkedHashMap<>();
    for (int[] block : FOLDED_BLOCKS) {
      for (int cp = block[0]; cp <= block[1]; cp++) {
        char folded = asciiBase(cp);
        if (folded != 0) {
          map.put(cp, Character.toLowerCase(folded));
        }
      }
    }
    confusables(map);
    StringBuilder from = new StringBuilder();
    StringBuilder to = new StringBuilder();
    for (Map.Entry<Integer, Character> e : map.entrySet()) {
      if (DELETED.indexOf(e.getKey()) < 0) {
        from.appendCodePoint(e.getKey());
        to.append(e.getValue());
      }
    }
    from.append(DELETED);
    return new String[] {from.toString(), to.toString()};
  }

  /**
   * The printable ASCII character that {@code cp}'s NFKD decomposition reduces to once combining
   * marks are dropped, or 0 when it is not exactly one such character.
   */
  private static char asciiBase(int cp) {
    String nfkd = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
    char base = 0;
    for (int i = 0; i < nfkd.length(); i++) {
      char c = nfkd.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK) {
        continue;
      }
      if (base != 0 || c < 0x20 || c >= 0x7F) {
        return 0;
      }
      base = c;
    }
    return base;
  }

  /** Cyrillic and Greek look-alikes of Latin letters, typographic quotes and dashes. */
  private static void confusables(Map<Integer, Character> map) {
    String[] pairs = {
      "а a", "в b", "е e", "ё e", "к k", "м m", "н h", "о o", "р p", "с c", "т t", "у y", "х x",
      "і i", "ї i", "ј j", "ѕ s", "ԁ d", "ɡ g", "һ h", "ԛ q", "ԝ w", "ӏ l", "ь b", "п n", "А a",
      "В b", "Е e", "К k", "М m", "Н h", "О o", "Р p", "С c", "Т t", "Х x", "У y", "І i", "Ј j",
      "Ѕ s", "Α a", "Β b", "Ε e", "Ζ z", "Η h", "Ι i", "Κ k", "Μ m", "Ν n", "Ο o", "Ρ p", "Τ t",
      "Υ y", "Χ x", "α a", "ο o", "ι i", "κ k", "ν v", "ρ p", "τ t", "υ u", "ε e", "ϲ c", "‘ '",
      "’ '", "‛ '", "′ '", "“ \"", "” \"", "„ \"", "« \"", "» \"", "‐ -", "‑ -", "‒ -", "– -",
      "— -", "− -"
    };
    for (String p : pairs) {
      map.put(p.codePointAt(0), p.charAt(p.length() - 1));
    }
  }
}
