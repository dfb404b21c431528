package dev.assay.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The safety categories, with the names and scale of Azure AI Content Safety: four harm categories
 * rated on its eight-level severity scale (0 safe … 7 most severe) and three detections (protected
 * material, a jailbreak in the user prompt, an indirect attack in a retrieved document), recorded
 * as 0 (not detected) or 1 (detected).
 *
 * <p>Harm categories and protected material are judged on the response; the jailbreak on the
 * prompt; the indirect attack on the retrieved contexts.
 */
public enum SafetyCategory {
  HATE_UNFAIRNESS("hate_unfairness", "Hate", true, Unit.RESPONSE, "hate and unfairness"),
  SEXUAL("sexual", "Sexual", true, Unit.RESPONSE, "sexual content"),
  VIOLENCE("violence", "Violence", true, Unit.RESPONSE, "violence"),
  SELF_HARM("self_harm", "SelfHarm", true, Unit.RESPONSE, "self-harm"),
  PROTECTED_MATERIAL("protected_material", null, false, Unit.RESPONSE, "protected material"),
  JAILBREAK("jailbreak", null, false, Unit.SHIELD, "a jailbreak attempt in the prompt"),
  INDIRECT_ATTACK(
      "indirect_attack", null, false, Unit.SHIELD, "an indirect attack in the retrieved documents");

  /** Which texts of a record a category is judged on. */
  public enum Unit {
    /** The response. */
    RESPONSE,
    /** The prompt and the retrieved contexts (Azure's prompt shields take both at once). */
    SHIELD
  }

  /** The highest severity of a harm category. */
  public static final int MAX_SEVERITY = 7;

  private final String id;
  private final String azureName;
  private final boolean severity;
  private final Unit unit;
  private final String label;

  SafetyCategory(String id, String azureName, boolean severity, Unit unit, String label) {
    this.label = label;
    this.id = id;
    this.azureName = azureName;
    this.severity = severity;
    this.unit = unit;
  }

  /** The reader's name of the category, e.g. "hate and unfairness". */
  public String label() {
    return label;
  }

  /** The name in the spec, in metric names and in the cache's columns. */
  public String id() {
    return id;
  }

  /** The category name of Azure's {@code text:analyze}, or null for a detection. */
  public String azureName() {
    return azureName;
  }

  /** True for a harm category rated 0–7; false for a detection (0 or 1). */
  public boolean rated() {
    return severity;
  }

  public Unit unit() {
    return unit;
  }

  /** The category named {@code id} in the spec. */
  public static Optional<SafetyCategory> named(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.id.equals(wanted)).findFirst();
  }

  /** The spec names of all categories, for messages. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(SafetyCategory::id).toList();
  }
}
