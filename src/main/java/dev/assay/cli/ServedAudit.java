package dev.assay.cli;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * An audit that an {@code assay serve} driver runs for a client: the server's Spark session, the
 * client's working directory (relative paths on its command line resolve against it) and whether
 * the client's standard output is a terminal (progress lines are on by default then).
 */
record ServedAudit(SparkSession spark, Path workingDirectory, boolean terminal) {}
