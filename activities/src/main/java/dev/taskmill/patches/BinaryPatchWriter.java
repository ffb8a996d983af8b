package dev.taskmill.patches;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.util.QuotedString;
import org.eclipse.jgit.util.io.BinaryHunkOutputStream;

/**
 * Writes a binary change as git's {@code GIT binary patch} (a "literal" forward hunk and a
 * "literal" reverse hunk, zlib-deflated and base85-encoded, as git's diff.c emits with --binary
 * --full-index). JGit's formatter only writes "Binary files differ", which {@code git apply}
 * rejects.
 */
final class BinaryPatchWriter {
  private static final String ZERO_ID = "0".repeat(40);

  private BinaryPatchWriter() {}

  /**
   * The complete {@code diff --git} section for {@code entry}, whose old and new contents are
   * given.
   */
  static byte[] write(DiffEntry entry, byte[] oldContent, byte[] newContent) {
    StringBuilder header = new StringBuilder();
    ChangeType change = entry.getChangeType();
    String oldName = change == ChangeType.ADD ? entry.getNewPath() : entry.getOldPath();
    String newName = change == ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
    header
        .append("diff --git ")
        .append(quote("a/" + oldName))
        .append(' ')
        .append(quote("b/" + newName))
        .append('\n');
    String oldId = change == ChangeType.ADD ? ZERO_ID : entry.getOldId().name();
    String newId = change == ChangeType.DELETE ? ZERO_ID : entry.getNewId().name();
    String indexMode = "";
    switch (change) {
      case ADD -> header.append("new file mode ").append(mode(entry.getNewMode())).append('\n');
      case DELETE ->
          header.append("deleted file mode ").append(mode(entry.getOldMode())).append('\n');
      case RENAME, COPY -> {
        String verb = change == ChangeType.RENAME ? "rename" : "copy";
        appendModeChange(header, entry);
        header
            .append("similarity index ")
            .append(entry.getScore())
            .append("%\n")
            .append(verb)
            .append(" from ")
            .append(quote(entry.getOldPath()))
            .append('\n')
            .append(verb)
            .append(" to ")
            .append(quote(entry.getNewPath()))
            .append('\n');
      }
      default -> {
        if (!appendModeChange(header, entry)) {
          indexMode = " " + mode(entry.getNewMode());
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!oldId.equals(newId)) {
        header
            .append("index ")
            .append(oldId)
            .append("..")
            .append(newId)
            .append(indexMode)
            .append('\n');
        header.append("GIT binary patch\n");
        out.write(header.toString().getBytes(StandardCharsets.UTF_8));
        literal(out, newContent);
        literal(out, oldContent);
      } else {
        out.write(header.toString().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static boolean appendModeChange(StringBuilder header, DiffEntry entry) {
    if (entry.getOldMode().equals(entry.getNewMode())) {
      return false;
    }
    header
        .append("old mode ")
        .append(mode(entry.getOldMode()))
        .append('\n')
        .append("new mode ")
        .append(mode(entry.getNewMode()))
        .append('\n');
    return true;
  }

  /** One hunk: "literal SIZE", the deflated bytes in base85 lines, then an empty line. */
  private static void literal(OutputStream out, byte[] content) throws IOException {
    out.write(("literal " + content.length + "\n").getBytes(StandardCharsets.US_ASCII));
    BinaryHunkOutputStream hunk = new BinaryHunkOutputStream(out);
    hunk.write(deflate(content));
    hunk.flush();
    out.write('\n');
  }

  static byte[] deflate(byte[] content) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(content);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static String mode(FileMode mode) {
    return String.format("%06o", mode.getBits());
  }

  private static String quote(String path) {
    return QuotedString.GIT_PATH.quote(path);
  }
}
