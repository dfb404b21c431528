package dev.assay.publish;

import dev.assay.core.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where {@code --upload} puts a report: a folder (blob name prefix) in an Azure Blob Storage
 * container. Two URI forms are understood:
 *
 * <ul>
 *   <li>host style, Azure itself: {@code https://ACCOUNT.blob.core.windows.net/CONTAINER/PREFIX}
 *       (any host name with a dot: sovereign clouds, custom domains);
 *   <li>path style, the emulator: {@code http://127.0.0.1:10000/devstoreaccount1/CONTAINER/PREFIX}
 *       (the host is an IP address, {@code localhost} or a name without a dot, such as a Docker
 *       service called {@code azurite}; the first path segment is the account).
 * </ul>
 *
 * <p>A query, when present, is a SAS token ({@code ?sv=...&sig=...}) and is kept apart: it never
 * appears in {@link #toString()}, {@link #redacted()} or any error message, so that a log line
 * cannot leak it. Plain {@code http} is accepted only for the path style (a local emulator).
 *
 * @param endpoint the account's blob endpoint without a trailing slash, e.g. {@code
 *     https://acct.blob.core.windows.net} or {@code http://127.0.0.1:10000/devstoreaccount1}
 * @param account the storage account name
 * @param container the container name
 * @param prefix the folder inside the container, without leading or trailing slash; may be empty
 * @param sas the SAS token (the URI's raw query, without {@code ?}), or null
 */
public record BlobLocation(
    String endpoint, String account, String container, String prefix, String sas) {

  /** Azure's container naming rule: 3 to 63 of a-z, 0-9 and single hyphens, no hyphen at an end. */
  private static final Pattern CONTAINER =
      Pattern.compile("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$");

  private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(?:\\.\\d{1,3}){3}$");

  static final String FORMS =
      "Use https://ACCOUNT.blob.core.windows.net/CONTAINER/PREFIX (optionally with"
          + " a SAS token as the query) or the emulator's http://127.0.0.1:10000/devstoreaccount1/CONTAINER/PREFIX.";

  /** Parses an {@code --upload} URI; a malformed one is a {@link BadInputException} (exit 2). */
  public static BlobLocation parse(String text) {
    return parse(text, "--upload");
  }

  /**
   * Parses a report folder's URI given to {@code option} (named in error messages, e.g. {@code
   * --upload} or {@code assay verify}); a malformed one is a {@link BadInputException}.
   */
  public static BlobLocation parse(String text, String option) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw bad(option, withoutQuery(text), "is not a valid URI (" + e.getReason() + ")");
    }
    String shown = withoutQuery(text);
    String scheme =
        uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw bad(option, shown, "must be an https:// (or, for the emulator, http://) URL");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw bad(option, shown, "has no host");
    }
    if (uri.getRawFragment() != null) {
      throw bad(option, shown, "must not have a #fragment");
    }
    if (uri.getRawUserInfo() != null) {
      throw bad(
          option,
          shown,
          "must not carry a user name or password; use a SAS token or"
              + " AZURE_STORAGE_CONNECTION_STRING");
    }
    boolean pathStyle = isPathStyle(host);
    if (!pathStyle && scheme.equals("http")) {
      throw bad(option, shown, "uses plain http for a cloud account; use https");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    List<String> segments = new ArrayList<>(Arrays.asList(path.split("/", -1)));
    if (!segments.isEmpty() && segments.get(0).isEmpty()) {
      segments.remove(0);
    }
    if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw bad(option, shown, "has an empty, '.' or '..' path segment");
      }
    }
    String authority =
        scheme
            + "://"
            + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
            + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    String account;
    String endpoint;
    if (pathStyle) {
      if (segments.isEmpty()) {
        throw bad(
            option,
            shown,
            "names no account: the emulator's form is http://HOST:PORT/ACCOUNT/CONTAINER/PREFIX");
      }
      account = segments.remove(0);
      endpoint = authority + "/" + account;
    } else {
      account = host.substring(0, host.indexOf('.'));
      endpoint = authority;
    }
    if (segments.isEmpty()) {
      throw bad(option, shown, "names no container");
    }
    String container = segments.remove(0);
    if (!CONTAINER.matcher(container).matches()) {
      throw bad(
          option,
          shown,
          "names the container '"
              + container
              + "', which is not a valid container name"
              + " (3 to 63 lower-case letters, digits and single hyphens)");
    }
    String sas = uri.getRawQuery();
    if (sas != null && !sas.isEmpty() && !sas.contains("sig=")) {
      throw bad(option, shown, "has a query that is not a SAS token (it has no sig= parameter)");
    }
    return new BlobLocation(
        endpoint,
        account,
        container,
        String.join("/", segments),
        sas == null || sas.isEmpty() ? null : sas);
  }

  /** True for an emulator-like host: an IP address, {@code localhost} or a name without a dot. */
  private static boolean isPathStyle(String host) {
    return IPV4.matcher(host).matches()
        || host.startsWith("[")
        || host.contains(":")
        || host.equalsIgnoreCase("localhost")
        || !host.contains(".");
  }

  /** The container's URL, without any SAS token. */
  public String containerUrl() {
    return endpoint + "/" + container;
  }

  /** The blob name of a report file: {@code PREFIX/file}, or {@code file} without a prefix. */
  public String blobName(String file) {
    return prefix.isEmpty() ? file : prefix + "/" + file;
  }

  /** The URL of a report file's blob, without any SAS token (safe to print). */
  public String blobUrl(String file) {
    return containerUrl() + "/" + blobName(file);
  }

  /** The report folder's URL, without any SAS token (safe to print). */
  public String redacted() {
    return prefix.isEmpty() ? containerUrl() : containerUrl() + "/" + prefix;
  }

  /** The location without its SAS token, so that logging the record cannot leak it. */
  @Override
  public String toString() {
    return redacted() + (sas == null ? "" : " (with a SAS token)");
  }

  /** The URI as safe to print: without its query (a SAS token) and without any user info. */
  private static String withoutQuery(String text) {
    int q = text.indexOf('?');
    String shown = q < 0 ? text : text.substring(0, q) + "?(SAS token hidden)";
    return shown.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@", "$1(user info hidden)@");
  }

  private static BadInputException bad(String option, String shown, String what) {
    return new BadInputException(option + " " + shown + " " + what + ". " + FORMS);
  }
}
