package dev.assay.metrics.privacy;

import dev.assay.core.Mergeable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The mergeable state of one column × {@link PiiType} of the PII scan: the records seen, those with
 * a valid match, and at most three masked examples — the smallest and largest masked match and the
 * masked match of the record whose text hashes lowest (a reproducible pick that does not favour
 * either end of the alphabet). Every part merges by a sum, a min or a max, so merging is
 * associative and commutative with {@link #EMPTY} as identity, and the state never grows with the
 * rows.
 *
 * @param records records scanned
 * @param found records whose value holds at least one valid match
 * @param least the smallest masked match, or null without a match
 * @param greatest the largest masked match, or null
 * @param sampleHash the lowest 64-bit hash of a matching record's text, or null
 * @param sample the masked match of that record, or null
 */
public record PiiFinding(
    long records, long found, String least, String greatest, Long sampleHash, String sample)
    implements Mergeable<PiiFinding> {

  /** Nothing scanned: the identity of {@link #merge}. */
  public static final PiiFinding EMPTY = new PiiFinding(0, 0, null, null, null, null);

  /** The state of the union of the records behind this and {@code o}. */
  public PiiFinding merge(PiiFinding o) {
    boolean mine =
        o.sampleHash == null
            || sampleHash != null
                && (sampleHash < o.sampleHash
                    || sampleHash.equals(o.sampleHash) && sample.compareTo(o.sample) <= 0);
    return new PiiFinding(
        records + o.records,
        found + o.found,
        pick(least, o.least, true),
        pick(greatest, o.greatest, false),
        mine ? sampleHash : o.sampleHash,
        mine ? sample : o.sample);
  }

  /** The distinct masked examples, smallest, largest, then the hash-picked one. */
  public List<String> examples() {
    Set<String> distinct = new LinkedHashSet<>();
    for (String s : new String[] {least, greatest, sample}) {
      if (s != null) {
        distinct.add(s);
      }
    }
    return new ArrayList<>(distinct);
  }

  private static String pick(String a, String b, boolean smaller) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return (a.compareTo(b) <= 0) == smaller ? a : b;
  }
}
