package dev.assay.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConditionTest {

  @Test
  void atLeastHoldsOnItsBoundaryAndFailsJustBelow() {
    Condition c = Condition.parse(">= 0.8");
    assertTrue(c.holds(0.8));
    assertTrue(c.holds(1.0));
    assertFalse(c.holds(0.7999));
  }

  @Test
  void strictComparatorsExcludeTheBoundary() {
    assertFalse(Condition.parse("> 0.8").holds(0.8));
    assertTrue(Condition.parse("> 0.8").holds(0.8001));
    assertFalse(Condition.parse("< 0.1").holds(0.1));
    assertTrue(Condition.parse("< 0.1").holds(0.0999));
    assertTrue(Condition.parse("<= 0.1").holds(0.1));
    assertFalse(Condition.parse("<= 0.1").holds(0.1001));
    assertTrue(Condition.parse("== 1").holds(1.0));
    assertFalse(Condition.parse("==1").holds(0.0));
  }

  @Test
  void betweenIsInclusiveAtBothEnds() {
    Condition c = Condition.parse("between 0.8 and 1.25");
    assertEquals(new Condition.Between(0.8, 1.25), c);
    assertTrue(c.holds(0.8));
    assertTrue(c.holds(1.25));
    assertFalse(c.holds(0.7999));
    assertFalse(c.holds(1.2501));
  }

  @Test
  void parsesSignsExponentsAndSpacing() {
    assertEquals(
        new Condition.Comparison(Condition.Operator.GREATER_OR_EQUAL, -0.5),
        Condition.parse("  >=-0.5 "));
    assertEquals(
        new Condition.Comparison(Condition.Operator.LESS, 0.05), Condition.parse("< 5e-2"));
  }

  @Test
  void thresholdThatIsNotANumberIsRejectedWithTheText() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Condition.parse(">= abc"));
    assertEquals(
        "'>= abc': threshold 'abc' is not a number; write a decimal number such as 0.8",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Condition.parse(">= NaN"));
    assertThrows(IllegalArgumentException.class, () -> Condition.parse(">= 0.8 or so"));
  }

  @Test
  void missingComparatorAndReversedRangeAreRejected() {
    assertEquals(
        "'0.8' is not a condition; write a comparator (<, <=, >, >=, ==) followed by a "
            + "number, such as '>= 0.8', or 'between A and B'",
        assertThrows(IllegalArgumentException.class, () -> Condition.parse("0.8")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Condition.parse("=> 0.8"));
    assertEquals(
        "'between 2 and 1' has its bounds reversed; write 'between 1 and 2'",
        assertThrows(IllegalArgumentException.class, () -> Condition.parse("between 2 and 1"))
            .getMessage());
  }
}
