package dev.assay.policy;

import java.util.regex.Pattern;

/**
 * A shell-style pattern for scope values: {@code *} matches any run of characters (also none),
 * {@code ?} exactly one; everything else matches itself, case-sensitively. {@code "*"} matches
 * every attribute, {@code "race*"} matches {@code race} and {@code race & sex}.
 */
public record Glob(String pattern) {

  public Glob {
    if (pattern == null) {
      throw new IllegalArgumentException("a glob needs a pattern");
    }
  }

  /** True when the whole of {@code value} matches; a null value matches nothing. */
  public boolean matches(String value) {
    return value != null && regex().matcher(value).matches();
  }

  /** True when the pattern has no wildcard, so it names exactly one value. */
  public boolean isLiteral() {
    return pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
  }

  private Pattern regex() {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
