package dev.assay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.assay.report.ResultsSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON Schema of results.json as the jar ships it ({@link ResultsSchema#RESOURCE}, built from
 * docs/results.schema.json), loaded from the class path by its location (its relative {@code $id}
 * then resolves), for tests that produce a results.json to validate it.
 */
public final class ContractSchema {

  private static JsonSchema schema;

  private ContractSchema() {}

  /** The schema, loaded once. */
  public static synchronized JsonSchema schema() {
    if (schema == null) {
      schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(SchemaLocation.of("classpath:" + ResultsSchema.RESOURCE));
    }
    return schema;
  }

  /** The validation errors of a results.json document, as text; empty when it conforms. */
  public static Set<String> errors(JsonNode resultsJson) {
    Set<String> out = new TreeSet<>();
    for (ValidationMessage m : schema().validate(resultsJson)) {
      out.add(m.getMessage());
    }
    return out;
  }

  /** The validation errors of a results.json file, as text; empty when it conforms. */
  public static Set<String> errors(Path resultsJson) {
    try {
      return errors(new ObjectMapper().readTree(resultsJson.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
