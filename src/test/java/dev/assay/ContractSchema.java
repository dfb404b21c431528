package dev.assay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contract's JSON Schema for results.json ({@code ../shared/docs/results.schema.json}),
 * loaded by its file URI (its relative {@code $id} then resolves), for tests that produce a
 * results.json to validate it.
 */
public final class ContractSchema {

  private static final Path FILE = Path.of("../shared/docs/results.schema.json");
  private static JsonSchema schema;

  private ContractSchema() {
  }

  /** The validation errors of a results.json file, as text; empty when it conforms. */
  public static synchronized Set<String> errors(Path resultsJson) {
    if (schema == null) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(FILE.toAbsolutePath().toUri());
    }
    try {
      Set<String> out = new TreeSet<>();
      for (ValidationMessage m : schema.validate(new ObjectMapper().readTree(resultsJson.toFile()))) {
        out.add(m.getMessage());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
