package dev.assay.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.BadInputException;
import dev.assay.core.RunFailedException;
import dev.assay.core.Secrets;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.util.Base64;

/**
 * Signs with an Azure Key Vault EC P-256 key over REST, so the private key never leaves the vault:
 * {@code GET {key}?api-version=7.4} reads the public key (a JWK) once, before any Spark work;
 * {@code POST {key}/sign?api-version=7.4} with {@code {"alg":"ES256","value":base64url(SHA-256 of
 * manifest.json)}} returns {@code {"kid","value"}}, the 64-byte r||s signature, which is checked
 * with the public key before it is written. The bearer token comes from {@code
 * ASSAY_KEYVAULT_TOKEN}; it is never printed.
 */
public final class KeyVaultSigner implements ManifestSigner {

  /** The environment variable holding the bearer token for the vault. */
  public static final String TOKEN_ENV = "ASSAY_KEYVAULT_TOKEN";

  static final String API_VERSION = "api-version=7.4";

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final KeyVaultKey key;
  private final String token;
  private final HttpClient http;
  private final PublicKey publicKey;
  private String keyId;

  private KeyVaultSigner(KeyVaultKey key, String token, HttpClient http, PublicKey publicKey) {
    this.key = key;
    this.token = token;
    this.http = http;
    this.publicKey = publicKey;
    this.keyId = key.keyUrl().toString();
  }

  /**
   * Connects to the key: reads its public key. No token, a refused token or a key that is not EC
   * P-256 is exit 2; an unreachable vault is exit 3.
   */
  public static KeyVaultSigner connect(KeyVaultKey key, String token) {
    if (token == null || token.isBlank()) {
      throw new BadInputException(
          "--sign "
              + key.keyUrl()
              + ": set "
              + TOKEN_ENV
              + " to a bearer token for the vault (az account get-access-token --resource"
              + " https://vault.azure.net --query accessToken -o tsv).");
    }
    Secrets.remember(token);
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    JsonNode jwk =
        call(key, http, token, HttpRequest.newBuilder(uri(key, "")).GET(), "read").path("key");
    return new KeyVaultSigner(key, token, http, publicKey(key, jwk));
  }

  @Override
  public SignatureAlgorithm algorithm() {
    return SignatureAlgorithm.ES256;
  }

  @Override
  public String fingerprint() {
    return KeyFingerprint.of(publicKey);
  }

  @Override
  public String keyId() {
    return keyId;
  }

  @Override
  public byte[] sign(byte[] message) {
    String digest;
    try {
      digest = b64url(MessageDigest.getInstance("SHA-256").digest(message));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    String body = "{\"alg\":\"ES256\",\"value\":\"" + digest + "\"}";
    JsonNode answer =
        call(
            key,
            http,
            token,
            HttpRequest.newBuilder(uri(key, "/sign"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            "sign with");
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(answer.path("value").asText(""));
    } catch (IllegalArgumentException e) {
      throw new RunFailedException(
          "Key Vault " + key.keyUrl() + " answered a sign call without a base64url value", e);
    }
    if (!verifies(message, signature)) {
      throw new RunFailedException(
          "Key Vault "
              + key.keyUrl()
              + ": the signature it returned does not check with its public key",
          null);
    }
    if (answer.hasNonNull("kid")) {
      keyId = answer.get("kid").asText();
    }
    return signature;
  }

  private boolean verifies(byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(SignatureAlgorithm.ES256.jdkName());
      verifier.initVerify(publicKey);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (java.security.SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK provides ES256", e);
    }
  }

  private static URI uri(KeyVaultKey key, String path) {
    return URI.create(key.keyUrl() + path + "?" + API_VERSION);
  }

  /** One REST call; 401/403/404 are exit 2 (credentials or key), anything else failing is 3. */
  private static JsonNode call(
      KeyVaultKey key, HttpClient http, String token, HttpRequest.Builder request, String what) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request.header("Authorization", "Bearer " + token).timeout(TIMEOUT).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RunFailedException(
          "could not "
              + what
              + " the Key Vault key "
              + key.keyUrl()
              + ": "
              + e.getClass().getSimpleName(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailedException("interrupted while calling Key Vault " + key.keyUrl(), e);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403 || status == 404) {
      throw new BadInputException(
          "--sign "
              + key.keyUrl()
              + ": Key Vault answered HTTP "
              + status
              + (status == 404
                  ? " (no such key version)."
                  : " (the token in " + TOKEN_ENV + " is not allowed to " + what + " this key)."));
    }
    if (status != 200) {
      throw new RunFailedException(
          "could not " + what + " the Key Vault key " + key.keyUrl() + ": HTTP " + status, null);
    }
    try {
      return new ObjectMapper().readTree(response.body());
    } catch (IOException e) {
      throw new RunFailedException(
          "Key Vault " + key.keyUrl() + " answered something that is not JSON", e);
    }
  }

  /** The EC P-256 public key of a JWK ({@code kty} EC, {@code crv} P-256, {@code x}, {@code y}). */
  static PublicKey publicKey(KeyVaultKey key, JsonNode jwk) {
    String kty = jwk.path("kty").asText();
    if (!(kty.equals("EC") || kty.equals("EC-HSM")) || !jwk.path("crv").asText().equals("P-256")) {
      throw new BadInputException(
          "--sign "
              + key.keyUrl()
              + ": the key is "
              + kty
              + " "
              + jwk.path("crv").asText()
              + "; only EC P-256 keys (ES256) are supported.");
    }
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
      ECPoint point =
          new ECPoint(
              new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("x").asText())),
              new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("y").asText())));
      return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, p256));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new BadInputException(
          "--sign " + key.keyUrl() + ": the vault's public key is not a valid P-256 point.");
    }
  }

  private static String b64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
