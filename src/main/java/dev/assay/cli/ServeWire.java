package dev.assay.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an {@code assay serve} driver and its clients say over the socket. The client sends one
 * request (the protocol name, its working directory, whether its standard output is a terminal, and
 * the {@code audit} arguments); the server answers with frames: a chunk of standard output ({@code
 * 'o'}), a chunk of standard error ({@code 'e'}), then the exit code ({@code 'x'}), which ends the
 * answer.
 */
final class ServeWire {

  static final String PROTOCOL = "assay-serve/1";
  static final byte OUT = 'o';
  static final byte ERR = 'e';
  static final byte EXIT = 'x';

  /** At most this many arguments in a request: a guard against a stray writer on the socket. */
  private static final int MAX_ARGS = 1024;

  private ServeWire() {}

  /** One audit a client asks for: its arguments resolve against {@code workingDirectory}. */
  record Request(Path workingDirectory, boolean terminal, List<String> args) {}

  static void write(Request request, OutputStream stream) throws IOException {
    DataOutputStream out = new DataOutputStream(stream);
    out.writeUTF(PROTOCOL);
    out.writeUTF(request.workingDirectory().toString());
    out.writeBoolean(request.terminal());
    out.writeInt(request.args().size());
    for (String arg : request.args()) {
      out.writeUTF(arg);
    }
    out.flush();
  }

  /**
   * Reads a request.
   *
   * @throws IOException when the peer speaks another protocol, or closed the socket early
   */
  static Request read(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    String protocol = in.readUTF();
    if (!protocol.equals(PROTOCOL)) {
      throw new IOException("not an " + PROTOCOL + " request");
    }
    Path workingDirectory = Path.of(in.readUTF());
    boolean terminal = in.readBoolean();
    int count = in.readInt();
    if (count < 0 || count > MAX_ARGS || !workingDirectory.isAbsolute()) {
      throw new IOException("a malformed " + PROTOCOL + " request");
    }
    List<String> args = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      args.add(in.readUTF());
    }
    return new Request(workingDirectory, terminal, List.copyOf(args));
  }

  /** The server's side of an answer: output frames, then the exit code. */
  static final class Frames {
    private final DataOutputStream out;

    Frames(OutputStream stream) {
      this.out = new DataOutputStream(stream);
    }

    /** An output stream whose every write becomes one frame of {@code kind}. */
    OutputStream stream(byte kind) {
      return new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          frame(kind, bytes, offset, length);
        }
      };
    }

    private synchronized void frame(byte kind, byte[] bytes, int offset, int length)
        throws IOException {
      out.writeByte(kind);
      out.writeInt(length);
      out.write(bytes, offset, length);
      out.flush();
    }

    synchronized void exit(int code) throws IOException {
      out.writeByte(EXIT);
      out.writeInt(code);
      out.flush();
    }
  }

  /**
   * The client's side: copies output frames to {@code out} and {@code err} until the exit frame.
   *
   * @return the exit code
   * @throws EOFException when the server closed the socket before the exit frame
   */
  static int relay(InputStream stream, OutputStream out, OutputStream err) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    while (true) {
      byte kind = in.readByte();
      if (kind == EXIT) {
        return in.readInt();
      }
      int length = in.readInt();
      if ((kind != OUT && kind != ERR) || length < 0) {
        throw new IOException("not an " + PROTOCOL + " answer");
      }
      OutputStream target = kind == OUT ? out : err;
      target.write(in.readNBytes(length));
      target.flush();
    }
  }
}
