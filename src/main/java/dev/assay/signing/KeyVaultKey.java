package dev.assay.signing;

import dev.assay.core.BadInputException;
import java.net.URI;

/**
 * {@code --sign azure-keyvault://VAULT-HOST/keys/NAME/VERSION}: an Azure Key Vault key version,
 * resolved to its REST URL {@code https://VAULT-HOST/keys/NAME/VERSION}. For tests against a server
 * on loopback, {@code endpoint} may replace {@code https://VAULT-HOST} with {@code
 * http://127.0.0.1:PORT} (nothing else).
 *
 * @param keyUrl the key version's URL, without query
 */
public record KeyVaultKey(URI keyUrl) {

  /** The scheme of a Key Vault key in {@code --sign}. */
  public static final String SCHEME = "azure-keyvault://";

  /** Whether {@code --sign}'s value names a Key Vault key rather than a key file. */
  public static boolean isKeyVault(String value) {
    return value.startsWith(SCHEME);
  }

  /**
   * Parses {@code value}; {@code endpoint} is null or a loopback {@code http://127.0.0.1:PORT}
   * override. Anything else is exit 2 naming the option.
   */
  public static KeyVaultKey parse(String value, String endpoint) {
    String rest = value.substring(SCHEME.length());
    String[] parts = rest.split("/", -1);
    if (parts.length != 4
        || parts[0].isEmpty()
        || !parts[1].equals("keys")
        || !parts[2].matches("[A-Za-z0-9-]{1,127}")
        || !parts[3].matches("[A-Za-z0-9]{1,64}")) {
      throw new BadInputException(
          "--sign "
              + value
              + ": give a Key Vault key version as"
              + " azure-keyvault://VAULT.vault.azure.net/keys/NAME/VERSION.");
    }
    String base = "https://" + parts[0];
    if (endpoint != null && !endpoint.isEmpty()) {
      if (!endpoint.matches("http://(127\\.0\\.0\\.1|localhost)(:[0-9]{1,5})?")) {
        throw new BadInputException(
            "assay.keyvault.endpoint "
                + endpoint
                + ": only a loopback http://127.0.0.1:PORT may replace the vault (for tests).");
      }
      base = endpoint;
    }
    return new KeyVaultKey(URI.create(base + "/keys/" + parts[2] + "/" + parts[3]));
  }
}
