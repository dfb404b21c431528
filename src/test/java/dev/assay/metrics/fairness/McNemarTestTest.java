package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * McNemar's test against hand-worked tables and against scipy (the values of
 * src/test/resources/oracles/mcnemar_scipy.out, made by mcnemar_scipy.py beside it).
 */
class McNemarTestTest {

  @Test
  void exactTestOfAHandWorkedTable() {
    // b = 1, c = 9: P(X <= 1), X ~ Bin(10, 1/2) = (1 + 10) / 1024; two-sided 22 / 1024.
    assertEquals(22.0 / 1024, McNemarTest.pValue(1, 9), 1e-15);
    assertEquals(22.0 / 1024, McNemarTest.pValue(9, 1), 1e-15, "symmetric");
    // b = 3, c = 5: P(X <= 3), X ~ Bin(8, 1/2) = (1 + 8 + 28 + 56) / 256 = 93 / 256; doubled.
    assertEquals(186.0 / 256, McNemarTest.pValue(3, 5), 1e-15);
    assertEquals(1.0, McNemarTest.pValue(0, 0), "no discordant rows: equal proportions");
    assertEquals(1.0, McNemarTest.pValue(4, 4), "capped at 1");
  }

  @Test
  void chiSquareTestOfAHandWorkedTable() {
    // b = 10, c = 30: (|10 - 30| - 1)^2 / 40 = 361 / 40 = 9.025 on 1 df; P(chi2_1 > 9.025) is
    // P(|Z| > 3.00416...) = 0.0026631...
    double statistic = 361.0 / 40;
    double p = McNemarTest.pValue(10, 30);
    assertEquals(0.0026631, p, 5e-8);
    assertEquals(org.apache.commons.math3.special.Erf.erfc(Math.sqrt(statistic / 2)), p, 1e-15);
    assertEquals(
        "McNemar's chi-square test with continuity correction", McNemarTest.method(10, 30));
    assertEquals("McNemar's exact binomial test", McNemarTest.method(10, 14));
  }

  @Test
  void matchesScipy() throws Exception {
    List<String> lines =
        Files.readAllLines(Path.of("src/test/resources/oracles/mcnemar_scipy.out"));
    assertEquals(9, lines.size());
    for (String line : lines) {
      String[] f = line.split(" ");
      long b = Long.parseLong(f[0]);
      long c = Long.parseLong(f[1]);
      double expected = Double.parseDouble(f[3]);
      assertEquals(f[2].equals("exact"), b + c < McNemarTest.EXACT_BELOW, line);
      assertEquals(expected, McNemarTest.pValue(b, c), Math.max(1e-15, expected * 1e-9), line);
    }
  }
}
