package dev.assay.yaml;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * Finds the line of a problem that SnakeYAML's composer reports without one (too deep a nesting,
 * too many aliases), by walking the parse events, which build nothing. Only called once a document
 * has already been rejected.
 */
final class EventScan {

  private EventScan() {}

  /**
   * The 1-based line of the first collection nested deeper than {@code max}; 0 if none is found.
   */
  static int firstTooDeep(String text, int max) {
    int depth = 0;
    try {
      for (Event event : events(text)) {
        if (event instanceof CollectionStartEvent && ++depth > max) {
          return line(event);
        }
        if (event instanceof CollectionEndEvent) {
          depth--;
        }
      }
    } catch (RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** The 1-based line of the first anchor or alias; 0 if none is found. */
  static int firstAnchorOrAlias(String text) {
    try {
      for (Event event : events(text)) {
        if (event instanceof AliasEvent
            || (event instanceof NodeEvent node && node.getAnchor() != null)) {
          return line(event);
        }
      }
    } catch (RuntimeException e) {
      return 0;
    }
    return 0;
  }

  private static Iterable<Event> events(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) InputFile.MAX_DOCUMENT_BYTES + 1);
    return new Yaml(options).parse(new StringReader(text));
  }

  private static int line(Event event) {
    return event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
  }
}
