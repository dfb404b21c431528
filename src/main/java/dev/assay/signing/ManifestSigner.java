package dev.assay.signing;

/**
 * Signs the exact bytes of a manifest.json: with a local private key ({@link LocalKeySigner}) or by
 * a key that never leaves a vault.
 */
public interface ManifestSigner {

  /** The algorithm of the signatures. */
  SignatureAlgorithm algorithm();

  /** The fingerprint of the public key that checks the signatures ({@link KeyFingerprint}). */
  String fingerprint();

  /** The key's identifier where it has one (a vault key URL), else null. */
  default String keyId() {
    return null;
  }

  /** The signature of {@code message}. */
  byte[] sign(byte[] message);
}
