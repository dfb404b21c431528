package dev.assay.core;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a metric or a verdict applies: a sensitive {@code attribute} (and a {@code group} of it)
 * for fairness, a {@code column} for drift and privacy, and with {@code fairness.task: multiclass}
 * the {@code classLabel} a one-vs-rest metric is about (JSON key {@code class}), and in a
 * champion/challenger audit ({@code models:} in the spec) the {@code model} a metric is about, and
 * with time chunks ({@code chunk:} in the spec) the {@code chunk} of the current data a metric is
 * about, named by its ISO 8601 interval {@code start/end} ({@link ChunkUnit}). Absent keys are
 * null; a data-set level metric has none. An intersection's attribute and group join their parts
 * with {@code " & "}.
 */
public record Scope(
    String attribute, String group, String column, String classLabel, String model, String chunk)
    implements Comparable<Scope> {

  /** Joins the parts of an intersection's attribute or group name. */
  public static final String INTERSECTION_SEPARATOR = " & ";

  public static final Scope DATASET = new Scope(null, null, null, null, null, null);

  private static final Comparator<String> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<Scope> ORDER =
      Comparator.<Scope, String>comparing(Scope::attribute, NULLS_FIRST)
          .thenComparing(Scope::group, NULLS_FIRST)
          .thenComparing(Scope::column, NULLS_FIRST)
          .thenComparing(Scope::classLabel, NULLS_FIRST)
          .thenComparing(Scope::model, NULLS_FIRST)
          .thenComparing(Scope::chunk, NULLS_FIRST);

  /** A scope without a chunk: every metric over the whole data. */
  public Scope(String attribute, String group, String column, String classLabel, String model) {
    this(attribute, group, column, classLabel, model, null);
  }

  /** A scope without a model: every audit of one model. */
  public Scope(String attribute, String group, String column, String classLabel) {
    this(attribute, group, column, classLabel, null);
  }

  /** A scope without a class: every family but multi-class fairness. */
  public Scope(String attribute, String group, String column) {
    this(attribute, group, column, null);
  }

  public static Scope attribute(String attribute) {
    return new Scope(attribute, null, null);
  }

  public static Scope group(String attribute, String group) {
    return new Scope(attribute, group, null);
  }

  public static Scope column(String column) {
    return new Scope(null, null, column);
  }

  /** This scope about the class {@code value} (null for none). */
  public Scope withClass(String value) {
    return new Scope(attribute, group, column, value, model, chunk);
  }

  /** This scope about the model named {@code name} (null for none). */
  public Scope withModel(String name) {
    return new Scope(attribute, group, column, classLabel, name, chunk);
  }

  /** This scope about the time chunk {@code interval} ({@code start/end}; null for none). */
  public Scope withChunk(String interval) {
    return new Scope(attribute, group, column, classLabel, model, interval);
  }

  /**
   * The keys that are present, in contract order (attribute, group, class, column, model, chunk).
   */
  public Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>();
    if (attribute != null) {
      keys.put("attribute", attribute);
    }
    if (group != null) {
      keys.put("group", group);
    }
    if (classLabel != null) {
      keys.put("class", classLabel);
    }
    if (column != null) {
      keys.put("column", column);
    }
    if (model != null) {
      keys.put("model", model);
    }
    if (chunk != null) {
      keys.put("chunk", chunk);
    }
    return keys;
  }

  /**
   * A short human label such as {@code race = Caucasian}, or {@code data set}; with a class,
   * followed by {@code , class High}; with a model, by {@code , model challenger}; with a chunk, by
   * {@code , chunk 2024-01-01/2024-01-08}.
   */
  public String label() {
    String label = classLabel == null ? place() : place() + ", class " + classLabel;
    label = model == null ? label : label + ", model " + model;
    return chunk == null ? label : label + ", chunk " + chunk;
  }

  private String place() {
    if (attribute != null && group != null) {
      return attribute + " = " + group;
    }
    if (attribute != null) {
      return attribute;
    }
    if (column != null) {
      return column;
    }
    return "data set";
  }

  @Override
  public int compareTo(Scope other) {
    return ORDER.compare(this, other);
  }
}
