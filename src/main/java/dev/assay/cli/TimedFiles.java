package dev.assay.cli;

import dev.assay.report.ReportFile;
import dev.assay.spark.StepTimes;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The report files, each recording in {@link StepTimes} how long rendering and writing it took
 * ("output: report.html"), for the {@code audit -v} table.
 */
final class TimedFiles {

  private TimedFiles() {}

  static List<ReportFile> of(List<ReportFile> files, StepTimes times) {
    return files.stream().map(file -> timed(file, times)).toList();
  }

  private static ReportFile timed(ReportFile file, StepTimes times) {
    return new ReportFile() {
      @Override
      public String name() {
        return file.name();
      }

      @Override
      public void writeTo(OutputStream out, List<ReportFile.WrittenFile> written)
          throws IOException {
        long start = System.nanoTime();
        try {
          file.writeTo(out, written);
        } finally {
          times.add("output: " + file.name(), System.nanoTime() - start, -1);
        }
      }
    };
  }
}
