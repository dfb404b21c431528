package dev.assay.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The one way to turn a column name from the user's data (or any computed name) into a Spark {@link
 * Column}: the name is quoted with backticks, inner backticks doubled. Spark otherwise parses
 * {@code functions.col(name)}: a dot means a struct field ({@code ra.ce} is field {@code ce} of
 * column {@code ra}) and a backtick starts a quoted part, so a legal column such as {@code ra.ce}
 * failed with UNRESOLVED_COLUMN after the schema check had passed.
 *
 * <p>Only string literals written in the code (such as {@code "p.c"}, a struct field on purpose)
 * may go to {@code functions.col} directly; ColumnsUsageTest enforces that over src/main.
 */
public final class Columns {

  private Columns() {}

  /** The column literally named {@code name} (dots and backticks are part of the name). */
  public static Column named(String name) {
    return functions.col(quoted(name));
  }

  /** {@code name} as a quoted SQL identifier: {@code `ra.ce`}, {@code `a``b`} for a`b. */
  public static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
