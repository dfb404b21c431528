package dev.assay.spark;

import java.util.List;

/**
 * One output row of a single-pass aggregation: which grouping it belongs to, the group's key values
 * (as text, in the grouping's column order; empty for the whole data set) and one state per {@link
 * AggregateState}, in the order they were given.
 */
public record GroupedStates(Grouping grouping, List<String> key, List<Object> states) {

  public GroupedStates {
    key = List.copyOf(key);
    states = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(states));
  }

  /** The state of the {@code index}-th aggregate state, cast to its type. */
  @SuppressWarnings("unchecked")
  public <S> S state(int index) {
    return (S) states.get(index);
  }
}
