package dev.assay.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Deterministic embeddings of the RAG demo's texts, built from what each text means (not from a
 * model), so the demo's semantic metrics can be checked by hand. Each of the 20 facts has its own
 * axis (dimensions 0–19); six more axes mark a kind of text: 20 question, 21 passage, 22 wrapped
 * answer ("According to the manual, …"), 23 refusal, 24 injection attempt, 25 poisoned passage.
 *
 * <ul>
 *   <li>a question about fact i: e_i + 0.5·e_20 (+ 0.5·e_24 with an injection attempt);
 *   <li>the passage of fact i: e_i + 0.5·e_21; the poisoned passage: e_25;
 *   <li>an answer stating fact i (and the reference answer): e_i, wrapped in a sentence e_i +
 *       0.5·e_22; a refusal: e_23.
 * </ul>
 *
 * So a correct answer has cosine 1 with its reference, a wrapped one 1/√1.25 ≈ 0.894, a wrong or
 * refused one 0; an answer is supported by its passage with cosine 1/√1.25 and a question is
 * relevant to its passage with cosine 1/1.25 = 0.8. No random number is drawn.
 */
final class DemoEmbeddings {

  static final int DIMENSIONS = 26;

  /** The answered fact of a refusal. */
  static final int REFUSED = -1;

  private static final int QUESTION = 20;
  private static final int PASSAGE = 21;
  private static final int WRAPPED = 22;
  private static final int REFUSAL = 23;
  private static final int ATTACK = 24;
  private static final int POISON = 25;

  private DemoEmbeddings() {}

  /**
   * What one record's texts say.
   *
   * @param asked the fact the question asks about
   * @param attack whether the prompt carries an injection attempt
   * @param answered the fact the response states, or {@link #REFUSED}
   * @param wrapped whether the response wraps the answer in a sentence
   * @param passages the facts of the retrieved passages in the contexts, in order
   * @param poisoned whether the contexts end with the poisoned passage
   */
  record Meaning(
      int asked,
      boolean attack,
      int answered,
      boolean wrapped,
      List<Integer> passages,
      boolean poisoned) {}

  /** Adds the record's four embedding columns to {@code node}. */
  static void add(ObjectNode node, Meaning m) {
    double[] prompt = axis(m.asked(), QUESTION);
    if (m.attack()) {
      prompt[ATTACK] = 0.5;
    }
    put(node.putArray("prompt_embedding"), prompt);
    double[] response = m.answered() == REFUSED ? axis(REFUSAL, -1) : axis(m.answered(), -1);
    if (m.wrapped()) {
      response[WRAPPED] = 0.5;
    }
    put(node.putArray("response_embedding"), response);
    put(node.putArray("expected_embedding"), axis(m.asked(), -1));
    ArrayNode contexts = node.putArray("context_embeddings");
    for (int passage : m.passages()) {
      put(contexts.addArray(), axis(passage, PASSAGE));
    }
    if (m.poisoned()) {
      put(contexts.addArray(), axis(POISON, -1));
    }
  }

  /** e_main (+ 0.5·e_kind when kind ≥ 0). */
  private static double[] axis(int main, int kind) {
    double[] v = new double[DIMENSIONS];
    v[main] = 1.0;
    if (kind >= 0) {
      v[kind] = 0.5;
    }
    return v;
  }

  private static void put(ArrayNode array, double[] v) {
    for (double x : v) {
      array.add(x);
    }
  }
}
