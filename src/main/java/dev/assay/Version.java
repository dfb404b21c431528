package dev.assay;

/** Assay's version, from the jar manifest (Implementation-Version), or "dev" in a source tree. */
public final class Version {

  private Version() {
  }

  public static String tool() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
