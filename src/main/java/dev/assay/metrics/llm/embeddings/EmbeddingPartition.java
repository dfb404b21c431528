package dev.assay.metrics.llm.embeddings;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Sends one partition's distinct texts in batches of {@code batchSize} and yields a cache row per
 * text ({@link EmbeddingCache#SCHEMA}); a failed batch yields a row with {@code error} per text, so
 * it is retried on the next run. Input rows: {@code embedding_key, text}.
 */
record EmbeddingPartition(EmbeddingsClient client, int batchSize, String runId)
    implements MapPartitionsFunction<Row, Row> {

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    List<Row> out = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      keys.add(r.getString(0));
      texts.add(r.getString(1));
      if (texts.size() == batchSize || !rows.hasNext()) {
        send(keys, texts, out);
        keys.clear();
        texts.clear();
      }
    }
    return out.iterator();
  }

  private void send(List<String> keys, List<String> texts, List<Row> out) {
    EmbeddingsClient.Batch b = client.embed(texts);
    for (int i = 0; i < keys.size(); i++) {
      List<Double> vector = null;
      if (b.error() == null) {
        vector = new ArrayList<>();
        for (double d : b.vectors().get(i)) {
          vector.add(d);
        }
      }
      Object seq = vector == null ? null : CollectionConverters.asScala(vector).toSeq();
      out.add(RowFactory.create(keys.get(i), seq, b.error(), b.answered(), b.attempts(), runId));
    }
  }
}
