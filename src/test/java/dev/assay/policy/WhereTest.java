package dev.assay.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.Scope;
import org.junit.jupiter.api.Test;

class WhereTest {

  @Test
  void starMatchesAnyRunAndQuestionMarkOneCharacter() {
    assertTrue(new Glob("*").matches(""));
    assertTrue(new Glob("race*").matches("race & sex"));
    assertFalse(new Glob("race*").matches("sex & race"));
    assertTrue(new Glob("ag?").matches("age"));
    assertFalse(new Glob("ag?").matches("ages"));
    assertFalse(new Glob("Race").matches("race"));
  }

  @Test
  void regexCharactersInPatternsAreLiteral() {
    assertTrue(new Glob("a.b (x)+").matches("a.b (x)+"));
    assertFalse(new Glob("a.b").matches("axb"));
    assertTrue(new Glob("*[1]").matches("col[1]"));
  }

  @Test
  void aGlobDoesNotMatchAnAbsentScopeKey() {
    Where where = new Where(new Glob("*"), null, null);
    assertTrue(where.matches(Scope.attribute("race")));
    assertTrue(where.matches(Scope.group("race", "Other")));
    assertFalse(where.matches(Scope.column("age")));
    assertFalse(where.matches(Scope.DATASET));
  }

  @Test
  void anyMatchesEveryScope() {
    assertTrue(Where.ANY.matches(Scope.DATASET));
    assertTrue(Where.ANY.matches(Scope.column("age")));
  }

  @Test
  void literalScopeKeepsOnlyWildcardFreeValues() {
    assertEquals(
        Scope.attribute("race"), new Where(new Glob("race"), new Glob("A*"), null).literalScope());
    assertEquals(Scope.DATASET, new Where(new Glob("*"), null, null).literalScope());
    assertEquals(
        "{attribute: \"race\", column: \"a?\"}",
        new Where(new Glob("race"), null, new Glob("a?")).toString());
  }
}
