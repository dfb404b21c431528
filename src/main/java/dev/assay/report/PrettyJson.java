package dev.assay.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes the JSON outputs (results.json, manifest.json) the same way on every platform: UTF-8,
 * two-space indent, {@code \n} line ends whatever the OS, {@code "key": value}, and a trailing
 * newline. Keys come out in the order the writer emits them, so the files are byte-stable.
 */
final class PrettyJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  /** The body of a JSON document, written through a streaming generator. */
  @FunctionalInterface
  interface Body {
    void writeTo(JsonGenerator json) throws IOException;
  }

  private PrettyJson() {}

  static byte[] write(Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(bytes, body);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Streams the document to {@code out} (flushed, not closed), so a large file never has to fit in
   * memory; the bytes are the same as {@link #write(Body)}'s.
   */
  static void write(OutputStream out, Body body) throws IOException {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      json.setPrettyPrinter(printer);
      body.writeTo(json);
      json.flush();
      out.write('\n');
    }
    out.flush();
  }

  /** Writes {@code name: value} unless the value is null. */
  static void optional(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }

  /** Writes {@code name: value} unless the value is null or not finite (JSON has no NaN). */
  static void optional(JsonGenerator json, String name, Double value) throws IOException {
    if (value != null && Double.isFinite(value)) {
      json.writeNumberField(name, value);
    }
  }

  /** Writes {@code name: value} unless the value is null. */
  static void optional(JsonGenerator json, String name, Long value) throws IOException {
    if (value != null) {
      json.writeNumberField(name, value);
    }
  }
}
