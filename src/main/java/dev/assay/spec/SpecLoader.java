package dev.assay.spec;

import dev.assay.core.BadInputException;
import dev.assay.core.ModelInfo;
import dev.assay.yaml.DocumentKind;
import dev.assay.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an audit spec (YAML or JSON, {@code version: 1}), rejects unknown keys and bad values with
 * the file and line, and resolves relative paths from the spec's folder. Checking the named columns
 * against the data's schema comes later, when the data is opened, but before any job.
 */
public final class SpecLoader {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /** What an audit spec looks like, for a file that is plainly something else. */
  static final DocumentKind KIND =
      new DocumentKind(
          "audit spec",
          "a YAML or JSON mapping with `version: 1`, `name:` and `data:`",
          List.of("version", "data"));

  /** The longest audit name: it names the report folder. */
  static final int MAX_NAME_CHARS = 100;

  /**
   * The longest model name, version, owner, risk class or registry URI: each is shown in every
   * output.
   */
  static final int MAX_MODEL_FIELD_CHARS = 200;

  /** The longest model intended use or limitations: a paragraph or two of the model card. */
  static final int MAX_MODEL_TEXT_CHARS = 2000;

  private final Path projectRules;

  /**
   * @param projectRules the project's {@code rules/} folder, searched after the spec's folder
   */
  public SpecLoader(Path projectRules) {
    this.projectRules = projectRules;
  }

  /** The project's rules folder: {@code $ASSAY_HOME/rules} when set, else {@code ./rules}. */
  public static Path defaultProjectRules() {
    String home = System.getenv("ASSAY_HOME");
    return (home == null || home.isBlank() ? Path.of("") : Path.of(home))
        .resolve("rules")
        .toAbsolutePath();
  }

  /**
   * Loads and checks the spec at {@code file}.
   *
   * @throws BadInputException naming the file, line and key of the first problem
   */
  public ResolvedSpec load(Path file) {
    YamlDocument doc = YamlDocument.read(file, KIND);
    AuditSpec raw = doc.bind(AuditSpec.class);
    Path folder = file.toAbsolutePath().getParent();

    if (raw.version() == null || raw.version() != 1) {
      throw new BadInputException(
          doc.at("version")
              + ": version must be 1 (found "
              + raw.version()
              + "). Add 'version: 1' at the top of the spec.");
    }
    if (raw.name() == null
        || raw.name().length() > MAX_NAME_CHARS
        || !NAME.matcher(raw.name()).matches()) {
      throw new BadInputException(
          doc.at("name")
              + ": name must match [a-z0-9][a-z0-9-]* and be at"
              + " most "
              + MAX_NAME_CHARS
              + " characters (found "
              + shown(raw.name())
              + "); it names the"
              + " report folder, e.g. 'name: credit-model-2026'.");
    }
    if (raw.data() == null || raw.data().current() == null) {
      throw new BadInputException(
          doc.at("data")
              + ": data.current is required: the predictions under"
              + " audit, e.g. 'data: {current: {path: predictions.parquet}}'.");
    }
    SourceSpec sources = new SourceSpec(doc, folder);
    Map<String, DataSource> views = sources.inputs(raw.data().inputs());
    DataSource current = sources.resolve("current", raw.data().current(), views);
    DataSource reference =
        raw.data().reference() == null
            ? null
            : sources.resolve("reference", raw.data().reference(), views);
    LlmOptions.from(doc, raw.llm()); // checks the llm block now, with file:line errors
    JudgeOptions.from(doc, raw.llm(), folder); // and its optional judge
    SafetyOptions.from(doc, raw.llm(), folder); // and its optional safety evaluators
    VectorSearchOptions.from(doc, raw, folder); // and its optional vector search check
    EmbeddingOptions.from(doc, raw.llm(), folder); // and its optional embeddings endpoint
    PrivacyOptions.of(doc, raw, folder); // checks the privacy block now, with its lines
    Chunking.of(doc, raw); // and the time chunks
    checkModel(doc, raw.model());
    ModelInfo model = raw.model() == null ? ModelInfo.UNKNOWN : raw.model();
    ColumnRoles roles =
        ModelSpecs.withChampion(doc, raw, columns(doc, raw.columns(), raw.models() != null));
    return new ResolvedSpec(
        file.toAbsolutePath(),
        doc,
        raw,
        raw.name(),
        model,
        current,
        reference,
        roles,
        FairnessSpecReader.read(doc, raw.fairness(), roles, raw.columns()),
        drift(doc, raw.drift()),
        rules(doc, folder, raw.rules()));
  }

  /**
   * The model's name, version, owner, risk class and registry URI are printed in every output, so
   * each is one line of at most {@link #MAX_MODEL_FIELD_CHARS} characters; the intended use and
   * limitations are prose of at most {@link #MAX_MODEL_TEXT_CHARS} characters (line breaks
   * allowed). The registry URI must be an absolute URI without a user name or password.
   */
  private static void checkModel(YamlDocument doc, ModelInfo m) {
    if (m == null) {
      return;
    }
    String[][] lines = {
      {"name", m.name()},
      {"version", m.version()},
      {"owner", m.owner()},
      {"risk_class", m.riskClass()},
      {"registry_uri", m.registryUri()}
    };
    for (String[] field : lines) {
      checkModelText(doc, field[0], field[1], MAX_MODEL_FIELD_CHARS, false);
    }
    String[][] texts = {{"intended_use", m.intendedUse()}, {"limitations", m.limitations()}};
    for (String[] field : texts) {
      checkModelText(doc, field[0], field[1], MAX_MODEL_TEXT_CHARS, true);
    }
    checkRegistryUri(doc, m.registryUri());
  }

  /**
   * One model field: at most {@code max} characters, without control characters; {@code prose}
   * allows line breaks.
   */
  private static void checkModelText(
      YamlDocument doc, String key, String value, int max, boolean prose) {
    if (value == null) {
      return;
    }
    boolean control =
        value.chars().anyMatch(c -> Character.isISOControl(c) && !(prose && c == '\n'));
    if (value.length() > max || control) {
      throw new BadInputException(
          doc.at("model", key)
              + ": model."
              + key
              + (prose ? " must be text of at most " : " must be one line of at most ")
              + max
              + (prose
                  ? " characters without control characters other than line breaks (found "
                  : " characters (found ")
              + value.length()
              + " characters); it is shown in "
              + (prose ? "the report." : "every output."));
    }
  }

  private static void checkRegistryUri(YamlDocument doc, String value) {
    if (value == null) {
      return;
    }
    java.net.URI uri;
    try {
      uri = new java.net.URI(value);
    } catch (java.net.URISyntaxException e) {
      throw new BadInputException(
          doc.at("model", "registry_uri")
              + ": model.registry_uri is not a"
              + " valid URI ("
              + e.getReason()
              + " at character "
              + (e.getIndex() + 1)
              + "); give the"
              + " model's address in its registry, e.g. 'https://registry.example.com/models/credit/3'"
              + " or 'models:/credit/3'.");
    }
    if (!uri.isAbsolute()) {
      throw new BadInputException(
          doc.at("model", "registry_uri")
              + ": model.registry_uri must be an"
              + " absolute URI with a scheme (found "
              + shown(value)
              + "), e.g."
              + " 'https://registry.example.com/models/credit/3' or 'models:/credit/3'.");
    }
    if (uri.getRawUserInfo() != null) {
      throw new BadInputException(
          doc.at("model", "registry_uri")
              + ": model.registry_uri must not"
              + " carry a user name or password: it is printed in every output. Remove the part before"
              + " '@'.");
    }
  }

  /** A value as a message may quote it: at most 60 characters, in quotes. */
  private static String shown(String value) {
    return value == null
        ? "nothing"
        : "'"
            + (value.length() > 60 ? value.substring(0, 60) + "…" : value)
                .replaceAll("\\p{Cntrl}", "?")
            + "'";
  }

  /** The column roles; with {@code models}, a threshold applies to the models' scores. */
  private static ColumnRoles columns(YamlDocument doc, AuditSpec.Columns c, boolean models) {
    if (c == null) {
      return new ColumnRoles(null, null, null, null, "1", "1", List.of(), List.of(), List.of());
    }
    if (c.threshold() != null && c.score() == null && !models) {
      throw new BadInputException(
          doc.at("columns", "threshold")
              + ": columns.threshold needs"
              + " columns.score (prediction := score >= threshold). Name the score column.");
    }
    if (c.threshold() != null && !Double.isFinite(c.threshold())) {
      throw new BadInputException(
          doc.at("columns", "threshold") + ": threshold must be a finite number.");
    }
    String positive = c.positive() == null ? "1" : c.positive();
    String favourable = c.favourable() == null ? positive : c.favourable();
    List<String> sensitive = c.sensitive() == null ? List.of() : c.sensitive();
    List<List<String>> intersections = c.intersections() == null ? List.of() : c.intersections();
    for (int i = 0; i < intersections.size(); i++) {
      List<String> parts = intersections.get(i);
      if (parts == null || parts.size() < 2 || parts.stream().distinct().count() != parts.size()) {
        throw new BadInputException(
            doc.at("columns", "intersections", i)
                + ": an intersection lists"
                + " two or more different columns, e.g. [race, sex]; found "
                + parts
                + ".");
      }
    }
    checkDistinct(doc, sensitive, "sensitive");
    List<String> features = c.features() == null ? List.of() : c.features();
    return new ColumnRoles(
        c.label(),
        c.prediction(),
        c.score(),
        c.threshold(),
        positive,
        favourable,
        sensitive,
        intersections,
        features);
  }

  private static void checkDistinct(YamlDocument doc, List<String> names, String key) {
    if (names.stream().distinct().count() != names.size()) {
      throw new BadInputException(
          doc.at("columns", key) + ": columns." + key + " lists a column twice: " + names + ".");
    }
  }

  /** {@code drift.<key>} within [min, max], else exit 2 naming the default. */
  private static void requireBetween(
      YamlDocument doc, String key, long value, long min, long max, String theDefault) {
    if (value < min || value > max) {
      throw new BadInputException(
          doc.at("drift", key)
              + ": drift."
              + key
              + " must be between "
              + min
              + " and "
              + max
              + " (found "
              + value
              + "); the default is "
              + theDefault
              + ".");
    }
  }

  private static DriftOptions drift(YamlDocument doc, AuditSpec.Drift d) {
    DriftOptions defaults = DriftOptions.DEFAULTS;
    if (d == null) {
      return defaults;
    }
    int bins = d.bins() == null ? defaults.bins() : d.bins();
    long maxDistinct = d.maxDistinct() == null ? defaults.maxDistinct() : d.maxDistinct();
    requireBetween(doc, "bins", bins, 2, 1000, "10 (deciles of the reference)");
    requireBetween(
        doc, "max_distinct", maxDistinct, 100, 10_000_000, String.valueOf(defaults.maxDistinct()));
    Map<String, DriftOptions.Test> tests = new java.util.TreeMap<>();
    if (d.tests() != null) {
      for (Map.Entry<String, AuditSpec.DriftTest> e : d.tests().entrySet()) {
        AuditSpec.DriftTest t = e.getValue();
        DriftOptions.Method method = t == null ? null : DriftOptions.Method.parse(t.method());
        if (method == null) {
          throw new BadInputException(
              doc.at("drift", "tests", e.getKey(), "method")
                  + ": drift test"
                  + " for column '"
                  + e.getKey()
                  + "' needs a method, one of "
                  + DriftOptions.Method.ids()
                  + "; found "
                  + (t == null ? null : t.method())
                  + ".");
        }
        double threshold = t.threshold() == null ? method.defaultThreshold() : t.threshold();
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
          throw new BadInputException(
              doc.at("drift", "tests", e.getKey(), "threshold")
                  + ": the"
                  + " threshold of the drift test for column '"
                  + e.getKey()
                  + "' must be a positive number.");
        }
        tests.put(e.getKey(), new DriftOptions.Test(method, threshold));
      }
    }
    List<String> segmentBy = d.segmentBy() == null ? List.of() : d.segmentBy();
    for (int i = 0; i < segmentBy.size(); i++) {
      if (segmentBy.get(i) == null
          || segmentBy.get(i).isBlank()
          || segmentBy.indexOf(segmentBy.get(i)) != i) {
        throw new BadInputException(
            doc.at("drift", "segment_by", i)
                + ": drift.segment_by needs"
                + " distinct column names (found "
                + segmentBy.get(i)
                + ").");
      }
    }
    int sample = d.classifierSample() == null ? defaults.classifierSample() : d.classifierSample();
    if (sample != 0 && (sample < 100 || sample > 1_000_000)) {
      throw new BadInputException(
          doc.at("drift", "classifier_sample")
              + ": drift.classifier_sample"
              + " must be 0 (no domain classifier) or between 100 and 1000000 rows per side (found "
              + sample
              + "); the default is "
              + defaults.classifierSample()
              + ".");
    }
    return new DriftOptions(
        bins, maxDistinct, tests, segmentBy, sample, columnTypes(doc, d.columnTypes()));
  }

  /** drift.column_types: each value one of numeric, categorical, text, embedding. */
  private static Map<String, String> columnTypes(YamlDocument doc, Map<String, String> types) {
    if (types == null) {
      return Map.of();
    }
    Map<String, String> out = new java.util.TreeMap<>();
    for (Map.Entry<String, String> e : types.entrySet()) {
      String type =
          e.getValue() == null ? null : e.getValue().trim().toLowerCase(java.util.Locale.ROOT);
      if (!DriftOptions.COLUMN_TYPES.contains(type)) {
        throw new BadInputException(
            doc.at("drift", "column_types", e.getKey())
                + ": drift.column_types gives column '"
                + e.getKey()
                + "' the kind '"
                + e.getValue()
                + "'; use one of "
                + DriftOptions.COLUMN_TYPES
                + ".");
      }
      out.put(e.getKey(), type);
    }
    return out;
  }

  private List<Path> rules(YamlDocument doc, Path folder, List<String> refs) {
    List<Path> files = new ArrayList<>();
    if (refs == null) {
      return files;
    }
    for (int i = 0; i < refs.size(); i++) {
      String ref = refs.get(i);
      Path inSpecFolder = folder.resolve(ref).normalize();
      Path inProject = projectRules.resolve(ref).normalize();
      Path inProjectByName = projectRules.resolve(Path.of(ref).getFileName()).normalize();
      Path found =
          Files.isRegularFile(inSpecFolder)
              ? inSpecFolder
              : Files.isRegularFile(inProject)
                  ? inProject
                  : Files.isRegularFile(inProjectByName) ? inProjectByName : null;
      if (found == null) {
        throw new BadInputException(
            doc.at("rules", i)
                + ": rule pack '"
                + ref
                + "' not found in the"
                + " spec's folder ("
                + folder
                + ") nor in the project's rules folder ("
                + projectRules
                + "). Check the name, or set ASSAY_HOME to the Assay folder.");
      }
      files.add(found);
    }
    return files;
  }
}
