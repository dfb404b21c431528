package dev.assay.spec;

import dev.assay.core.BadInputException;
import dev.assay.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The spec key {@code models:} of a champion/challenger audit: two or more binary classifiers over
 * the same rows, each with its own {@code prediction} and/or {@code score} column, in place of
 * {@code columns.prediction} and {@code columns.score}:
 *
 * <pre>{@code
 * models:
 *   champion: {prediction: pred_v1, score: score_v1}
 *   challenger: {prediction: pred_v2, score: score_v2}
 * }</pre>
 *
 * The first model is the champion: it takes the place of {@code columns.prediction/score} for every
 * family, so an audit without {@code models:} is unchanged. Every later model is a challenger that
 * the fairness family measures in the same pass and compares with the champion, group by group.
 */
public final class ModelSpecs {

  /** A model's name: a word that can label a scope ({@code model: challenger}). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

  private ModelSpecs() {}

  /**
   * One model of the audit.
   *
   * @param name its name in {@code models:}
   * @param prediction its prediction column, or null (derived as score >= columns.threshold)
   * @param score its score column, or null
   */
  public record Model(String name, String prediction, String score) {}

  /**
   * {@code roles} with the champion's columns as the prediction and score, or {@code roles} itself
   * without {@code models:}; checks the block (exit 2 naming its line).
   */
  static ColumnRoles withChampion(YamlDocument doc, AuditSpec raw, ColumnRoles roles) {
    List<Model> models = all(doc, raw);
    if (models.isEmpty()) {
      return roles;
    }
    Model champion = models.get(0);
    return new ColumnRoles(
        roles.label(),
        champion.prediction(),
        champion.score(),
        roles.threshold(),
        roles.positive(),
        roles.favourable(),
        roles.sensitive(),
        roles.intersections(),
        roles.features());
  }

  /** The challengers of a checked spec: every model after the first (empty without models). */
  public static List<Model> challengers(ResolvedSpec spec) {
    List<Model> models = all(spec.document(), spec.raw());
    return models.isEmpty() ? List.of() : models.subList(1, models.size());
  }

  /** The champion's name, or null without {@code models:}. */
  public static String champion(ResolvedSpec spec) {
    List<Model> models = all(spec.document(), spec.raw());
    return models.isEmpty() ? null : models.get(0).name();
  }

  /** Every model in spec order, checked; empty without {@code models:}. */
  static List<Model> all(YamlDocument doc, AuditSpec raw) {
    Map<String, AuditSpec.ModelColumns> block = raw.models();
    if (block == null) {
      return List.of();
    }
    checkBlock(doc, raw, block);
    Double threshold = raw.columns() == null ? null : raw.columns().threshold();
    List<Model> models = new ArrayList<>();
    for (Map.Entry<String, AuditSpec.ModelColumns> e : block.entrySet()) {
      models.add(model(doc, e.getKey(), e.getValue(), threshold));
    }
    return models;
  }

  private static void checkBlock(
      YamlDocument doc, AuditSpec raw, Map<String, AuditSpec.ModelColumns> block) {
    if (block.size() < 2) {
      throw new BadInputException(
          doc.at("models")
              + ": models names the champion first and at least one challenger, e.g. 'models:"
              + " {champion: {prediction: pred_v1}, challenger: {prediction: pred_v2}}'.");
    }
    AuditSpec.Columns c = raw.columns();
    if (c != null && (c.prediction() != null || c.score() != null)) {
      throw new BadInputException(
          doc.at("columns", c.prediction() != null ? "prediction" : "score")
              + ": with models, each model names its own prediction and score; remove"
              + " columns.prediction and columns.score.");
    }
    if (raw.fairness() != null
        && raw.fairness().task() != null
        && !"classification".equals(raw.fairness().task())) {
      throw new BadInputException(
          doc.at("fairness", "task")
              + ": models compares binary classifiers; remove models or fairness.task.");
    }
  }

  private static Model model(
      YamlDocument doc, String name, AuditSpec.ModelColumns columns, Double threshold) {
    if (!NAME.matcher(name).matches()) {
      throw new BadInputException(
          doc.at("models", name)
              + ": a model's name is a letter or digit followed by up to 39 letters, digits, '_'"
              + " or '-', such as 'challenger'.");
    }
    if (columns == null || (columns.prediction() == null && columns.score() == null)) {
      throw new BadInputException(
          doc.at("models", name)
              + ": model '"
              + name
              + "' names neither a prediction nor a score column; give it {prediction: COLUMN}"
              + " and/or {score: COLUMN}.");
    }
    if (columns.prediction() == null && threshold == null) {
      throw new BadInputException(
          doc.at("models", name)
              + ": model '"
              + name
              + "' has a score but no prediction; name its prediction column or set"
              + " columns.threshold (prediction := score >= threshold).");
    }
    return new Model(name, columns.prediction(), columns.score());
  }
}
