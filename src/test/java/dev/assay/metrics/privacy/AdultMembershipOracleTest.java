package dev.assay.metrics.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.TestDatasets;
import dev.assay.core.MetricResult;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Membership inference on real data: a Tribuo logistic regression is trained on a seeded half of
 * UCI Adult (test resource {@code datasets/adult/adult.data.gz}, 32,561 records; the members), the
 * other half are the non-members. The threshold attack's four metrics, on the whole data and by sex
 * and race, are compared with loops over every member/non-member pair and every threshold; the
 * trained attack must agree with the threshold attack (a linear model hardly overfits, so both are
 * near 0.5).
 */
class AdultMembershipOracleTest {

  static final SparkSession SPARK = SharedSpark.get();
  static final Path DATA = TestDatasets.path("adult/adult.data.gz");

  record Person(String[] fields, boolean positive) {}

  static ArrayExample<Label> example(Person p) {
    String[] f = p.fields();
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    names.add("age");
    values.add(Double.parseDouble(f[0]) / 100);
    names.add("education_num");
    values.add(Double.parseDouble(f[4]) / 16);
    names.add("capital_gain");
    values.add(Math.log1p(Double.parseDouble(f[10])) / 12);
    names.add("capital_loss");
    values.add(Math.log1p(Double.parseDouble(f[11])) / 9);
    names.add("hours");
    values.add(Double.parseDouble(f[12]) / 100);
    for (int c : new int[] {1, 5, 6, 7, 8, 9, 13}) {
      names.add(c + "=" + f[c]);
      values.add(1.0);
    }
    return new ArrayExample<>(
        new Label(p.positive() ? ">50K" : "<=50K"),
        names.toArray(new String[0]),
        values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Test
  void thresholdAndTrainedAttacksOnAModelTrainedOnHalfOfAdult() throws IOException {
    List<Person> people = new ArrayList<>();
    for (String line : TestDatasets.gunzipLines(DATA)) {
      if (!line.isBlank()) {
        String[] f = line.split(",\\s*");
        people.add(new Person(f, f[14].trim().equals(">50K")));
      }
    }
    assertEquals(32_561, people.size());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(42));
    boolean[] member = new boolean[people.size()];
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> train =
        new MutableDataset<>(new SimpleDataSourceProvenance("adult half", factory), factory);
    for (int i = 0; i < order.size() / 2; i++) {
      member[order.get(i)] = true;
      train.add(example(people.get(order.get(i))));
    }
    Model<Label> model =
        new LinearSGDTrainer(
                new LogMulticlass(), new AdaGrad(0.1, 0.1), 5, Integer.MAX_VALUE, 1, 7L)
            .train(train);

    List<Row> rows = new ArrayList<>();
    Map<String, List<Double>[]> groups = new TreeMap<>();
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      double score = model.predict(example(p)).getOutputScores().get(">50K").getScore();
      double rounded = Math.round(score * 10_000) / 10_000.0;
      rows.add(
          RowFactory.create(
              member[i], p.positive() ? 1 : 0, rounded, p.fields()[9], p.fields()[8]));
      // the definition: confidence in the true label, at the analysis's 1e-4 resolution
      double signal = Math.round((p.positive() ? rounded : 1 - rounded) * 10_000) / 10_000.0;
      for (String key : List.of("", "sex=" + p.fields()[9], "race=" + p.fields()[8])) {
        groups
            .computeIfAbsent(key, k -> new List[] {new ArrayList<>(), new ArrayList<>()})[
            member[i] ? 0 : 1]
            .add(signal);
      }
    }
    StructType schema =
        MembershipAnalysisTest.SCHEMA
            .add("sex", DataTypes.StringType)
            .add("race", DataTypes.StringType);
    Dataset<Row> data = SPARK.createDataFrame(rows, schema).repartition(4);
    List<MetricResult>[] m = new List[1];
    assertEquals(
        1,
        JobCounter.count(
            SPARK,
            () ->
                m[0] =
                    MembershipAnalysis.run(
                        data,
                        MembershipAnalysisTest.MEMBER,
                        MembershipAnalysisTest.LABEL,
                        "p",
                        List.of("sex", "race"),
                        "adult")));
    assertEquals(4 * (1 + 2 + 5), m[0].size());
    StringBuilder table = new StringBuilder();
    groups.forEach(
        (key, both) -> {
          double[] expected = MembershipAnalysisTest.bruteForce(both[0], both[1]);
          table.append(
              String.format(
                  "%-28s auc %.4f adv %.4f tpr@0.1%% %.4f tpr@1%% %.4f%n",
                  key.isEmpty() ? "all" : key, expected[0], expected[1], expected[2], expected[3]));
          for (int i = 0; i < expected.length; i++) {
            String name = MembershipAnalysisTest.NAMES[i];
            MetricResult r =
                m[0].stream()
                    .filter(
                        x ->
                            x.key().metric().equals(name)
                                && (key.isEmpty()
                                    ? x.key().scope().attribute() == null
                                    : (x.key().scope().attribute() + "=" + x.key().scope().group())
                                        .equals(key)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " " + key));
            assertEquals(expected[i], r.number().orElseThrow(), 1e-12, name + " " + key);
          }
        });
    double threshold = MembershipAnalysisTest.bruteForce(groups.get("")[0], groups.get("")[1])[0];
    MetricResult trained =
        MembershipAttack.run(
            data, MembershipAnalysisTest.MEMBER, MembershipAnalysisTest.LABEL, "p", people.size());
    table.append(
        String.format(
            "trained attack auc %.4f on %d records%n",
            trained.number().orElseThrow(), trained.count()));
    System.out.print(table);
    assertEquals(
        MembershipAttack.MAX_SAMPLE, trained.count(), 200.0, "a seeded sample of about 20,000");
    assertTrue(Math.abs(threshold - 0.5) < 0.03, "a linear model leaks little: " + table);
    assertEquals(threshold, trained.number().orElseThrow(), 0.03, table.toString());
  }
}
