package dev.assay.signing;

import dev.assay.core.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Reads the DER bytes of one PEM block ({@code -----BEGIN PRIVATE KEY-----} or {@code -----BEGIN
 * PUBLIC KEY-----}) from a key file. Every problem is a {@link BadInputException} naming the file
 * and the option, never quoting the file's content (it may be a private key).
 */
final class Pem {

  /**
   * A kind of PEM block: its label ({@code PRIVATE KEY}) and what the file should have been, with
   * the command that writes one, for the error when the block is missing.
   */
  record Block(String type, String expected) {}

  /** An unencrypted PKCS#8 private key, as {@code --sign} reads it. */
  static final Block PRIVATE_KEY =
      new Block(
          "PRIVATE KEY",
          "an unencrypted PKCS#8 PEM private key (convert one with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.p8.pem')");

  /** An X.509 SubjectPublicKeyInfo public key, as {@code --public-key} reads it. */
  static final Block PUBLIC_KEY =
      new Block(
          "PUBLIC KEY",
          "a PEM public key (write one with 'openssl pkey -in KEY -pubout -out KEY.pub')");

  private Pem() {}

  /** The DER bytes of the first {@code block} in {@code file}, given with {@code option}. */
  static byte[] read(Path file, Block block, String option) {
    String type = block.type();
    String expected = block.expected();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BadInputException(option + " " + file + ": no such file.");
    } catch (IOException e) {
      throw new BadInputException(
          option + " " + file + ": cannot be read (" + e.getClass().getSimpleName() + ").");
    }
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = from < 0 ? -1 : text.indexOf(end, from);
    if (from < 0 || to < 0) {
      throw new BadInputException(
          option + " " + file + ": not " + expected + " (no '" + begin + "' block).");
    }
    String body = text.substring(from + begin.length(), to).replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          option + " " + file + ": the " + type + " block is not valid base64.");
    }
  }
}
