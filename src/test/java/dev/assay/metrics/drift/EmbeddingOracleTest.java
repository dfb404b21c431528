package dev.assay.metrics.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The embedding methods against independent values (numpy, scipy and scikit-learn, computed once by
 * src/test/resources/drift/embedding_oracle.py) and against the MMD formula, and the permutation
 * p-value's behaviour with and without a shift. Plain Java, no Spark.
 */
class EmbeddingOracleTest {

  static JsonNode oracle() throws Exception {
    try (InputStream in =
        EmbeddingOracleTest.class.getResourceAsStream("/drift/embedding_oracle.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  static double[][] matrix(JsonNode rows) {
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      out[i] = new double[rows.get(i).size()];
      for (int k = 0; k < out[i].length; k++) {
        out[i][k] = rows.get(i).get(k).asDouble();
      }
    }
    return out;
  }

  @Test
  void mmdAndMeanDistancesMatchNumpyScipyAndScikitLearn() throws Exception {
    JsonNode o = oracle();
    double[][] x = matrix(o.get("reference"));
    double[][] y = matrix(o.get("current"));
    Mmd mmd = Mmd.test(x, y, 10, 1);
    assertEquals(o.get("sigma2").asDouble(), mmd.sigma2(), 1e-12);
    assertEquals(o.get("mmd2u").asDouble(), mmd.mmd2(), 1e-12);
    double[] mx = EmbeddingDrift.mean(List.of(x), null);
    double[] my = EmbeddingDrift.mean(List.of(y), null);
    assertEquals(o.get("mean_euclidean").asDouble(), EmbeddingDrift.distance(mx, my, false), 1e-12);
    assertEquals(o.get("mean_cosine").asDouble(), EmbeddingDrift.distance(mx, my, true), 1e-12);
  }

  /** Two points against one, in one dimension, by hand: MMD²_u from its definition. */
  @Test
  void mmdFollowsItsFormulaOnATinyExample() {
    double[][] x = {{0}, {1}};
    double[][] y = {{3}, {5}};
    // cross distances 3, 5, 2, 4: median 3.5, σ² = 12.25
    double s2 = 12.25;
    double kxx = Math.exp(-1 / s2);
    double kyy = Math.exp(-4 / s2);
    double kxy = Math.exp(-9 / s2) + Math.exp(-25 / s2) + Math.exp(-4 / s2) + Math.exp(-16 / s2);
    double expected = 2 * kxx / 2 + 2 * kyy / 2 - 2 * kxy / 4;
    Mmd m = Mmd.test(x, y, 0, 1);
    assertEquals(s2, m.sigma2(), 1e-15);
    assertEquals(expected, m.mmd2(), 1e-15);
    assertEquals(1.0, m.pValue(), 0); // no permutation: (1 + 0) / (1 + 0)
  }

  static double[][] gaussian(Random r, int n, int d, double shift) {
    double[][] out = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        out[i][k] = r.nextGaussian() + (k == 0 ? shift : 0);
      }
    }
    return out;
  }

  /**
   * Under no change the permutation p-value is uniform: over 40 seeds (40 × 40 vectors of 5
   * dimensions), about 2 are below 0.05 (at most 6 allowed: P(Binomial(40, 0.05) ≥ 7) ≈ 0.4 %), and
   * the mean is near ½ (standard deviation of the mean of 40 uniforms ≈ 0.046; bounds ± 0.15).
   */
  @Test
  void underNoChangeThePValueIsUniform() {
    List<Double> p = new ArrayList<>();
    for (int seed = 0; seed < 40; seed++) {
      Random r = new Random(seed);
      p.add(Mmd.test(gaussian(r, 40, 5, 0), gaussian(r, 40, 5, 0), 100, seed).pValue());
    }
    long small = p.stream().filter(v -> v < 0.05).count();
    double mean = p.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertTrue(small <= 6, "p < 0.05 in " + small + " of 40: " + p);
    assertEquals(0.5, mean, 0.15, p.toString());
  }

  @Test
  void aShiftOfOneStandardDeviationInOneDimensionIsFoundAtEverySeed() {
    for (int seed = 0; seed < 5; seed++) {
      Random r = new Random(seed);
      Mmd m = Mmd.test(gaussian(r, 60, 5, 0), gaussian(r, 60, 5, 1.0), 100, seed);
      assertTrue(m.pValue() < 0.05, "seed " + seed + ": p = " + m.pValue());
      assertTrue(m.mmd2() > 0);
    }
  }

  @Test
  void theBootstrapThresholdIsNumpysPercentileOfReferenceResamples() {
    assertEquals(2.5, EmbeddingDrift.percentile(new double[] {4, 1, 2, 3}, 0.5), 1e-15);
    assertEquals(3.85, EmbeddingDrift.percentile(new double[] {4, 1, 2, 3}, 0.95), 1e-12);
  }
}
