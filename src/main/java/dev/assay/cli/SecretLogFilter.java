package dev.assay.cli;

import dev.assay.core.Secrets;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.core.filter.AbstractFilterable;

/**
 * Drops a log event whose message or exception chain holds a secret ({@link Secrets#holdsSecret}: a
 * signed URL, an account key hadoop-azure echoes in an exception, ...), on every appender of the
 * current log4j configuration. A filter cannot rewrite a line, so the line goes; Assay reports the
 * failure itself, scrubbed, in its one message. In embedded mode the console lines are also
 * scrubbed by {@link ScrubbedConsole}; this filter covers configurations that write elsewhere
 * (spark-submit's log4j2.properties, files).
 */
final class SecretLogFilter extends AbstractFilter {

  private SecretLogFilter() {
    super(Result.DENY, Result.NEUTRAL);
  }

  /**
   * Adds the filter to each appender that does not have it yet; call after Spark set up logging.
   */
  static void install() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    for (Appender appender : context.getConfiguration().getAppenders().values()) {
      if (appender instanceof AbstractFilterable filterable && !(has(filterable))) {
        filterable.addFilter(new SecretLogFilter());
      }
    }
  }

  private static boolean has(AbstractFilterable filterable) {
    return filterable.getFilter() instanceof SecretLogFilter
        || (filterable.getFilter() instanceof org.apache.logging.log4j.core.filter.CompositeFilter c
            && c.getFiltersArray() != null
            && java.util.Arrays.stream(c.getFiltersArray())
                .anyMatch(f -> f instanceof SecretLogFilter));
  }

  @Override
  public Result filter(LogEvent event) {
    if (event.getMessage() != null
        && Secrets.holdsSecret(event.getMessage().getFormattedMessage())) {
      return onMatch;
    }
    for (Throwable t = event.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (Secrets.holdsSecret(t.getMessage())) {
        return onMatch;
      }
    }
    return onMismatch;
  }
}
