package dev.assay.cli;

import dev.assay.policy.PolicyValidator;
import dev.assay.policy.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code assay rules validate PATH...}: checks rule packs and waivers; exit 2 on any problem. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Work with rule packs.",
    subcommands = {RulesCommand.Validate.class})
final class RulesCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Reports every problem with file, line and rule id. */
  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description =
          "Parse and check rule packs and waivers (files or folders); list every problem"
              + " with file, line and rule id. Exit 0 when all are valid, 2 otherwise.")
  static final class Validate implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "rule pack files or folders")
    List<Path> paths;

    @Override
    public Integer call() {
      List<Problem> problems = PolicyValidator.validate(paths);
      if (problems.isEmpty()) {
        Console.out("assay: rules valid: " + paths);
        return 0;
      }
      problems.forEach(p -> Console.err(p.toString()));
      Console.err("assay: " + problems.size() + " problem(s) found.");
      return 2;
    }
  }
}
