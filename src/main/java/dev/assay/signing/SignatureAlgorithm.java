package dev.assay.signing;

/**
 * The signature algorithms manifest.sig may name, with the JDK algorithm that checks them. ES256 is
 * ECDSA on P-256 over SHA-256 with the signature as the 64 bytes r||s (IEEE P1363, as JWS and Azure
 * Key Vault give it); Ed25519 is pure EdDSA over the message.
 */
public enum SignatureAlgorithm {
  ED25519("Ed25519", "Ed25519"),
  ES256("ES256", "SHA256withECDSAinP1363Format");

  private final String id;
  private final String jdkName;

  SignatureAlgorithm(String id, String jdkName) {
    this.id = id;
    this.jdkName = jdkName;
  }

  /** The name written in manifest.sig's {@code algorithm}. */
  public String id() {
    return id;
  }

  /** The name of the JDK {@link java.security.Signature} for it. */
  String jdkName() {
    return jdkName;
  }

  /** The algorithm named {@code id} in a manifest.sig, or null when unknown. */
  public static SignatureAlgorithm byId(String id) {
    for (SignatureAlgorithm a : values()) {
      if (a.id.equals(id)) {
        return a;
      }
    }
    return null;
  }
}
