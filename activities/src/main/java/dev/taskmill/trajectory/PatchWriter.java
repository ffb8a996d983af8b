package dev.taskmill.trajectory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * Writes two contents of a file back into a `git apply`-able diff (JGit's histogram diff and
 * formatter).
 */
final class PatchWriter {
  private PatchWriter() {}

  /**
   * A diff of one file from {@code before} to {@code after} (null before = a new file), as git
   * writes it.
   */
  static String diff(String path, String before, String after) {
    if (before != null && before.equals(after)) {
      return "";
    }
    RawText a = new RawText((before == null ? "" : before).getBytes(StandardCharsets.UTF_8));
    RawText b = new RawText(after.getBytes(StandardCharsets.UTF_8));
    EditList edits =
        DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
            .diff(RawTextComparator.DEFAULT, a, b);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DiffFormatter f = new DiffFormatter(out)) {
      f.format(edits, a, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder s = new StringBuilder("diff --git a/" + path + " b/" + path + "\n");
    if (before == null) {
      s.append("new file mode 100644\n--- /dev/null\n");
    } else {
      s.append("--- a/").append(path).append('\n');
    }
    s.append("+++ b/").append(path).append('\n');
    s.append(out.toString(StandardCharsets.UTF_8));
    return s.toString();
  }
}
