package dev.assay.core;

/** The four metric families, in report order. {@link #id()} is the name used in results.json. */
public enum Family {
  FAIRNESS("fairness", "Fairness"),
  DRIFT("drift", "Drift"),
  PRIVACY("privacy", "Privacy leakage"),
  LLM("llm", "LLM output quality");

  private final String id;
  private final String title;

  Family(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** The family with this results.json name, or null. */
  public static Family byId(String id) {
    for (Family f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    return null;
  }
}
