package dev.assay.metrics.fairness;

import dev.assay.spark.AggregateState;
import dev.assay.spark.GroupedStates;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregate states of one single-pass job, each added once and read back through its typed
 * {@link Slot}, so no caller counts positions.
 */
final class StateSlots {

  private final List<AggregateState<?>> states = new ArrayList<>();

  /** Where one state sits in every row of the job. */
  record Slot<S>(int index) {

    S of(GroupedStates row) {
      return row.state(index);
    }
  }

  /** Adds {@code state}; its values are read with the returned slot. */
  <S> Slot<S> add(AggregateState<S> state) {
    states.add(state);
    return new Slot<>(states.size() - 1);
  }

  /** Adds {@code state} when it is not null; returns null otherwise. */
  <S> Slot<S> addIfPresent(AggregateState<S> state) {
    return state == null ? null : add(state);
  }

  List<AggregateState<?>> states() {
    return List.copyOf(states);
  }
}
