package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.SafeText;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Writes report.html, the page an auditor reads: one self-contained, printable HTML file (inline
 * CSS and SVG, no script, nothing fetched from the network) with the verdict in plain words, the
 * rule checks, each family's metrics, the run notes, a methodology appendix and the evidence.
 * Freemarker's HTML output format escapes every value taken from the data, so a group or column
 * name can never inject markup; control characters (NUL, ESC, C1) and bidi overrides from the data
 * are shown as visible escapes ({@link SafeText}), so no value can reorder what the reader sees.
 */
public final class HtmlReport {

  /** The file's name in a report bundle. */
  public static final String FILE_NAME = "report.html";

  static final String TEMPLATE = "report.ftlh";

  private final Configuration freemarker;

  /** The evidence appendix's signature line, or null to leave it out. */
  private final String signature;

  /** A report whose evidence appendix has no signature line. */
  public HtmlReport() {
    this(null);
  }

  /**
   * A report whose evidence appendix shows {@code signature}: how manifest.json is signed ({@code
   * audit --sign}) or that it is not.
   */
  public HtmlReport(String signature) {
    this.signature = signature;
    Configuration config = new Configuration(Configuration.VERSION_2_3_34);
    config.setClassForTemplateLoading(HtmlReport.class, "/dev/assay/report");
    config.setOutputFormat(HTMLOutputFormat.INSTANCE);
    config.setDefaultEncoding("UTF-8");
    config.setOutputEncoding("UTF-8");
    config.setLocale(Locale.ROOT);
    config.setTimeZone(TimeZone.getTimeZone("UTC"));
    config.setNumberFormat("computer");
    config.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
    config.setAPIBuiltinEnabled(false);
    config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    this.freemarker = config;
  }

  /** Renders the run as UTF-8 HTML. */
  public byte[] render(AuditRun run) {
    StringWriter out = new StringWriter();
    try {
      Template template = freemarker.getTemplate(TEMPLATE);
      Map<String, Object> model = new java.util.HashMap<>();
      AuditRun whole = run.withoutChunks();
      model.put("page", HtmlPage.of(whole, signature));
      model.put("piiExamples", run.exhibits().piiExamples());
      model.put("scorecard", Scorecard.of(whole));
      model.put("llmCharts", LlmCharts.of(whole));
      model.put("trends", TrendChart.of(run));
      model.put("chunkCharts", ChunkCharts.of(run));
      SafetySection safety = SafetySection.of(whole);
      if (safety != null) {
        model.put("safety", safety);
      }
      template.process(model, out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the report template " + TEMPLATE, e);
    } catch (TemplateException e) {
      throw new IllegalStateException(
          "the report template " + TEMPLATE + " failed: " + e.getMessage(), e);
    }
    // the templates hold no control or bidi character: any in the page came from the data
    return SafeText.keepingLineBreaks(out.toString()).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes {@link #render}'s bytes to {@code target} (flushed, not closed). The page is escaped as
   * a whole, so it is built in memory; its size does not grow with the metric rows the way
   * results.json does (86,582 groups gave a 0.95 MB page, docs/hardening-groups.md).
   */
  public void writeTo(AuditRun run, java.io.OutputStream target) throws IOException {
    target.write(render(run));
    target.flush();
  }
}
