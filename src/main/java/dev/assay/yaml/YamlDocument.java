package dev.assay.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.assay.core.BadInputException;
import java.io.StringReader;
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
 * A YAML (or JSON) file bound to records, that still knows where each key stands. Binding rejects
 * unknown keys (so a typo such as {@code colums:} is named with its line); {@link #line} finds the
 * line of any key path so that later checks (a column missing from the data, a bad comparator) can
 * point at the line to fix.
 */
public final class YamlDocument {

  private static final ObjectMapper MAPPER = YAMLMapper.builder(new YAMLFactory())
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .build();

  private final String source;
  private final String text;
  private final Node root;

  private YamlDocument(String source, String text, Node root) {
    this.source = source;
    this.text = text;
    this.root = root;
  }

  /**
   * Parses {@code text}; {@code source} names the file in error messages.
   *
   * @throws BadInputException when the text is not well-formed YAML, or is empty
   */
  public static YamlDocument parse(String source, String text) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(options).compose(new StringReader(text));
    } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new BadInputException(source + (line > 0 ? ":" + line : "") + ": malformed YAML: "
          + firstLine(e.getProblem()) + ". Fix the syntax (indentation, quotes, colons) and retry.");
    } catch (RuntimeException e) {
      throw new BadInputException(source + ": malformed YAML: " + firstLine(e.getMessage()));
    }
    if (!(root instanceof MappingNode)) {
      throw new BadInputException(source + ": expected a YAML mapping (key: value lines) at the top, "
          + (root == null ? "found an empty file" : "found " + root.getNodeId()));
    }
    return new YamlDocument(source, text, root);
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
      List<String> known = e.getKnownPropertyIds() == null ? List.of()
          : e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
      throw new BadInputException(where(e) + ": unknown key '" + path(e) + "'"
          + (known.isEmpty() ? "" : "; the keys allowed here are: " + String.join(", ", known))
          + ". Fix the spelling or remove the key.");
    } catch (JsonMappingException e) {
      throw new BadInputException(where(e) + ": wrong value for '" + path(e) + "': "
          + firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new BadInputException(where(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()));
    }
  }

  /**
   * The 1-based line of the value at a key path such as {@code ("columns", "label")} or
   * {@code ("rules", 2, "must")}; the nearest enclosing line when the path does not exist, 0 when
   * nothing matches.
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
      } else if (node instanceof SequenceNode seq && step instanceof Integer index
          && index >= 0 && index < seq.getValue().size()) {
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
      Object[] steps = e.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? (Object) ref.getFieldName() : (Object) ref.getIndex())
          .toArray();
      return at(steps);
    }
    return where(e.getLocation());
  }

  private String where(JsonLocation location) {
    return location == null || location.getLineNr() <= 0 ? source : source + ":" + location.getLineNr();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
