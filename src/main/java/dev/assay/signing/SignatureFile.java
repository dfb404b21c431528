package dev.assay.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * manifest.sig (schema {@value #SCHEMA}): the signature of the exact bytes of manifest.json beside
 * it, with the algorithm, the fingerprint of the public key that checks it, when it was made and,
 * for a vault key, the key's identifier. The signature covers manifest.json only; {@code signed_at}
 * and {@code key_id} are what the signer recorded, not covered by it.
 *
 * @param algorithm {@code Ed25519} or {@code ES256}
 * @param keyFingerprint {@code SHA256:} and the hex SHA-256 of the public key's
 *     SubjectPublicKeyInfo
 * @param signedAt when the signature was made (ISO-8601, UTC)
 * @param keyId the vault key's URL, or null for a local key
 * @param signature the signature bytes
 */
public record SignatureFile(
    String algorithm, String keyFingerprint, String signedAt, String keyId, byte[] signature) {

  /** The schema id written in the file's {@code schema} key. */
  public static final String SCHEMA = "assay.signature/1";

  /** The file's name in a report folder. */
  public static final String FILE_NAME = "manifest.sig";

  /** Signs {@code manifest} with {@code signer} now. */
  public static SignatureFile sign(ManifestSigner signer, byte[] manifest, Instant now) {
    byte[] signature = signer.sign(manifest); // first: a vault names its key (kid) in the answer
    return new SignatureFile(
        signer.algorithm().id(), signer.fingerprint(), now.toString(), signer.keyId(), signature);
  }

  /** The file's bytes: pretty JSON, newline-terminated. */
  public byte[] toJson() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode json = mapper.createObjectNode();
    json.put("schema", SCHEMA);
    json.put("signed_file", "manifest.json");
    json.put("algorithm", algorithm);
    json.put("key_fingerprint", keyFingerprint);
    json.put("signed_at", signedAt);
    if (keyId != null) {
      json.put("key_id", keyId);
    }
    json.put("signature", Base64.getEncoder().encodeToString(signature));
    try {
      return (mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("a small JSON object always serialises", e);
    }
  }

  /**
   * Reads manifest.sig's bytes; a file that is not one is an {@link IllegalArgumentException} with
   * the reason.
   */
  public static SignatureFile parse(byte[] bytes) {
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON");
    }
    if (json == null || !SCHEMA.equals(json.path("schema").asText())) {
      throw new IllegalArgumentException("its schema is not '" + SCHEMA + "'");
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(json.path("signature").asText(""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("its signature is not base64");
    }
    return new SignatureFile(
        json.path("algorithm").asText(""),
        json.path("key_fingerprint").asText(""),
        json.path("signed_at").asText(""),
        json.hasNonNull("key_id") ? json.get("key_id").asText() : null,
        signature);
  }
}
