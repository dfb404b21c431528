package dev.assay.history;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.exceptions.ConcurrentAppendException;
import io.delta.exceptions.MetadataChangedException;
import io.delta.exceptions.ProtocolChangedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ConcurrentModificationException;
import org.junit.jupiter.api.Test;

/**
 * Which failures of a Delta append {@link DeltaHistory#append} retries. Two runs creating the
 * history table at once race for its first commit; Delta reports the loser with one of its
 * concurrent-modification exceptions ({@code ProtocolChangedException} or {@code
 * MetadataChangedException} for the creation, {@code ConcurrentAppendException} for appends that
 * read what another wrote), often wrapped by Spark. Every other failure is not retried.
 */
class DeltaConflictTest {

  @Test
  void deltasConcurrentModificationsAreRetriedEvenWhenWrapped() {
    assertTrue(DeltaHistory.isConcurrentModification(new ProtocolChangedException("v0 taken")));
    assertTrue(DeltaHistory.isConcurrentModification(new MetadataChangedException("v0 taken")));
    assertTrue(
        DeltaHistory.isConcurrentModification(
            new RuntimeException("job aborted", new ConcurrentAppendException("files added"))));
  }

  @Test
  void otherFailuresAreNot() {
    assertFalse(DeltaHistory.isConcurrentModification(new IllegalStateException("disk full")));
    assertFalse(
        DeltaHistory.isConcurrentModification(new ConcurrentModificationException("a list")));
    assertFalse(
        DeltaHistory.isConcurrentModification(
            new UncheckedIOException(new IOException("permission denied"))));
  }
}
