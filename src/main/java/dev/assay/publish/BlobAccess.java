package dev.assay.publish;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import dev.assay.core.BadInputException;
import dev.assay.core.Secrets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client for one blob container with credentials chosen as {@link BlobPublisher} documents (SAS
 * token in the URI, then {@code AZURE_STORAGE_CONNECTION_STRING}, then DefaultAzureCredential over
 * https), shared by {@code --upload} and {@code assay verify URL}. Knows every secret it was given,
 * so messages can be {@linkplain #redact redacted}.
 *
 * @param container the container client (no network call made yet)
 * @param source how it authenticates, safe to print
 * @param secrets every secret and its decoded forms, longest first
 */
record BlobAccess(BlobContainerClient container, String source, List<String> secrets) {

  /**
   * Connects to {@code location}'s container; {@code option} names the command-line place the
   * location came from, for messages ({@code --upload}, {@code assay verify}).
   */
  static BlobAccess connect(
      BlobLocation location, Map<String, String> env, BlobPublisher.Retry retry, String option) {
    HttpClient http =
        new JdkHttpClientBuilder()
            .connectionTimeout(Duration.ofSeconds(10))
            .responseTimeout(Duration.ofSeconds(60))
            .build();
    BlobContainerClientBuilder builder =
        new BlobContainerClientBuilder()
            .endpoint(location.containerUrl())
            .httpClient(http)
            .retryOptions(
                new RequestRetryOptions(
                    RetryPolicyType.EXPONENTIAL,
                    retry.tries(),
                    Duration.ofSeconds(60),
                    retry.delay(),
                    retry.maxDelay(),
                    null));
    List<String> secrets = new ArrayList<>();
    String source;
    String connectionString = env.get(BlobPublisher.CONNECTION_STRING);
    if (location.sas() != null) {
      secrets.add(location.sas());
      builder.sasToken(location.sas());
      source = "the SAS token in the URI";
    } else if (connectionString != null && !connectionString.isBlank()) {
      secrets.add(connectionString);
      Map<String, String> parts = connectionStringParts(connectionString);
      String account = parts.get("AccountName");
      if (account != null && !account.equals(location.account())) {
        throw new BadInputException(
            BlobPublisher.CONNECTION_STRING
                + " is for the storage account '"
                + account
                + "', but "
                + option
                + " "
                + location.redacted()
                + " names the account '"
                + location.account()
                + "'. Use the connection string of that account, or a SAS token"
                + " in the URI.");
      }
      if (parts.get("AccountKey") != null && account != null) {
        secrets.add(parts.get("AccountKey"));
        builder.credential(new StorageSharedKeyCredential(account, parts.get("AccountKey")));
      } else if (parts.get("SharedAccessSignature") != null) {
        secrets.add(parts.get("SharedAccessSignature"));
        builder.sasToken(parts.get("SharedAccessSignature"));
      } else {
        throw new BadInputException(
            BlobPublisher.CONNECTION_STRING
                + " has neither AccountName"
                + " with AccountKey nor SharedAccessSignature. Copy the connection string from the"
                + " storage account's 'Access keys' page, or put a SAS token in the URI.");
      }
      source = BlobPublisher.CONNECTION_STRING;
    } else if (location.endpoint().startsWith("https://")) {
      TokenCredential credential = new DefaultAzureCredentialBuilder().httpClient(http).build();
      builder.credential(credential);
      source = "DefaultAzureCredential";
    } else {
      throw new BadInputException(
          option
              + " "
              + location.redacted()
              + " has no credentials: set "
              + BlobPublisher.CONNECTION_STRING
              + " or put a SAS token in the URI (Microsoft Entra"
              + " sign-in needs https).");
    }
    List<String> all = withDecoded(secrets);
    all.forEach(Secrets::remember); // scrubbed from any other message or log line, too
    return new BlobAccess(builder.buildClient(), source, List.copyOf(all));
  }

  /**
   * The message with every secret it was given replaced by {@code ***}, then through the common
   * scrubber ({@link Secrets#scrub}) for anything else that looks like one.
   */
  String redact(String message) {
    String out = message;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4) {
        out = out.replace(secret, "***");
      }
    }
    return Secrets.scrub(out);
  }

  /** An SDK failure in a few words: the HTTP status, or the chain of causes, never the request. */
  static String describe(RuntimeException e) {
    if (e instanceof BlobStorageException s) {
      return "HTTP " + s.getStatusCode() + (s.getErrorCode() == null ? "" : " " + s.getErrorCode());
    }
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null && out.length() < 400; t = t.getCause()) {
      if (t.getCause() != null
          && t.getMessage() != null
          && t.getCause().toString().equals(t.getMessage())) {
        continue; // a wrapper that only repeats its cause
      }
      if (!out.isEmpty()) {
        out.append(" <- ");
      }
      out.append(t.getClass().getSimpleName());
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        String m = t.getMessage();
        int nl = m.indexOf('\n');
        out.append(" (").append(nl < 0 ? m : m.substring(0, nl)).append(')');
      }
    }
    return out.toString();
  }

  private static List<String> withDecoded(List<String> secrets) {
    List<String> all = new ArrayList<>();
    for (String secret : secrets) {
      all.add(secret);
      try {
        all.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException ignored) {
        // not URL-encoded
      }
      for (String part : secret.split("[&;]")) {
        int eq = part.indexOf('=');
        String key = eq < 0 ? "" : part.substring(0, eq);
        if (key.equals("sig") || key.equals("AccountKey") || key.equals("SharedAccessSignature")) {
          String value = part.substring(eq + 1);
          all.add(value);
          try {
            all.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
          } catch (IllegalArgumentException ignored) {
            // not URL-encoded
          }
        }
      }
    }
    all.sort((a, b) -> Integer.compare(b.length(), a.length())); // longest first
    return all;
  }

  /** {@code Key=Value;...} into a map; a value may itself contain '=' (base64 keys do). */
  static Map<String, String> connectionStringParts(String connectionString) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : connectionString.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    return parts;
  }
}
