package dev.assay.signing;

import dev.assay.core.BadInputException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * Signs with a private key read from a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}): an
 * Ed25519 key or an ECDSA key on P-256, with the JDK's own providers only. The public key (for the
 * fingerprint) is derived from the private key with JDK operations too: for Ed25519 by the JDK key
 * generator fed the key's own seed, for P-256 by an ECDH agreement with the curve's generator (the
 * x of d·G) and the y that verifies a probe signature. The key's bytes never leave this object:
 * error messages name the file, never its content.
 */
public final class LocalKeySigner implements ManifestSigner {

  private static final String OPTION = "--sign";

  private final PrivateKey key;
  private final SignatureAlgorithm algorithm;
  private final PublicKey publicKey;

  private LocalKeySigner(PrivateKey key, SignatureAlgorithm algorithm, PublicKey publicKey) {
    this.key = key;
    this.algorithm = algorithm;
    this.publicKey = publicKey;
  }

  /**
   * Loads the key in {@code file}; a missing, unreadable, encrypted or unsupported key is a {@link
   * dev.assay.core.BadInputException} (exit 2) naming the file.
   */
  public static LocalKeySigner load(Path file) {
    byte[] der = Pem.read(file, Pem.PRIVATE_KEY, OPTION);
    try {
      PrivateKey ed = parse("Ed25519", der);
      if (ed != null) {
        return new LocalKeySigner(
            ed, SignatureAlgorithm.ED25519, ed25519Public((EdECPrivateKey) ed));
      }
      PrivateKey ec = parse("EC", der);
      if (ec instanceof ECPrivateKey ecKey) {
        if (!isP256(ecKey.getParams())) {
          throw new BadInputException(
              OPTION + " " + file + ": an ECDSA key on another curve; only P-256 is supported.");
        }
        return new LocalKeySigner(ec, SignatureAlgorithm.ES256, p256Public(ecKey));
      }
    } catch (GeneralSecurityException e) {
      throw new BadInputException(
          OPTION + " " + file + ": the key cannot be used (" + e.getClass().getSimpleName() + ").");
    }
    throw new BadInputException(
        OPTION + " " + file + ": not an Ed25519 or ECDSA P-256 private key in PKCS#8 form.");
  }

  private static PrivateKey parse(String algorithm, byte[] der) throws GeneralSecurityException {
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (java.security.spec.InvalidKeySpecException e) {
      return null;
    }
  }

  @Override
  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  /** The public key that checks this signer's signatures. */
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public String fingerprint() {
    return KeyFingerprint.of(publicKey);
  }

  @Override
  public byte[] sign(byte[] message) {
    try {
      return sign(key, algorithm, message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing with a loaded key failed", e);
    }
  }

  private static byte[] sign(PrivateKey key, SignatureAlgorithm algorithm, byte[] message)
      throws GeneralSecurityException {
    Signature signature = Signature.getInstance(algorithm.jdkName());
    signature.initSign(key);
    signature.update(message);
    return signature.sign();
  }

  /** The JDK's Ed25519 key generator draws the 32-byte seed from its random source, once. */
  private static PublicKey ed25519Public(EdECPrivateKey key) throws GeneralSecurityException {
    byte[] seed = key.getBytes().orElseThrow(() -> new GeneralSecurityException("no seed"));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
    PublicKey derived = generator.generateKeyPair().getPublic();
    Arrays.fill(seed, (byte) 0);
    return checked(key, SignatureAlgorithm.ED25519, derived);
  }

  /**
   * d·G: its x from ECDH with the generator, its y the root of the curve equation that verifies.
   */
  private static PublicKey p256Public(ECPrivateKey key) throws GeneralSecurityException {
    ECParameterSpec params = key.getParams();
    KeyFactory factory = KeyFactory.getInstance("EC");
    PublicKey generator =
        factory.generatePublic(new ECPublicKeySpec(params.getGenerator(), params));
    KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
    ecdh.init(key);
    ecdh.doPhase(generator, true);
    BigInteger x = new BigInteger(1, ecdh.generateSecret());
    BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
    BigInteger rhs =
        x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p);
    BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p); // p = 3 (mod 4)
    byte[] probe = "assay key check".getBytes(StandardCharsets.US_ASCII);
    byte[] signature = sign(key, SignatureAlgorithm.ES256, probe);
    for (BigInteger root : new BigInteger[] {y, p.subtract(y)}) {
      PublicKey candidate =
          factory.generatePublic(new ECPublicKeySpec(new ECPoint(x, root), params));
      if (verifies(candidate, SignatureAlgorithm.ES256, probe, signature)) {
        return candidate;
      }
    }
    throw new GeneralSecurityException("the public key could not be derived");
  }

  private static PublicKey checked(PrivateKey key, SignatureAlgorithm algorithm, PublicKey derived)
      throws GeneralSecurityException {
    byte[] probe = "assay key check".getBytes(StandardCharsets.US_ASCII);
    if (!verifies(derived, algorithm, probe, sign(key, algorithm, probe))) {
      throw new GeneralSecurityException("the public key could not be derived");
    }
    return derived;
  }

  private static boolean verifies(
      PublicKey key, SignatureAlgorithm algorithm, byte[] message, byte[] signature)
      throws GeneralSecurityException {
    Signature verifier = Signature.getInstance(algorithm.jdkName());
    verifier.initVerify(key);
    verifier.update(message);
    return verifier.verify(signature);
  }

  private static boolean isP256(ECParameterSpec params) throws GeneralSecurityException {
    AlgorithmParameters named = AlgorithmParameters.getInstance("EC");
    named.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec p256 = named.getParameterSpec(ECParameterSpec.class);
    return p256.getCurve().equals(params.getCurve())
        && p256.getGenerator().equals(params.getGenerator())
        && p256.getOrder().equals(params.getOrder());
  }

  /** Hands out the given seed (the key generator's only draw), then zeros. */
  private static final class SeedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient byte[] seed;
    private int used;

    SeedRandom(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = used < seed.length ? seed[used++] : 0;
      }
    }
  }
}
