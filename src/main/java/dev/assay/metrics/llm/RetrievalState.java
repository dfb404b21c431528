package dev.assay.metrics.llm;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The retrieval statistics of a set of records ({@link Retrieval}): records with relevant ids
 * (judged) and without (unjudged), records whose grades are invalid, and per metric of {@link
 * Retrieval#NAMES} the sum of the judged records' scores.
 */
record RetrievalState(long judged, long unjudged, long badGrades, double[] sums)
    implements Serializable {

  static final RetrievalState EMPTY =
      new RetrievalState(0, 0, 0, new double[Retrieval.NAMES.size()]);

  /** One record with a relevant entry whose grade is not valid (the audit stops on it). */
  private static final RetrievalState BAD_GRADE = new RetrievalState(0, 0, 1, EMPTY.sums);

  /**
   * One record with graded relevance: ranked retrieved ids against relevant entries {@code
   * id:grade} (either may be null), cut-off k.
   */
  static RetrievalState graded(List<String> retrieved, List<String> relevant, int k) {
    Map<String, Double> grades = Retrieval.grades(relevant);
    if (grades == null) {
      return BAD_GRADE;
    }
    return of(Retrieval.gradedScores(retrieved, grades, k));
  }

  /**
   * One record from the SQL form's retrieval column ({@link RetrievalColumns#scores}, {@link
   * RetrievalColumns#gradedScores}): null when it has no relevant id, an empty array when an entry
   * has no valid grade, else the six scores.
   */
  static RetrievalState ofColumn(double[] scores) {
    return scores != null && scores.length == 0 ? BAD_GRADE : of(scores);
  }

  /**
   * One record from its six scores ({@link Retrieval#NAMES}; binary relevance: {@link
   * RetrievalColumns}), null when it has no relevant id.
   */
  static RetrievalState of(double[] scores) {
    return scores == null
        ? new RetrievalState(0, 1, 0, EMPTY.sums)
        : new RetrievalState(1, 0, 0, scores);
  }

  RetrievalState merge(RetrievalState o) {
    double[] total = sums.clone();
    for (int i = 0; i < total.length; i++) {
      total[i] += o.sums[i];
    }
    return new RetrievalState(
        judged + o.judged, unjudged + o.unjudged, badGrades + o.badGrades, total);
  }

  /** Fails when a record had a relevant entry without a valid grade. */
  void requireGrades(String relevantColumn) {
    if (badGrades > 0) {
      throw new BadInputException(
          "columns.relevant_ids: "
              + badGrades
              + " records of column '"
              + relevantColumn
              + "' have a relevant entry without a grade, but llm.relevance_grades is"
              + " true: write each as id:grade with a number of at least 0 after the last colon (e.g."
              + " \"kb-11:2\"), or remove llm.relevance_grades for binary relevance.");
    }
  }

  /** The six retrieval metrics: means over the judged records, undefined without one. */
  List<MetricResult> metrics(int k, boolean graded) {
    List<MetricResult> out = new ArrayList<>();
    for (int i = 0; i < Retrieval.NAMES.size(); i++) {
      String name = Retrieval.NAMES.get(i);
      String note =
          (name.equals(LlmMetrics.NDCG_AT_K.id()) && graded
                  ? "graded relevance (gain = grade); "
                  : "")
              + (name.endsWith("_at_k")
                  ? "k = " + k + "; mean over " + judged + " records with relevant ids"
                  : "mean over " + judged + " records with relevant ids (whole ranked list)");
      out.add(LlmResults.mean(name, sums[i], judged, note, "no record has a relevant id"));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetrievalState s
        && judged == s.judged
        && unjudged == s.unjudged
        && badGrades == s.badGrades
        && Arrays.equals(sums, s.sums);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(judged) * 31 + Arrays.hashCode(sums);
  }
}
