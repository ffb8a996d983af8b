package dev.taskmill.enrichment.diff;

import dev.taskmill.diff.Side;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * Test helper: real unified diffs of in-memory edits (JGit's histogram diff and formatter) and
 * their contents.
 */
final class Diffs {
  private final StringBuilder diff = new StringBuilder();
  private final Map<String, String> before = new HashMap<>();
  private final Map<String, String> after = new HashMap<>();

  /** A modification of {@code path} from {@code old} to {@code updated}. */
  Diffs modify(String path, String old, String updated) {
    before.put(path, old);
    after.put(path, updated);
    diff.append("diff --git a/")
        .append(path)
        .append(" b/")
        .append(path)
        .append('\n')
        .append("index 1111111..2222222 100644\n")
        .append("--- a/")
        .append(path)
        .append('\n')
        .append("+++ b/")
        .append(path)
        .append('\n')
        .append(hunks(old, updated));
    return this;
  }

  /**
   * {@code source} with the single occurrence of {@code from} replaced, failing when it is not
   * unique.
   */
  static String replaceOnce(String source, String from, String to) {
    int at = source.indexOf(from);
    if (at < 0 || source.indexOf(from, at + 1) >= 0) {
      throw new IllegalArgumentException("not exactly once: " + from);
    }
    return source.substring(0, at) + to + source.substring(at + from.length());
  }

  String text() {
    return diff.toString();
  }

  BiFunction<String, Side, Optional<String>> contents() {
    return (path, side) -> Optional.ofNullable((side == Side.OLD ? before : after).get(path));
  }

  /** The semantics of this diff as the fix patch. */
  DiffSemantics asFix() {
    return DiffSemantics.of(text(), "", contents());
  }

  private static String hunks(String old, String updated) {
    RawText a = new RawText(old.getBytes(StandardCharsets.UTF_8));
    RawText b = new RawText(updated.getBytes(StandardCharsets.UTF_8));
    EditList edits =
        DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
            .diff(RawTextComparator.DEFAULT, a, b);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DiffFormatter formatter = new DiffFormatter(out)) {
      formatter.format(edits, a, b);
      formatter.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
