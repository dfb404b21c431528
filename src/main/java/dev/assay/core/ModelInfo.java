package dev.assay.core;

/**
 * The model under audit, as the spec describes it; any field may be null. Besides its name, version
 * and owner, the model card fields an auditor signs off against: the intended use, known
 * limitations, the risk class (for example an EU AI Act category) and the model's registry URI.
 */
public record ModelInfo(
    String name,
    String version,
    String owner,
    String intendedUse,
    String limitations,
    String riskClass,
    String registryUri) {

  public static final ModelInfo UNKNOWN = new ModelInfo(null, null, null);

  /** A model known by name, version and owner only. */
  public ModelInfo(String name, String version, String owner) {
    this(name, version, owner, null, null, null, null);
  }

  /**
   * Whether any model card field (intended use, limitations, risk class, registry URI) is given.
   */
  public boolean hasCard() {
    return intendedUse != null || limitations != null || riskClass != null || registryUri != null;
  }

  /** Whether no field at all is given. */
  public boolean isEmpty() {
    return name == null && version == null && owner == null && !hasCard();
  }
}
