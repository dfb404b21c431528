package dev.assay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.assay.core.BadInputException;
import dev.assay.spark.Progress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Families run at once but hand their results over in submission order, and a failure is the one a
 * serial run would have met first. No Spark: the works are plain functions.
 */
class ConcurrentFamiliesTest {

  @Test
  void resultsArriveInSubmissionOrderEvenWhenTheLaterFamilyEndsFirst() {
    CountDownLatch secondDone = new CountDownLatch(1);
    FamilyResults found = new FamilyResults();
    try (ConcurrentFamilies families = new ConcurrentFamilies(Progress.silent(), 2)) {
      families.submit(
          p -> {
            await(secondDone); // the first family ends only after the second
            return f -> f.notes.add("first");
          });
      families.submit(
          p -> {
            secondDone.countDown();
            return f -> f.notes.add("second");
          });
      families.addTo(found);
    }
    assertEquals(List.of("first", "second"), found.notes);
  }

  @Test
  void theFirstFailureInSubmissionOrderIsRethrownAndNothingIsAdded() {
    FamilyResults found = new FamilyResults();
    try (ConcurrentFamilies families = new ConcurrentFamilies(Progress.silent(), 3)) {
      families.submit(p -> f -> f.notes.add("fine"));
      families.submit(
          p -> {
            throw new BadInputException("second family: bad column");
          });
      families.submit(
          p -> {
            throw new IllegalStateException("third family");
          });
      BadInputException e = assertThrows(BadInputException.class, () -> families.addTo(found));
      assertEquals("second family: bad column", e.getMessage());
    }
    assertEquals(List.of(), found.notes);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
