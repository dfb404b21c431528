package dev.assay.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one secret scrubber: every message the CLI prints and every text an output carries from the
 * spec or from a path goes through {@link #scrub(String)}. It removes
 *
 * <ul>
 *   <li>URL query strings (the path stays, the query becomes {@code ?…redacted}): SAS tokens and
 *       other signed URLs;
 *   <li>user-info with a password in a URI ({@code https://user:pass@host});
 *   <li>connection-string and query keys that hold secrets ({@code AccountKey=}, {@code
 *       SharedAccessSignature=}, {@code SharedAccessKey=}, {@code Password=}, {@code pwd=}, {@code
 *       sig=}, {@code client_secret=}, ...);
 *   <li>bearer and basic authorization tokens;
 *   <li>the secret detectors the privacy family scans data with ({@link #AWS_ACCESS_KEY}, {@link
 *       #AZURE_STORAGE_KEY}, {@link #JWT}, {@link #PRIVATE_KEY}: the same patterns, defined here
 *       once), a whole PEM private-key block, and a bare 88-character Azure storage account key;
 *   <li>every value {@linkplain #remember remembered} as a secret (keys given by environment or
 *       {@code --conf}), wherever it appears.
 * </ul>
 *
 * The patterns are ASCII, so a text without secrets comes back unchanged (same instance).
 */
public final class Secrets {

  /** What a removed secret is replaced by. */
  public static final String REDACTED = "…redacted";

  /** An AWS access key id: AKIA/ASIA/ABIA/ACCA and 16 upper-case letters or digits. */
  public static final String AWS_ACCESS_KEY =
      "(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])";

  /**
   * An Azure storage account key in a connection string: {@code AccountKey=} and 20+ base64
   * characters.
   */
  public static final String AZURE_STORAGE_KEY = "(?i)AccountKey=[A-Za-z0-9+/]{20,}={0,2}";

  /** A JSON web token: base64url header and payload starting with {@code eyJ}, and a signature. */
  public static final String JWT =
      "(?<![\\w-])eyJ[A-Za-z0-9_-]{2,}\\.eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*";

  /** A PEM private-key block header ({@code -----BEGIN ... PRIVATE KEY-----}). */
  public static final String PRIVATE_KEY = "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----";

  /**
   * A whole PEM private-key block, or its header to the end of the text when the end is missing.
   */
  private static final Pattern PEM_BLOCK =
      Pattern.compile(
          PRIVATE_KEY
              + "(?:[\\s\\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|[\\s\\S]*)");

  /** user:password@ after a scheme (abfs's container@account has no colon and stays). */
  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*:/{1,3})[^/\\s:@'\"<>]*:[^/\\s@'\"<>]*@");

  /**
   * A URL's query: everything from '?' to the next blank, quote, bracket or fragment (also after
   * {@code https:/}, the form a URL takes once it went through a file-system path).
   */
  private static final Pattern URL_QUERY =
      Pattern.compile(
          "(?i)\\b([a-z][a-z0-9+.-]*:/{1,3}[^\\s?#'\"<>()\\[\\]]*)\\?[^\\s#'\"<>()\\[\\]]+");

  /** A connection-string or query key whose value is a secret, and the value. */
  private static final Pattern SECRET_KEY_VALUE =
      Pattern.compile(
          "(?i)(?<![\\w-])("
              + "AccountKey|SharedAccessKey|SharedAccessSignature|Password|pwd|sig|AccessKey|SecretKey"
              + "|client_secret|ClientSecret|api[_-]?key|access_token|refresh_token|token)"
              + "(\\s*[=:]\\s*)(?!"
              + Pattern.quote(REDACTED)
              + ")([^;&\\s'\"<>]+)");

  /** {@code Bearer TOKEN} / {@code Basic TOKEN} as in an Authorization header. */
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "(?i)\\b(Bearer|Basic)\\s+(?!" + Pattern.quote(REDACTED) + ")[A-Za-z0-9._~+/-]{8,}=*");

  /** A bare Azure storage account key: 64 bytes in base64, 86 characters and '=='. */
  private static final Pattern BARE_ACCOUNT_KEY =
      Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])");

  private static final List<Pattern> DETECTORS =
      List.of(
          Pattern.compile(AWS_ACCESS_KEY),
          Pattern.compile(AZURE_STORAGE_KEY),
          Pattern.compile(JWT));

  /** Setting names whose values are secrets, e.g. {@code fs.azure.account.key.ACCOUNT}. */
  private static final Pattern SECRET_SETTING =
      Pattern.compile(
          "(?i).*(key|secret|token|password|passwd|pwd|sas|signature|credential|connection.?string).*");

  private static final Set<String> REMEMBERED = ConcurrentHashMap.newKeySet();

  private Secrets() {}

  /** {@code text} without any secret; null stays null. */
  public static String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : remembered()) {
      if (out.contains(secret)) {
        out = out.replace(secret, REDACTED);
      }
    }
    out = replace(PEM_BLOCK, out, m -> REDACTED);
    out = replace(USER_INFO, out, m -> m.group(1) + REDACTED + "@");
    out = replace(URL_QUERY, out, m -> m.group(1) + "?" + REDACTED);
    out = replace(SECRET_KEY_VALUE, out, m -> m.group(1) + m.group(2) + REDACTED);
    out = replace(AUTHORIZATION, out, m -> m.group(1) + " " + REDACTED);
    for (Pattern detector : DETECTORS) {
      out = replace(detector, out, m -> REDACTED);
    }
    out = replace(BARE_ACCOUNT_KEY, out, m -> REDACTED);
    return out;
  }

  /** True when {@link #scrub} would change {@code text}. */
  public static boolean holdsSecret(String text) {
    return text != null && !scrub(text).equals(text);
  }

  /**
   * Remembers {@code value} as a secret, so it is scrubbed wherever it appears (values shorter than
   * 8 characters are ignored: they would scrub ordinary words).
   */
  public static void remember(String value) {
    if (value != null && value.strip().length() >= 8) {
      REMEMBERED.add(value.strip());
    }
  }

  /**
   * Remembers the value of every setting whose name says it is a secret ({@link #isSecretSetting}).
   */
  public static void rememberSettings(java.util.Map<String, String> settings) {
    settings.forEach(
        (name, value) -> {
          if (isSecretSetting(name)) {
            remember(value);
          }
        });
  }

  /**
   * True for setting or variable names that hold secrets (key, secret, token, password, SAS...).
   */
  public static boolean isSecretSetting(String name) {
    return name != null && SECRET_SETTING.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }

  /** Every element scrubbed. */
  public static List<String> scrub(Collection<String> texts) {
    List<String> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(scrub(t));
    }
    return out;
  }

  private static List<String> remembered() {
    List<String> all = new ArrayList<>(REMEMBERED);
    all.sort((a, b) -> Integer.compare(b.length(), a.length())); // longest first
    return all;
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
