package dev.assay.spark;

import dev.assay.core.Mergeable;

/**
 * An {@link AggregateState} whose state merges itself ({@link Mergeable}): the aggregate's merge is
 * the state's, so an analyzer writes only its aggregate expressions and how to read them back.
 *
 * @param <S> the state
 */
public interface MergeableAggregate<S extends Mergeable<S>> extends AggregateState<S> {

  @Override
  default S merge(S a, S b) {
    return a.merge(b);
  }
}
