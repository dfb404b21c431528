package dev.assay.demo;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * A finite distribution over category names, in a fixed order, with shares that add up to 1. {@link
 * #draw(Column)} maps a uniform (0,1) column to a category by inverse CDF with a chain of built-in
 * {@code CASE WHEN}s, so generated data need no UDF. The order of the entries is part of the
 * generator: reordering them changes which rows get which category.
 */
public record CategoricalDistribution(Map<String, Double> shares) {

  public CategoricalDistribution {
    if (shares.isEmpty()) {
      throw new IllegalArgumentException("a categorical distribution needs at least one category");
    }
    double total = 0;
    for (double share : shares.values()) {
      if (!(share >= 0)) {
        throw new IllegalArgumentException("shares must be non-negative: " + shares);
      }
      total += share;
    }
    if (Math.abs(total - 1) > 1e-9) {
      throw new IllegalArgumentException("shares must add up to 1, got " + total + ": " + shares);
    }
    shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
  }

  /** The distribution of alternating name, share pairs, in this order. */
  public static CategoricalDistribution of(Object... nameSharePairs) {
    if (nameSharePairs.length % 2 != 0) {
      throw new IllegalArgumentException("expected name, share pairs");
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    for (int i = 0; i < nameSharePairs.length; i += 2) {
      shares.put((String) nameSharePairs[i], ((Number) nameSharePairs[i + 1]).doubleValue());
    }
    return new CategoricalDistribution(shares);
  }

  /** The category names, in order. */
  public List<String> categories() {
    return List.copyOf(shares.keySet());
  }

  /** The category whose cumulative share interval contains {@code uniform} (in (0,1)). */
  public Column draw(Column uniform) {
    List<String> names = categories();
    String last = names.get(names.size() - 1);
    Column chosen = null;
    double cumulative = 0;
    for (String name : names.subList(0, names.size() - 1)) {
      cumulative += shares.get(name);
      Column branch = uniform.lt(lit(cumulative));
      chosen = chosen == null ? when(branch, lit(name)) : chosen.when(branch, lit(name));
    }
    return chosen == null ? lit(last) : chosen.otherwise(lit(last));
  }
}
