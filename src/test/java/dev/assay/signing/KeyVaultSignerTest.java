package dev.assay.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.core.BadInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing by Azure Key Vault's REST sign operation, against a real HTTP server on loopback that
 * implements the documented requests: {@code GET /keys/NAME/VERSION?api-version=7.4} (a JWK) and
 * {@code POST /keys/NAME/VERSION/sign?api-version=7.4} with {@code {"alg":"ES256","value":
 * base64url(SHA-256)}}, answering {@code {"kid","value"}}. The key pair lives in the server only;
 * the manifest.sig written verifies with its public key.
 */
class KeyVaultSignerTest {

  static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi.secret-token";

  @TempDir Path dir;

  HttpServer server;
  KeyPair vaultKey;
  final List<String> requests = new ArrayList<>();
  volatile int forcedStatus;

  @BeforeEach
  void vault() throws Exception {
    vaultKey = TestKeys.ec("secp256r1");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/keys/manifest-signer/0123abcd", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  KeyVaultKey key() {
    return KeyVaultKey.parse(
        "azure-keyvault://myvault.vault.azure.net/keys/manifest-signer/0123abcd", endpoint());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      requests.add(
          exchange.getRequestMethod() + " " + path + "?" + exchange.getRequestURI().getQuery());
      if (forcedStatus != 0
          || !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        reply(
            exchange,
            forcedStatus != 0 ? forcedStatus : 401,
            "{\"error\":{\"code\":\"Unauthorized\"}}");
        return;
      }
      if (!"api-version=7.4".equals(exchange.getRequestURI().getQuery())) {
        reply(exchange, 400, "{\"error\":{\"code\":\"BadParameter\"}}");
        return;
      }
      String kid = "https://myvault.vault.azure.net/keys/manifest-signer/0123abcd";
      if (exchange.getRequestMethod().equals("GET") && path.endsWith("/0123abcd")) {
        ECPublicKey pub = (ECPublicKey) vaultKey.getPublic();
        reply(
            exchange,
            200,
            "{\"key\":{\"kid\":\""
                + kid
                + "\",\"kty\":\"EC\",\"key_ops\":[\"sign\",\"verify\"],"
                + "\"crv\":\"P-256\",\"x\":\""
                + coordinate(pub.getW().getAffineX())
                + "\",\"y\":\""
                + coordinate(pub.getW().getAffineY())
                + "\"},\"attributes\":{\"enabled\":true}}");
        return;
      }
      if (exchange.getRequestMethod().equals("POST") && path.endsWith("/sign")) {
        JsonNode body = new ObjectMapper().readTree(exchange.getRequestBody());
        byte[] digest = Base64.getUrlDecoder().decode(body.path("value").asText());
        if (!body.path("alg").asText().equals("ES256") || digest.length != 32) {
          reply(exchange, 400, "{\"error\":{\"code\":\"BadParameter\"}}");
          return;
        }
        Signature signer = Signature.getInstance("NONEwithECDSAinP1363Format");
        signer.initSign(vaultKey.getPrivate());
        signer.update(digest);
        reply(
            exchange,
            200,
            "{\"kid\":\""
                + kid
                + "\",\"value\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign())
                + "\"}");
        return;
      }
      reply(exchange, 404, "{}");
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private static String coordinate(java.math.BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] fixed = new byte[32];
    int from = Math.max(0, raw.length - 32);
    System.arraycopy(raw, from, fixed, 32 - (raw.length - from), raw.length - from);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Test
  void theVaultSignsTheManifestAndTheSignatureChecksWithItsPublicKey() throws Exception {
    byte[] manifest =
        "{\n  \"schema\" : \"assay.manifest/1\"\n}\n".getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("manifest.json"), manifest);
    KeyVaultSigner signer = KeyVaultSigner.connect(key(), TOKEN);
    assertEquals(KeyFingerprint.of(vaultKey.getPublic()), signer.fingerprint());

    SignatureFile sig = ManifestSigning.signFolder(dir, signer);
    assertEquals("ES256", sig.algorithm());
    assertEquals("https://myvault.vault.azure.net/keys/manifest-signer/0123abcd", sig.keyId());
    assertEquals(
        List.of(
            "GET /keys/manifest-signer/0123abcd?api-version=7.4",
            "POST /keys/manifest-signer/0123abcd/sign?api-version=7.4"),
        requests);

    byte[] written = Files.readAllBytes(dir.resolve("manifest.sig"));
    SignatureCheck.Outcome ok = SignatureCheck.check(manifest, written, vaultKey.getPublic());
    assertEquals(SignatureCheck.State.VALID, ok.state(), ok.detail());
    byte[] changed = Arrays.copyOf(manifest, manifest.length);
    changed[3] ^= 1;
    assertEquals(
        SignatureCheck.State.DOES_NOT_MATCH,
        SignatureCheck.check(changed, written, vaultKey.getPublic()).state());
    assertFalse(new String(written, StandardCharsets.UTF_8).contains(TOKEN));
  }

  @Test
  void aRefusedTokenIsBadInputWithoutTheToken() {
    forcedStatus = 403;
    BadInputException e =
        assertThrows(BadInputException.class, () -> KeyVaultSigner.connect(key(), TOKEN));
    assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    BadInputException none =
        assertThrows(BadInputException.class, () -> KeyVaultSigner.connect(key(), null));
    assertTrue(none.getMessage().contains("ASSAY_KEYVAULT_TOKEN"), none.getMessage());
  }

  @Test
  void onlyLoopbackMayReplaceTheVaultAndTheKeyNameIsChecked() {
    assertThrows(
        BadInputException.class,
        () ->
            KeyVaultKey.parse("azure-keyvault://v.vault.azure.net/keys/k/1", "http://example.com"));
    assertThrows(
        BadInputException.class,
        () -> KeyVaultKey.parse("azure-keyvault://v.vault.azure.net/secrets/k/1", null));
    assertEquals(
        "https://v.vault.azure.net/keys/k/1",
        KeyVaultKey.parse("azure-keyvault://v.vault.azure.net/keys/k/1", null).keyUrl().toString());
  }
}
