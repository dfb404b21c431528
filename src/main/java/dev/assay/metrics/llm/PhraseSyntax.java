package dev.assay.metrics.llm;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * How the built-in refusal and injection cues ({@link RefusalDetector}, {@link InjectionDetector})
 * write a phrase boundary and a bounded run of words.
 *
 * <p>{@link #PADDED} is the detectors' syntax: the folded text is read with a newline before and
 * after it ({@link #pad}), so a phrase at the start or end of the text has a non-letter beside it
 * like any other, and the boundaries are plain classes: {@code [^a-z]} before and after a phrase,
 * {@code \n} for the start of a line. A run of up to n words is n optional groups in a row, {@code
 * ( [a-z]+)?( [a-z]+)?…}: the same strings as {@code ( [a-z]+){0,n}} (a word is bounded by the
 * separator each group starts or ends with, so the groups cannot split one). This is the subset of
 * Java's syntax the RAPIDS Accelerator runs on the GPU: it rejects {@code (^|[^a-z])} ("Sequences
 * that only contain '^' or '$' are not supported"), {@code ([^a-z]|$)} ("End of line/string anchor
 * is not supported in this context") and {@code {0,n}} on a group that holds a repetition ("cuDF
 * does not support repetition of group containing [a-z]+"), and sent every such cue through its CPU
 * bridge.
 *
 * <p>{@link #ANCHORED} is the syntax the cues had before (2026-12-04): {@code (^|[^a-z])}, {@code
 * ([^a-z]|$)}, {@code (^|\n)} and {@code (..){0,n}} over the unpadded text. It is kept so that
 * {@code PhraseSyntaxTest} can show that both find the same cues on every text it tries: each
 * padded cue matches the padded text exactly when the anchored cue matches the text (the padding
 * newlines can only stand where {@code ^} or {@code $} stood, since no cue starts or ends with
 * anything else a newline matches).
 */
enum PhraseSyntax {
  /** The detectors' syntax, over {@link #pad padded} text (GPU-compatible). */
  PADDED,
  /** The former syntax with anchors, over the text itself (the reference). */
  ANCHORED;

  /** What surrounds the text in the padded form: one newline on each side. */
  static final String PAD = "\n";

  /** {@code text} with {@link #PAD} before and after it; null stays null. */
  static Column pad(Column text) {
    return functions.concat(functions.lit(PAD), text, functions.lit(PAD));
  }

  /** The text as the cues in this syntax read it: padded or as it is (a plain Java string). */
  String form(String text) {
    return this == PADDED ? PAD + text + PAD : text;
  }

  /** Before a phrase: a non-letter (or the start of the text). */
  String start() {
    return this == PADDED ? "[^a-z]" : "(^|[^a-z])";
  }

  /** After a phrase: a non-letter (or the end of the text). */
  String end() {
    return this == PADDED ? "[^a-z]" : "([^a-z]|$)";
  }

  /** The start of a line (or of the text). */
  String lineStart() {
    return this == PADDED ? "\\n" : "(^|\\n)";
  }

  /** Up to {@code n} repetitions of {@code group} (a pattern without its parentheses). */
  String upTo(String group, int n) {
    if (this == ANCHORED) {
      return "(" + group + "){0," + n + "}";
    }
    return ("(" + group + ")?").repeat(n);
  }
}
