package dev.assay.signing;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * {@code assay verify}'s signature step: does manifest.sig hold a signature of the exact
 * manifest.json bytes by the given public key? Without a key the signature is not checked (the
 * hashes still are) and the result says so.
 */
public final class SignatureCheck {

  /** What was found. */
  public enum State {
    /** The signature is the given key's signature of manifest.json. */
    VALID,
    /** manifest.sig is there but no public key was given. */
    NOT_CHECKED,
    /** No manifest.sig and no public key: an unsigned report. */
    UNSIGNED,
    /** A public key was given but there is no manifest.sig. */
    MISSING,
    /** manifest.sig names another key than the one given. */
    OTHER_KEY,
    /** The signature does not match manifest.json (or manifest.sig was altered). */
    DOES_NOT_MATCH,
    /** manifest.sig is not a signature file. */
    UNREADABLE
  }

  /**
   * The result.
   *
   * @param state what was found
   * @param signature the manifest.sig read, or null
   * @param detail one sentence for the console
   */
  public record Outcome(State state, SignatureFile signature, String detail) {

    /** Whether this makes verify exit 1. */
    public boolean failed() {
      return state == State.MISSING
          || state == State.OTHER_KEY
          || state == State.DOES_NOT_MATCH
          || state == State.UNREADABLE;
    }
  }

  private SignatureCheck() {}

  /**
   * Checks {@code sigBytes} (manifest.sig's bytes, or null when there is none) against {@code
   * manifest} with {@code key} (or null: not checked).
   */
  public static Outcome check(byte[] manifest, byte[] sigBytes, PublicKey key) {
    if (sigBytes == null) {
      return key == null
          ? new Outcome(State.UNSIGNED, null, "signature not checked: the report is unsigned")
          : new Outcome(
              State.MISSING,
              null,
              "manifest.sig is missing: the report is not signed, but --public-key expects it");
    }
    SignatureFile sig;
    try {
      sig = SignatureFile.parse(sigBytes);
    } catch (IllegalArgumentException e) {
      return new Outcome(
          State.UNREADABLE, null, "manifest.sig is not a signature file: " + e.getMessage());
    }
    String who =
        "signed by " + sig.keyFingerprint() + " (" + sig.algorithm() + ") at " + sig.signedAt();
    if (key == null) {
      return new Outcome(
          State.NOT_CHECKED,
          sig,
          "signature not checked (no --public-key); manifest.sig says " + who);
    }
    String given = KeyFingerprint.of(key);
    if (!given.equals(sig.keyFingerprint())) {
      return new Outcome(
          State.OTHER_KEY,
          sig,
          "manifest.sig is signed by " + sig.keyFingerprint() + ", not by the given key " + given);
    }
    SignatureAlgorithm algorithm = SignatureAlgorithm.byId(sig.algorithm());
    if (algorithm == null) {
      return new Outcome(
          State.UNREADABLE,
          sig,
          "manifest.sig names an unknown algorithm '" + sig.algorithm() + "'");
    }
    if (!verifies(algorithm, key, manifest, sig.signature())) {
      return new Outcome(
          State.DOES_NOT_MATCH,
          sig,
          "manifest.json: the signature does not match (manifest.json or manifest.sig was changed"
              + " after signing)");
    }
    return new Outcome(State.VALID, sig, "signature valid: manifest.json " + who);
  }

  private static boolean verifies(
      SignatureAlgorithm algorithm, PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(algorithm.jdkName());
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (java.security.InvalidKeyException e) {
      return false; // the key's type does not fit the algorithm named
    } catch (java.security.SignatureException e) {
      return false; // malformed signature bytes
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK provides " + algorithm.jdkName(), e);
    }
  }
}
