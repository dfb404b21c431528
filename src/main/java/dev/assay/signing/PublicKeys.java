package dev.assay.signing;

import dev.assay.core.BadInputException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;

/** Reads the public key that checks a manifest.sig: an X.509 SubjectPublicKeyInfo PEM file. */
public final class PublicKeys {

  private static final String OPTION = "--public-key";

  private PublicKeys() {}

  /**
   * The Ed25519 or EC public key in {@code file} ({@code -----BEGIN PUBLIC KEY-----}, as {@code
   * openssl pkey -pubout} writes it); anything else is a {@link BadInputException} naming the file.
   */
  public static PublicKey load(Path file) {
    byte[] der = Pem.read(file, Pem.PUBLIC_KEY, OPTION);
    for (String algorithm : new String[] {"Ed25519", "EC"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new BadInputException(
        OPTION + " " + file + ": not an Ed25519 or ECDSA P-256 public key.");
  }
}
