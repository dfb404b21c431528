package dev.assay.yaml;

import dev.assay.core.BadInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The rules every Assay document obeys beyond YAML's own, checked on the composed node tree before
 * anything is bound: each key at most once per mapping (YAML parsers silently keep the last, so
 * {@code label: label} followed by {@code label: pred} would audit the prediction against itself),
 * keys that are single values, no anchors or aliases (the binder does not expand them, and they are
 * how "billion laughs" bombs are built), only the standard tags, and no value longer than {@link
 * #MAX_VALUE_CHARS}. The first breach is a {@link BadInputException} with the file and line (and,
 * for a duplicate, both lines).
 */
final class StrictTree {

  /** The longest single value (or key) in a document, in characters. */
  static final int MAX_VALUE_CHARS = 10_000;

  private static final Set<Tag> SCALAR_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

  private final String source;

  private StrictTree(String source) {
    this.source = source;
  }

  /** Checks the tree below {@code root}. */
  static void check(String source, Node root) {
    new StrictTree(source).walk(root, new ArrayList<>());
  }

  private void walk(Node node, List<Object> path) {
    if (node.getAnchor() != null) {
      throw fail(
          node,
          "anchors and aliases (&"
              + YamlText.shown(node.getAnchor())
              + ", *name) are not"
              + " supported"
              + at(path)
              + "; write the value out in full");
    }
    if (node instanceof ScalarNode scalar) {
      checkTag(node, path, SCALAR_TAGS.contains(node.getTag()));
      checkLength(scalar, path, "value");
    } else if (node instanceof SequenceNode sequence) {
      checkTag(node, path, node.getTag().equals(Tag.SEQ));
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        path.add(i);
        walk(items.get(i), path);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof MappingNode mapping) {
      checkTag(node, path, node.getTag().equals(Tag.MAP));
      walkMapping(mapping, path);
    }
  }

  private void walkMapping(MappingNode mapping, List<Object> path) {
    Map<String, Integer> seen = new HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode key)) {
        throw fail(
            keyNode,
            "a key"
                + at(path)
                + " is "
                + describe(keyNode)
                + "; keys must be single"
                + " names such as 'label'");
      }
      if (key.getTag().equals(Tag.MERGE)) {
        throw fail(
            key, "merge keys (<<)" + at(path) + " are not supported; write the keys out in full");
      }
      checkLength(key, path, "key");
      int line = line(key);
      Integer first = seen.putIfAbsent(key.getValue(), line);
      path.add(key.getValue());
      if (first != null) {
        throw fail(
            key,
            "duplicate key '"
                + YamlText.path(path)
                + "' (also at line "
                + first
                + "); a key may appear only once in a mapping, so remove one of them");
      }
      walk(key, path);
      walk(tuple.getValueNode(), path);
      path.remove(path.size() - 1);
    }
  }

  private void checkTag(Node node, List<Object> path, boolean allowed) {
    if (!allowed) {
      throw fail(
          node,
          "the tag "
              + YamlText.shown(node.getTag().getValue().replace(Tag.PREFIX, "!!"))
              + at(path)
              + " is not"
              + " supported; remove it and write a plain value");
    }
  }

  private void checkLength(ScalarNode scalar, List<Object> path, String what) {
    int length = scalar.getValue().length();
    if (length > MAX_VALUE_CHARS) {
      throw fail(
          scalar,
          "a "
              + what
              + at(path)
              + " is "
              + length
              + " characters long, more than"
              + " the limit of "
              + MAX_VALUE_CHARS
              + " for any single value");
    }
  }

  private static String at(List<Object> path) {
    return path.isEmpty() ? "" : " under '" + YamlText.path(path) + "'";
  }

  private static String describe(Node node) {
    return node instanceof SequenceNode
        ? "a list"
        : node instanceof MappingNode ? "a mapping" : "a value";
  }

  private BadInputException fail(Node node, String message) {
    return new BadInputException(source + ":" + line(node) + ": " + message + ".");
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }
}
