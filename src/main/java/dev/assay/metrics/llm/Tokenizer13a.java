package dev.assay.metrics.llm;

import java.util.List;
import java.util.regex.Pattern;

/**
 * sacreBLEU's default tokenizer, {@code 13a} (sacreBLEU 2.x, {@code tokenizers/tokenizer_13a.py};
 * the tokenization of Moses' {@code mteval-v13a.pl}). Step by step:
 *
 * <ol>
 *   <li>remove {@code <skipped>}, join lines broken by {@code "-\n"}, turn remaining {@code "\n"}
 *       into spaces;</li>
 *   <li>if the line contains {@code &}: unescape {@code &quot; &amp; &lt; &gt;} (in that order);</li>
 *   <li>pad the line with one space on each side, then apply four regular expressions in order:
 *       put spaces around every character in {@code {-~ [-` space-& (-+ :-@ /} (ASCII punctuation
 *       except {@code ' - . ,}); split {@code .} and {@code ,} off unless preceded by a digit;
 *       split them off unless followed by a digit; split {@code -} off after a digit;</li>
 *   <li>collapse whitespace (Python's {@code ' '.join(line.split())}).</li>
 * </ol>
 *
 * <p>Tokens are what remains between (Python) whitespace. BLEU first strips trailing whitespace
 * ({@code rstrip}) and does not lower-case (sacreBLEU's default {@code case:mixed}).
 */
final class Tokenizer13a {

  /**
   * sacreBLEU's {@code ([\{-~\[-\` -\&\(-\+\:-\@\/])}, the ranges written as hex escapes ({@code
   * {-~ [-` space-& (-+ :-@ /}; the same code points, BleuTest): the RAPIDS Accelerator rejects an
   * escaped {@code {} in a class, and {@link BleuColumns} hands this pattern to {@code
   * regexp_replace}.
   */
  static final Pattern PUNCTUATION =
      Pattern.compile("([\\x7B-\\x7E\\x5B-\\x60\\x20-\\x26\\x28-\\x2B\\x3A-\\x40/])");

  static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");
  static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");
  static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

  private Tokenizer13a() {}

  /** The tokenized line, tokens separated by single spaces (what sacreBLEU returns). */
  static String tokenize(String line) {
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
    if (line.indexOf('&') >= 0) {
      line =
          line.replace("&quot;", "\"")
              .replace("&amp;", "&")
              .replace("&lt;", "<")
              .replace("&gt;", ">");
    }
    line = " " + line + " ";
    line = PUNCTUATION.matcher(line).replaceAll(" $1 ");
    line = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
    line = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
    line = DASH_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
    return String.join(" ", Whitespace.split(line));
  }

  /** The tokens of a BLEU segment: {@code tokenize(rstrip(segment)).split()}. */
  static List<String> tokens(String segment) {
    return Whitespace.split(tokenize(Whitespace.rstrip(segment)));
  }
}
