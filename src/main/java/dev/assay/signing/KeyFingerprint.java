package dev.assay.signing;

import dev.assay.report.Manifest;
import java.security.PublicKey;

/**
 * A public key's fingerprint: {@code SHA256:} and the lower-case hex SHA-256 of its X.509
 * SubjectPublicKeyInfo DER encoding, the bytes of a {@code PUBLIC KEY} PEM block; so {@code openssl
 * pkey -pubin -in key.pub -outform DER | sha256sum} gives the same hex.
 */
public final class KeyFingerprint {

  private KeyFingerprint() {}

  /** The fingerprint of {@code key}. */
  public static String of(PublicKey key) {
    return "SHA256:" + Manifest.sha256(key.getEncoded());
  }
}
