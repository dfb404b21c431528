package dev.assay.signing;

import java.nio.file.Path;

/** Turns {@code audit --sign KEY} into a {@link ManifestSigner}, before any Spark work. */
public final class Signers {

  /**
   * A system property that sends Key Vault calls to a loopback server instead (tests only; it must
   * be {@code http://127.0.0.1:PORT}).
   */
  public static final String ENDPOINT_PROPERTY = "assay.keyvault.endpoint";

  private Signers() {}

  /**
   * The signer {@code key} names: {@code azure-keyvault://VAULT-HOST/keys/NAME/VERSION} (token from
   * {@code ASSAY_KEYVAULT_TOKEN}) or a PKCS#8 PEM private key file. A bad key is exit 2 naming the
   * file or key.
   */
  public static ManifestSigner of(String key) {
    if (KeyVaultKey.isKeyVault(key)) {
      KeyVaultKey vault = KeyVaultKey.parse(key, System.getProperty(ENDPOINT_PROPERTY));
      return KeyVaultSigner.connect(vault, System.getenv(KeyVaultSigner.TOKEN_ENV));
    }
    return LocalKeySigner.load(Path.of(key));
  }

  /** The evidence appendix's signature line for a report signed by {@code signer} (or unsigned). */
  public static String status(ManifestSigner signer) {
    if (signer == null) {
      return "unsigned (no manifest.sig; assay audit --sign KEY signs manifest.json)";
    }
    return "manifest.json is signed with the "
        + signer.algorithm().id()
        + " key "
        + signer.fingerprint()
        + (signer.keyId() == null ? "" : " (" + signer.keyId() + ")")
        + " when the report is written; the signature and its time are in manifest.sig"
        + " (check with assay verify --public-key)";
  }
}
