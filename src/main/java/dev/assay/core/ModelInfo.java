package dev.assay.core;

/** The model under audit, as the spec describes it; any field may be null. */
public record ModelInfo(String name, String version, String owner) {

  public static final ModelInfo UNKNOWN = new ModelInfo(null, null, null);
}
