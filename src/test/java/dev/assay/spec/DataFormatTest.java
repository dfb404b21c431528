package dev.assay.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The format a data path implies when the spec gives none. */
class DataFormatTest {

  @ParameterizedTest
  @CsvSource({
    "data.csv, CSV",
    "data.CSV, CSV",
    "data.csv.gz, CSV",
    "s3a://b/x/data.csv.bz2, CSV",
    "part-0.snappy.parquet, PARQUET",
    "data.parquet/, PARQUET",
    "abfss://c@a.dfs.core.windows.net/t.parquet, PARQUET",
    "answers.jsonl, JSON",
    "answers.ndjson, JSON",
    "answers.jsonl.gz, JSON",
    "answers.json, JSON",
    "data.orc, ORC",
    "data.zst.orc, ORC"
  })
  void theExtensionNamesTheFormatEvenUnderACompressionSuffix(String path, DataFormat expected) {
    assertEquals(expected, DataFormat.fromPath(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"data", "data.gz", "data.txt", "data.tsv.gz", "folder.v2/data", "x.xlsx"})
  void noFormatWhenTheNameDoesNotSayOne(String path) {
    assertNull(DataFormat.fromPath(path));
  }
}
