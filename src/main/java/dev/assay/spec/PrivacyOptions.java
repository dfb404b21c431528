package dev.assay.spec;

import dev.assay.core.BadInputException;
import dev.assay.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked options of the privacy family.
 *
 * @param configured true when the spec has a {@code privacy:} block (the re-identification and PII
 *     parts run only then)
 * @param quasiIdentifiers the quasi-identifier columns, in spec order; empty when none
 * @param sensitiveAttribute the sensitive attribute of l-diversity and t-closeness, or null
 * @param k the class size below which a record is "at risk" ({@code records_at_risk}); default 5
 * @param piiColumns the columns the PII scan reads; empty = every string column
 * @param member {@code columns.member} (true = the row was in the training data), or null
 * @param trainingText {@code privacy.training_text} resolved (role {@code training_text}), or null
 * @param trainingTextColumn its text column (default {@code text})
 * @param memorizationChars {@code privacy.memorization_chars}, the verbatim window (default 50)
 * @param response {@code columns.response} when the training text is given, else null
 */
public record PrivacyOptions(
    boolean configured,
    List<String> quasiIdentifiers,
    String sensitiveAttribute,
    int k,
    List<String> piiColumns,
    String member,
    DataSource trainingText,
    String trainingTextColumn,
    int memorizationChars,
    String response) {

  /** The default {@code privacy.memorization_chars}. */
  public static final int DEFAULT_MEMORIZATION_CHARS = 50;

  /** The default {@code privacy.k}. */
  public static final int DEFAULT_K = 5;

  public PrivacyOptions {
    quasiIdentifiers = List.copyOf(quasiIdentifiers);
    piiColumns = List.copyOf(piiColumns);
  }

  /**
   * Checks and resolves the privacy options of a bound spec.
   *
   * @throws BadInputException naming the spec line of a bad value
   */
  public static PrivacyOptions of(YamlDocument doc, AuditSpec raw, Path folder) {
    String member = raw.columns() == null ? null : raw.columns().member();
    AuditSpec.Privacy p = raw.privacy();
    if (p == null) {
      return new PrivacyOptions(
          false,
          List.of(),
          null,
          DEFAULT_K,
          List.of(),
          member,
          null,
          null,
          DEFAULT_MEMORIZATION_CHARS,
          null);
    }
    List<String> qi = p.quasiIdentifiers() == null ? List.of() : p.quasiIdentifiers();
    if (qi.stream().anyMatch(c -> c == null || c.isBlank())) {
      throw new BadInputException(
          doc.at("privacy", "quasi_identifiers")
              + ": privacy.quasi_identifiers lists an empty name; list column names, e.g. [age, sex, zip].");
    }
    if (qi.stream().distinct().count() != qi.size()) {
      throw new BadInputException(
          doc.at("privacy", "quasi_identifiers")
              + ": privacy.quasi_identifiers lists a column twice: "
              + qi
              + ".");
    }
    String sensitive = p.sensitiveAttribute();
    if (sensitive != null && qi.isEmpty()) {
      throw new BadInputException(
          doc.at("privacy", "sensitive_attribute")
              + ": privacy.sensitive_attribute needs privacy.quasi_identifiers (l-diversity and"
              + " t-closeness are measured within quasi-identifier classes). List them.");
    }
    if (sensitive != null && qi.contains(sensitive)) {
      throw new BadInputException(
          doc.at("privacy", "sensitive_attribute")
              + ": the sensitive attribute '"
              + sensitive
              + "' is also a quasi-identifier; a column is"
              + " one or the other.");
    }
    int k = p.k() == null ? DEFAULT_K : p.k();
    if (k < 1) {
      throw new BadInputException(
          doc.at("privacy", "k")
              + ": privacy.k must be at least 1 (found "
              + k
              + "); 5 is a common choice.");
    }
    List<String> pii = p.piiColumns() == null ? List.of() : p.piiColumns();
    if (pii.stream().distinct().count() != pii.size()) {
      throw new BadInputException(
          doc.at("privacy", "pii_columns")
              + ": privacy.pii_columns lists a column twice: "
              + pii
              + ".");
    }
    int chars = p.memorizationChars() == null ? DEFAULT_MEMORIZATION_CHARS : p.memorizationChars();
    if (chars < 8) {
      throw new BadInputException(
          doc.at("privacy", "memorization_chars")
              + ": privacy.memorization_chars"
              + " must be at least 8 (found "
              + chars
              + "); shorter windows match common phrases. 50 is"
              + " the default.");
    }
    DataSource training = null;
    String column = null;
    if (p.trainingText() != null) {
      training = trainingText(doc, folder, p.trainingText());
      column = p.trainingText().column() == null ? "text" : p.trainingText().column();
      if (raw.columns() == null || raw.columns().response() == null) {
        throw new BadInputException(
            doc.at("privacy", "training_text")
                + ": privacy.training_text"
                + " needs columns.response (the LLM responses checked for memorized text). Name it, or"
                + " remove privacy.training_text.");
      }
    }
    return new PrivacyOptions(
        true,
        qi,
        sensitive,
        k,
        pii,
        member,
        training,
        column,
        chars,
        training == null ? null : raw.columns().response());
  }

  private static DataSource trainingText(YamlDocument doc, Path folder, AuditSpec.TrainingText t) {
    if (t.path() == null || t.path().isBlank()) {
      throw new BadInputException(
          doc.at("privacy", "training_text")
              + ": privacy.training_text.path"
              + " is required, e.g. {path: training.jsonl, column: text}.");
    }
    DataFormat format =
        t.format() != null ? DataFormat.parse(t.format()) : DataFormat.fromPath(t.path());
    if (format == null || format == DataFormat.JDBC) {
      throw new BadInputException(
          doc.at("privacy", "training_text")
              + ": cannot tell the format of"
              + " privacy.training_text '"
              + t.path()
              + "'; add 'format: csv' (or parquet, json, orc).");
    }
    String uri = t.path();
    boolean remote = uri.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !uri.startsWith("file:");
    if (!remote) {
      Path local =
          folder
              .resolve(uri.startsWith("file:") ? uri.substring("file:".length()) : uri)
              .normalize();
      if (!Files.exists(local)) {
        throw new BadInputException(
            doc.at("privacy", "training_text", "path")
                + ": privacy.training_text"
                + " file not found: "
                + local
                + " (relative paths resolve from the spec's folder).");
      }
      uri = local.toString();
    }
    Map<String, String> options = new HashMap<>();
    if (format == DataFormat.CSV) {
      options.put("header", "true");
    }
    if (t.options() != null) {
      options.putAll(t.options());
    }
    return new DataSource("training_text", uri, format, options);
  }
}
