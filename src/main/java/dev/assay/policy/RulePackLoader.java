package dev.assay.policy;

import dev.assay.core.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads rule packs for an audit. Any problem in any of them stops the audit before Spark starts: a
 * {@link BadInputException} (exit code 2) lists every problem, one per line, with {@code file:line}
 * and rule id, the same list {@link PolicyValidator#validate} gives.
 */
public final class RulePackLoader {

  private RulePackLoader() {}

  /**
   * Loads one rule pack file.
   *
   * @throws BadInputException listing every problem in the file
   */
  public static RulePack load(Path file) {
    return loadAll(List.of(file)).get(0);
  }

  /**
   * Loads the rule packs at {@code paths} (a directory stands for every {@code *.yaml} and {@code
   * *.yml} file in it), checking that rule ids are unique across all of them.
   *
   * @throws BadInputException listing every problem in every file
   */
  public static List<RulePack> loadAll(List<Path> paths) {
    PolicyValidator.Checked checked = PolicyValidator.check(paths);
    List<Problem> problems = new ArrayList<>(checked.problems());
    for (Waivers waivers : checked.waivers()) {
      problems.add(
          new Problem(
              waivers.source(),
              0,
              null,
              "this is a waivers file, not a rule pack; " + "pass it with --waivers"));
    }
    if (!problems.isEmpty()) {
      throw failure("rule packs", problems);
    }
    return checked.packs();
  }

  /**
   * One exception listing {@code problems}, one per line, after a line saying what they are in; a
   * single problem is one line.
   */
  static BadInputException failure(String what, List<Problem> problems) {
    if (problems.size() == 1) {
      String problem = problems.get(0).toString();
      return new BadInputException(
          "invalid "
              + what
              + " (1 problem): "
              + (problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem)
              + "; fix it and check with `assay rules validate`.");
    }
    return new BadInputException(
        "invalid "
            + what
            + " ("
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "); fix them and check with "
            + "`assay rules validate`:\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
  }
}
