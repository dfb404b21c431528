package dev.assay.core;

/**
 * A state that merges with another of its type into the state of the union of their rows. Merging
 * is associative and commutative, with the type's empty state as identity, so partial states can be
 * rolled up in any grouping and order (the merge-law tests check it for every state type).
 *
 * @param <S> the state type itself
 */
public interface Mergeable<S extends Mergeable<S>> {

  /** The state of the rows behind this state and behind {@code other}. */
  S merge(S other);
}
