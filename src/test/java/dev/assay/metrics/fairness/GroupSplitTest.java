package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The min_group_size split the three fairness tasks share; plain Java, no Spark. */
class GroupSplitTest {

  private static Map<String, Long> sizes() {
    Map<String, Long> groups = new TreeMap<>();
    groups.put("C", 3L);
    groups.put("A", 5L);
    groups.put("B", 1L);
    return groups;
  }

  @Test
  void smallGroupsAreShownButLeftOutWithOneNoteEach() {
    GroupSplit<Long> split = GroupSplit.of(sizes(), Long::longValue, 3, "differences");
    assertEquals(List.of("A", "C"), List.copyOf(split.eligible().keySet()));
    assertEquals(List.of("B (n=1)"), split.excluded());
    assertNull(split.note(3));
    assertEquals(
        "insufficient data: 1 rows < min_group_size 3; left out of differences", split.note(1));
    List<String> notes = new ArrayList<>();
    split.addNote("sex", notes);
    assertEquals(
        List.of(
            "sex: groups smaller than min_group_size 3 are shown but left out of"
                + " differences: B (n=1)."),
        notes);
    assertTrue(split.exclusion().startsWith("excluded (too small): B (n=1)"), split.exclusion());
  }

  @Test
  void withoutSmallGroupsThereIsNoNote() {
    GroupSplit<Long> split = GroupSplit.of(sizes(), Long::longValue, 1, "differences and ratios");
    assertEquals(3, split.eligible().size());
    List<String> notes = new ArrayList<>();
    split.addNote("sex", notes);
    assertTrue(notes.isEmpty());
    assertNull(split.exclusion());
  }
}
