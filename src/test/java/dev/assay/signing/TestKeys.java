package dev.assay.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Fresh key pairs written as the PEM files openssl writes, for signing tests. */
public final class TestKeys {

  private TestKeys() {}

  /** A new Ed25519 key pair. */
  public static KeyPair ed25519() throws GeneralSecurityException {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  /** A new ECDSA key pair on the named curve (secp256r1 is P-256). */
  public static KeyPair ec(String curve) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }

  /** Writes the private key as PKCS#8 PEM ({@code PRIVATE KEY}). */
  public static Path writePrivate(KeyPair pair, Path file) throws IOException {
    return write(file, "PRIVATE KEY", pair.getPrivate().getEncoded());
  }

  /** Writes the public key as SubjectPublicKeyInfo PEM ({@code PUBLIC KEY}). */
  public static Path writePublic(KeyPair pair, Path file) throws IOException {
    return write(file, "PUBLIC KEY", pair.getPublic().getEncoded());
  }

  private static Path write(Path file, String type, byte[] der) throws IOException {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    Files.writeString(
        file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    return file;
  }
}
