package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberTextTest {

  @Test
  void roundsHalfUpToFourDecimalsAndShowsWholeNumbersPlainly() {
    assertEquals("0.5767", NumberText.of(0.5767316017316018));
    assertEquals("0.1235", NumberText.of(0.12345));
    assertEquals("0.4000", NumberText.of(0.4));
    assertEquals("3696", NumberText.of(3696.0));
    assertEquals("0", NumberText.of(-0.0));
    assertEquals("-0.2500", NumberText.of(-0.25));
  }

  @Test
  void tinyAndMissingValuesAreNotShownAsAMisleadingZero() {
    assertEquals("< 0.0001", NumberText.of(1.2e-9));
    assertEquals("> -0.0001", NumberText.of(-1.2e-9));
    assertEquals("—", NumberText.of((Double) null));
    assertEquals("—", NumberText.of(Double.NaN));
  }
}
