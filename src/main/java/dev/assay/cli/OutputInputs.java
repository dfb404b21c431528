package dev.assay.cli;

import dev.assay.publish.OutputFolder;
import dev.assay.spec.ResolvedSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The paths an audit's report folder must stay apart from: every data set the spec reads ({@code
 * data.current}, {@code data.reference}, {@code privacy.training_text}) and the {@code --records}
 * folder, which Spark writes with overwrite (the report would be wiped) and which holds the raw
 * responses (they must not travel with the report as a CI artifact).
 */
final class OutputInputs {

  private OutputInputs() {}

  static List<OutputFolder.Input> of(ResolvedSpec spec, Path records) {
    List<OutputFolder.Input> inputs = new ArrayList<>();
    spec.dataInputs()
        .forEach((key, source) -> inputs.add(new OutputFolder.Input(key, source.uri())));
    if (records != null) {
      inputs.add(
          new OutputFolder.Input("--records", records.toAbsolutePath().normalize().toString()));
    }
    return inputs;
  }
}
