package dev.assay.yaml;

import dev.assay.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text of a document the user gives Assay (audit spec, rule pack, waivers, baseline), read
 * strictly: a regular file, no larger than a limit checked on the file's size <em>before</em> it is
 * read (so a huge file costs nothing), strict UTF-8 (an optional UTF-8 byte-order mark is dropped;
 * UTF-16 and Latin-1 are named with the line and column where decoding fails) and free of control
 * characters. Every failure is one {@link BadInputException} naming the file; none quotes the
 * file's content.
 */
public final class InputFile {

  /** The largest audit spec, rule pack or waivers file: 1 MiB. */
  public static final long MAX_DOCUMENT_BYTES = 1L << 20;

  /** The largest baseline results.json: 64 MiB (a results.json lists metrics, not data). */
  public static final long MAX_BASELINE_BYTES = 64L << 20;

  private InputFile() {}

  /**
   * Reads {@code file} as UTF-8 text.
   *
   * @param what what the file should be, for messages: "audit spec", "rule pack", ...
   * @param maxBytes the size limit
   * @throws BadInputException naming the file when it is missing, not a regular file, too large,
   *     not UTF-8 or holds control characters
   */
  public static String read(Path file, String what, long maxBytes) {
    if (!Files.exists(file)) {
      throw new BadInputException(file + ": no such file; give the path of the " + what + ".");
    }
    if (Files.isDirectory(file)) {
      throw new BadInputException(
          file + ": is a directory; give the path of the " + what + " file itself.");
    }
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(
          file
              + ": is not a regular file (a device or pipe); give the path"
              + " of the "
              + what
              + " file.");
    }
    byte[] bytes = bytes(file, what, maxBytes);
    return decode(file.toString(), bytes);
  }

  private static byte[] bytes(Path file, String what, long maxBytes) {
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw tooLarge(file, what, size, maxBytes);
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes((int) maxBytes + 1); // the file may have grown since
        if (bytes.length > maxBytes) {
          throw tooLarge(file, what, bytes.length, maxBytes);
        }
        return bytes;
      }
    } catch (IOException e) {
      throw new BadInputException(
          file
              + ": cannot read the "
              + what
              + " ("
              + (e instanceof java.nio.file.AccessDeniedException
                  ? "permission denied"
                  : "read error")
              + "); check that it exists and is readable.");
    }
  }

  private static BadInputException tooLarge(Path file, String what, long size, long maxBytes) {
    return new BadInputException(
        file
            + ": is "
            + size
            + " bytes, larger than the "
            + limitText(maxBytes)
            + " limit for "
            + ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ")
            + what
            + "; check that it is the right file.");
  }

  /** {@code 1 MiB (1048576 bytes)}. */
  static String limitText(long bytes) {
    return (bytes >> 20) + " MiB (" + bytes + " bytes)";
  }

  /**
   * Decodes {@code bytes} as strict UTF-8, dropping a leading UTF-8 byte-order mark.
   *
   * @throws BadInputException with the line and column of the first byte that is not UTF-8, or of
   *     the first control character
   */
  static String decode(String source, byte[] bytes) {
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      throw new BadInputException(
          source
              + ": is UTF-16 (it starts with a UTF-16 byte-order mark),"
              + " not UTF-8; save it as UTF-8.");
    }
    int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      int[] at = position(out);
      throw new BadInputException(
          source
              + ":"
              + at[0]
              + ": not UTF-8 at line "
              + at[0]
              + " (column "
              + at[1]
              + ": byte 0x"
              + String.format(Locale.ROOT, "%02X", bytes[in.position()] & 0xFF)
              + " is not valid UTF-8; Latin-1 or UTF-16?); save the file as UTF-8.");
    }
    out.flip();
    String text = out.toString();
    checkControlCharacters(source, text);
    return text;
  }

  /** Rejects C0 control characters other than tab, line feed and carriage return, and DEL. */
  private static void checkControlCharacters(String source, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        int[] at = position(CharBuffer.wrap(text, 0, i));
        throw new BadInputException(
            source
                + ":"
                + at[0]
                + ": the control character U+"
                + String.format(Locale.ROOT, "%04X", (int) c)
                + " at line "
                + at[0]
                + " (column "
                + at[1]
                + ")"
                + (c == 0
                    ? " means this is not UTF-8 text (UTF-16 without a byte-order mark?)"
                    : "")
                + "; save the file as plain UTF-8 text.");
      }
    }
  }

  /** The 1-based line and column of the character just after the decoded text {@code before}. */
  private static int[] position(CharSequence before) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
