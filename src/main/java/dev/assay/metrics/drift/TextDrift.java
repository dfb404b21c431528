package dev.assay.metrics.drift;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spec.DriftOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code text_classifier_auc}: the text domain classifier of a free-text column (Evidently's {@code
 * text_content_drift}): a bag of words telling current rows from reference rows on the family's
 * bounded sample. Words are lower-cased runs of letters and digits; the features are the counts of
 * the {@value #VOCABULARY} words in most sampled rows (ties by the word), standardised by the
 * {@link DomainClassifier} (which makes an IDF weighting, a constant factor per word, change
 * nothing), and the value is its 5-fold cross-validated ROC AUC; the note names the words whose
 * weights separate the two sides most. Drift (the text column's default test) when the AUC ≥ 0.55,
 * Evidently's threshold.
 */
final class TextDrift {

  /** The most words the classifier sees. */
  static final int VOCABULARY = 300;

  private TextDrift() {}

  static List<MetricResult> metrics(
      DriftColumn column, int i, List<Row> sample, DriftOptions options) {
    MetricKey key = new MetricKey(DriftMetrics.TEXT_CLASSIFIER_AUC, Scope.column(column.name()));
    if (sample == null) {
      return List.of(
          new MetricResult.Undefined(
              key,
              null,
              "text_classifier_auc is undefined: drift.classifier_sample is 0, so there is no"
                  + " sample"));
    }
    List<Row> texts = new ArrayList<>();
    for (Row r : sample) {
      if (!r.isNullAt(i + 1)) {
        texts.add(RowFactory.create(r.getInt(0), r.getString(i + 1)));
      }
    }
    List<String> vocabulary = vocabulary(texts);
    List<DriftColumn> features = new ArrayList<>();
    for (String w : vocabulary) {
      features.add(new DriftColumn(w, "word", DriftColumn.Kind.NUMERIC));
    }
    List<Row> rows = new ArrayList<>();
    for (Row r : texts) {
      Map<String, Integer> counts = new HashMap<>();
      words(r.getString(1)).forEach(w -> counts.merge(w, 1, Integer::sum));
      Object[] values = new Object[vocabulary.size() + 1];
      values[0] = r.getInt(0);
      for (int k = 0; k < vocabulary.size(); k++) {
        values[k + 1] = (double) counts.getOrDefault(vocabulary.get(k), 0);
      }
      rows.add(RowFactory.create(values));
    }
    return List.of(DomainClassifier.fit(features, rows, options.classifierSample(), key));
  }

  /** The {@value #VOCABULARY} words in most texts, ties by the word. */
  static List<String> vocabulary(List<Row> texts) {
    Map<String, Integer> documents = new LinkedHashMap<>();
    for (Row r : texts) {
      Set<String> seen = new HashSet<>(words(r.getString(1)));
      seen.forEach(w -> documents.merge(w, 1, Integer::sum));
    }
    return documents.keySet().stream()
        .sorted(
            Comparator.comparingInt((String w) -> -documents.get(w))
                .thenComparing(Comparator.naturalOrder()))
        .limit(VOCABULARY)
        .toList();
  }

  /** Lower-cased runs of letters and digits. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
