package dev.assay.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.assay.core.BadInputException;
import dev.assay.core.EditDistance;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML (or JSON) file bound to records, that still knows where each key stands. Reading is strict
 * ({@link InputFile}, {@link StrictTree}: size, encoding, duplicate keys, aliases, value lengths)
 * and binding rejects unknown keys (so a typo such as {@code colums:} is named with its line and
 * the nearest known key); {@link #line} finds the line of any key path so that later checks (a
 * column missing from the data, a bad comparator) can point at the line to fix.
 */
public final class YamlDocument {

  private static final ObjectMapper MAPPER =
      YAMLMapper.builder(new YAMLFactory())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // StrictTree names both lines first
          .build();

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String source;
  private final String text;
  private final Node root;

  private YamlDocument(String source, String text, Node root) {
    this.source = source;
    this.text = text;
    this.root = root;
  }

  /** How deeply collections may nest in a document (Assay's own need at most 5 levels). */
  static final int MAX_DEPTH = 20;

  /** What {@link #parse(String, String)} expects: any YAML mapping. */
  private static final DocumentKind ANY =
      new DocumentKind("YAML mapping", "key: value lines at the top", List.of());

  /**
   * Reads the document at {@code file} strictly ({@link InputFile}: size limit before reading,
   * strict UTF-8) and parses it as {@code kind}.
   *
   * @throws BadInputException with the file (and line) of the first problem
   */
  public static YamlDocument read(Path file, DocumentKind kind) {
    String text = InputFile.read(file, kind.name(), InputFile.MAX_DOCUMENT_BYTES);
    return parse(file.toString(), text, kind);
  }

  /**
   * Parses {@code text} as a mapping; {@code source} names the file in error messages.
   *
   * @throws BadInputException when the text is not well-formed YAML, not a mapping, or breaks a
   *     rule of {@link StrictTree}
   */
  public static YamlDocument parse(String source, String text) {
    return parse(source, text, ANY);
  }

  /**
   * Parses {@code text} as a document of {@code kind}: well-formed YAML (or JSON), a mapping at the
   * top with at least one of the kind's keys (or a near miss of one), and obeying {@link
   * StrictTree}'s rules. A file that is plainly not of the kind gets one message that quotes none
   * of its content.
   *
   * @throws BadInputException naming the file and, where there is one, the line
   */
  public static YamlDocument parse(String source, String text, DocumentKind kind) {
    text = jsonTabsAsSpaces(text);
    Node root = compose(source, text);
    if (!(root instanceof MappingNode mapping)) {
      throw new BadInputException(
          source
              + ": "
              + kind.notThis(
                  root == null
                      ? "an empty file"
                      : root instanceof SequenceNode ? "a list" : "a single value")
              + ".");
    }
    if (!kind.markers().isEmpty() && !hasAKeyOf(mapping, kind.markers())) {
      throw new BadInputException(
          source
              + ": "
              + kind.notThis(
                  "a mapping without "
                      + kind.markers().stream()
                          .map(k -> "`" + k + ":`")
                          .collect(Collectors.joining(" or ")))
              + ".");
    }
    StrictTree.check(source, root);
    return new YamlDocument(source, text, root);
  }

  private static Node compose(String source, String text) {
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setNestingDepthLimit(MAX_DEPTH);
      options.setMaxAliasesForCollections(10);
      options.setCodePointLimit((int) InputFile.MAX_DOCUMENT_BYTES + 1);
      return new Yaml(options).compose(new StringReader(text));
    } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new BadInputException(
          source
              + (line > 0 ? ":" + line : "")
              + ": malformed YAML: "
              + YamlText.shown(firstLine(e.getProblem()), 120)
              + ". Fix the syntax (indentation, quotes, colons) and retry.");
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      if (message.startsWith("Nesting Depth exceeded")) {
        throw new BadInputException(
            where(source, EventScan.firstTooDeep(text, MAX_DEPTH))
                + ": nested more than "
                + MAX_DEPTH
                + " levels deep; Assay's documents need a few levels.");
      }
      if (message.startsWith("Number of aliases")) {
        throw new BadInputException(
            where(source, EventScan.firstAnchorOrAlias(text))
                + ": anchors and aliases (&name, *name) are not supported; write the value out in full.");
      }
      throw new BadInputException(
          source + ": malformed YAML: " + YamlText.shown(firstLine(message), 120) + ".");
    }
  }

  /**
   * JSON allows tabs between tokens, YAML does not. In valid JSON a tab can only be such whitespace
   * (a string escapes its tabs), so in a JSON document each tab becomes a space: nothing else
   * changes, not even a column.
   */
  private static String jsonTabsAsSpaces(String text) {
    if (text.indexOf('\t') < 0 || !text.stripLeading().startsWith("{")) {
      return text;
    }
    try {
      JSON.readTree(text);
      return text.replace('\t', ' ');
    } catch (JsonProcessingException e) {
      return text; // not JSON: YAML will say what is wrong
    }
  }

  /** True when a top-level key is one of {@code keys}, or a near miss of one (a typo). */
  private static boolean hasAKeyOf(MappingNode mapping, List<String> keys) {
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().length() <= 64) {
        for (String known : keys) {
          if (EditDistance.between(key.getValue(), known) <= Math.max(1, known.length() / 3)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String where(String source, int line) {
    return line > 0 ? source + ":" + line : source;
  }

  /** The file name used in messages. */
  public String source() {
    return source;
  }

  /**
   * Binds the document to {@code type}.
   *
   * @throws BadInputException naming the file, line and key on an unknown key or a wrong type
   */
  public <T> T bind(Class<T> type) {
    try {
      return MAPPER.readValue(text, type);
    } catch (UnrecognizedPropertyException e) {
      List<String> known =
          e.getKnownPropertyIds() == null
              ? List.of()
              : e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
      String key = e.getPropertyName() == null ? "" : e.getPropertyName();
      String nearest =
          known.stream()
              .min(java.util.Comparator.comparingInt((String k) -> EditDistance.between(key, k)))
              .filter(
                  k ->
                      key.length() <= 64
                          && EditDistance.between(key, k) <= Math.max(2, k.length() / 3))
              .orElse(null);
      throw new BadInputException(
          where(e)
              + ": unknown key '"
              + path(e)
              + "'"
              + (nearest == null ? "" : "; did you mean '" + nearest + "'?")
              + (known.isEmpty()
                  ? ""
                  : (nearest == null ? "; the" : " The")
                      + " keys allowed here are: "
                      + String.join(", ", known))
              + ". Fix the spelling or remove the key.");
    } catch (MismatchedInputException e) {
      String found =
          e instanceof InvalidFormatException invalid && invalid.getValue() != null
              ? " (found '" + YamlText.shown(String.valueOf(invalid.getValue())) + "')"
              : "";
      throw new BadInputException(
          where(e)
              + ": wrong value for '"
              + path(e)
              + "': expected "
              + expected(e.getTargetType())
              + found
              + ".");
    } catch (JsonMappingException e) {
      throw new BadInputException(where(e) + ": wrong value for '" + path(e) + "'.");
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          where(e.getLocation()) + ": " + YamlText.shown(firstLine(e.getOriginalMessage()), 200));
    }
  }

  /** What a value bound to {@code type} must look like, in the words of the spec, not of Java. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "another kind of value";
    }
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class || type == Float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a single value";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "a mapping (key: value lines)";
  }

  /**
   * The 1-based line of the value at a key path such as {@code ("columns", "label")} or {@code
   * ("rules", 2, "must")}; the nearest enclosing line when the path does not exist, 0 when nothing
   * matches.
   */
  public int line(Object... path) {
    Node node = root;
    int line = root.getStartMark().getLine() + 1;
    for (Object step : path) {
      Node next = null;
      if (node instanceof MappingNode mapping && step instanceof String key) {
        for (NodeTuple tuple : mapping.getValue()) {
          if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
            line = k.getStartMark().getLine() + 1;
            next = tuple.getValueNode();
          }
        }
      } else if (node instanceof SequenceNode seq
          && step instanceof Integer index
          && index >= 0
          && index < seq.getValue().size()) {
        next = seq.getValue().get(index);
        line = next.getStartMark().getLine() + 1;
      }
      if (next == null) {
        return line;
      }
      node = next;
    }
    return line;
  }

  /** {@code file:line} for a key path, for messages. */
  public String at(Object... path) {
    int line = line(path);
    return line > 0 ? source + ":" + line : source;
  }

  /** The file and line of the key the error is about, found from its path in the document. */
  private String where(JsonMappingException e) {
    if (!e.getPath().isEmpty()) {
      return at(steps(e).toArray());
    }
    return where(e.getLocation());
  }

  private String where(JsonLocation location) {
    return location == null || location.getLineNr() <= 0
        ? source
        : source + ":" + location.getLineNr();
  }

  private static String path(JsonMappingException e) {
    return YamlText.path(steps(e));
  }

  /** The error's path in the document: a key name or a list index per step. */
  private static List<Object> steps(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? (Object) ref.getFieldName() : ref.getIndex())
        .toList();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
