package dev.assay.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.report.Manifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing with a PKCS#8 key file: the public key derived from the private key is the key pair's
 * own, the fingerprint is the SHA-256 of its SubjectPublicKeyInfo, the signature checks with the
 * JDK directly, and a wrong key or a changed byte fails the check; bad key files are exit 2 naming
 * the file, never quoting it.
 */
class LocalKeySignerTest {

  @TempDir Path dir;

  static final byte[] MANIFEST =
      "{\n  \"schema\" : \"assay.manifest/1\"\n}\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void anEd25519KeySignsAndItsPublicKeyIsDerived() throws Exception {
    KeyPair pair = TestKeys.ed25519();
    LocalKeySigner signer = LocalKeySigner.load(TestKeys.writePrivate(pair, dir.resolve("k.pem")));
    assertEquals(SignatureAlgorithm.ED25519, signer.algorithm());
    assertArrayEquals(pair.getPublic().getEncoded(), signer.publicKey().getEncoded());
    assertEquals("SHA256:" + Manifest.sha256(pair.getPublic().getEncoded()), signer.fingerprint());
    assertTrue(jdkVerifies("Ed25519", pair, signer.sign(MANIFEST)));
  }

  @Test
  void aP256KeySignsAsEs256AndItsPublicKeyIsDerived() throws Exception {
    for (int i = 0; i < 4; i++) { // both roots of y² (odd and even y) come up
      KeyPair pair = TestKeys.ec("secp256r1");
      LocalKeySigner signer =
          LocalKeySigner.load(TestKeys.writePrivate(pair, dir.resolve("ec" + i + ".pem")));
      assertEquals(SignatureAlgorithm.ES256, signer.algorithm());
      assertArrayEquals(pair.getPublic().getEncoded(), signer.publicKey().getEncoded());
      byte[] signature = signer.sign(MANIFEST);
      assertEquals(64, signature.length, "r||s, 32 bytes each");
      assertTrue(jdkVerifies("SHA256withECDSAinP1363Format", pair, signature));
    }
  }

  @Test
  void theCheckHoldsOnlyForTheSameBytesAndTheSameKey() throws Exception {
    KeyPair pair = TestKeys.ed25519();
    LocalKeySigner signer = LocalKeySigner.load(TestKeys.writePrivate(pair, dir.resolve("k.pem")));
    byte[] sig =
        SignatureFile.sign(signer, MANIFEST, Instant.parse("2026-12-03T10:00:00Z")).toJson();

    SignatureCheck.Outcome ok = SignatureCheck.check(MANIFEST, sig, pair.getPublic());
    assertEquals(SignatureCheck.State.VALID, ok.state(), ok.detail());
    assertTrue(ok.detail().contains(signer.fingerprint()), ok.detail());
    assertTrue(ok.detail().contains("2026-12-03T10:00:00Z"), ok.detail());

    byte[] changed = MANIFEST.clone();
    changed[5] ^= 1;
    SignatureCheck.Outcome bad = SignatureCheck.check(changed, sig, pair.getPublic());
    assertEquals(SignatureCheck.State.DOES_NOT_MATCH, bad.state());
    assertTrue(bad.failed());
    assertTrue(bad.detail().contains("signature does not match"), bad.detail());

    SignatureCheck.Outcome other =
        SignatureCheck.check(MANIFEST, sig, TestKeys.ed25519().getPublic());
    assertEquals(SignatureCheck.State.OTHER_KEY, other.state());
    assertTrue(other.failed());

    SignatureCheck.Outcome unchecked = SignatureCheck.check(MANIFEST, sig, null);
    assertEquals(SignatureCheck.State.NOT_CHECKED, unchecked.state());
    assertFalse(unchecked.failed());
    assertEquals(
        SignatureCheck.State.MISSING,
        SignatureCheck.check(MANIFEST, null, pair.getPublic()).state());
    assertEquals(SignatureCheck.State.UNSIGNED, SignatureCheck.check(MANIFEST, null, null).state());
    assertEquals(
        SignatureCheck.State.UNREADABLE,
        SignatureCheck.check(MANIFEST, "{".getBytes(StandardCharsets.UTF_8), pair.getPublic())
            .state());
  }

  @Test
  void aSignatureWithAFlippedBitDoesNotMatch() throws Exception {
    KeyPair pair = TestKeys.ec("secp256r1");
    LocalKeySigner signer = LocalKeySigner.load(TestKeys.writePrivate(pair, dir.resolve("k.pem")));
    SignatureFile made = SignatureFile.sign(signer, MANIFEST, Instant.now());
    byte[] flipped = made.signature().clone();
    flipped[10] ^= 1;
    byte[] sig =
        new SignatureFile(made.algorithm(), made.keyFingerprint(), made.signedAt(), null, flipped)
            .toJson();
    assertEquals(
        SignatureCheck.State.DOES_NOT_MATCH,
        SignatureCheck.check(MANIFEST, sig, pair.getPublic()).state());
  }

  /**
   * Keys written by openssl (genpkey; pkey -pubout), test-only: the fingerprint is the one {@code
   * openssl pkey -pubin -outform DER | sha256sum} printed for them.
   */
  @Test
  void opensslKeysLoadAndTheFingerprintIsOpensslsSha256() throws Exception {
    Path res = Path.of("src/test/resources/signing");
    LocalKeySigner ed = LocalKeySigner.load(res.resolve("openssl-test-only-ed.pem"));
    assertEquals(
        "SHA256:8f0363ec2cebe8f6e625a3788e55c02da34fc5cd5f55e59a26562c32ac84bd81",
        ed.fingerprint());
    LocalKeySigner ec = LocalKeySigner.load(res.resolve("openssl-test-only-ec.pem"));
    assertEquals(
        "SHA256:ac59b0e2f51f0fe682889694a66e2a388ee06e343b2d8485a306629e0be2b15b",
        ec.fingerprint());
    for (String name : new String[] {"ed", "ec"}) {
      LocalKeySigner signer = name.equals("ed") ? ed : ec;
      byte[] sig = SignatureFile.sign(signer, MANIFEST, Instant.now()).toJson();
      java.security.PublicKey pub =
          PublicKeys.load(res.resolve("openssl-test-only-" + name + ".pub"));
      assertEquals(SignatureCheck.State.VALID, SignatureCheck.check(MANIFEST, sig, pub).state());
    }
  }

  @Test
  void badKeyFilesAreBadInputNamingTheFileWithoutQuotingIt() throws Exception {
    Path missing = dir.resolve("missing.pem");
    assertMessage(missing, "no such file");

    Path text = dir.resolve("text.pem");
    Files.writeString(text, "hello");
    assertMessage(text, "not an unencrypted PKCS#8 PEM private key");

    KeyPair rsa = java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair();
    Path rsaFile = TestKeys.writePrivate(rsa, dir.resolve("rsa.pem"));
    String rsaMessage = assertMessage(rsaFile, "not an Ed25519 or ECDSA P-256 private key");
    String body = Base64.getEncoder().encodeToString(rsa.getPrivate().getEncoded());
    assertFalse(rsaMessage.contains(body.substring(0, 20)), "the key never appears in a message");

    Path p384 = TestKeys.writePrivate(TestKeys.ec("secp384r1"), dir.resolve("p384.pem"));
    assertMessage(p384, "only P-256");

    Path publicOnly = TestKeys.writePublic(TestKeys.ed25519(), dir.resolve("pub.pem"));
    assertMessage(publicOnly, "no '-----BEGIN PRIVATE KEY-----' block");

    BadInputException e =
        assertThrows(BadInputException.class, () -> PublicKeys.load(dir.resolve("k.pem")));
    assertTrue(e.getMessage().startsWith("--public-key " + dir.resolve("k.pem")), e.getMessage());
  }

  private static String assertMessage(Path file, String expected) {
    BadInputException e = assertThrows(BadInputException.class, () -> LocalKeySigner.load(file));
    assertTrue(e.getMessage().startsWith("--sign " + file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    return e.getMessage();
  }

  private static boolean jdkVerifies(String algorithm, KeyPair pair, byte[] signature)
      throws Exception {
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(pair.getPublic());
    verifier.update(MANIFEST);
    return verifier.verify(signature);
  }
}
