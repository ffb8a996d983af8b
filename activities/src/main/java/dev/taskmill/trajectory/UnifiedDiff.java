package dev.taskmill.trajectory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** A git unified diff read into files and hunks, and the way back: two contents to a `git apply`-able diff. */
public final class UnifiedDiff {
  private static final Pattern DIFF = Pattern.compile("^diff --git a/(.+) b/(.+)$");
  private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*$");

  /** One hunk; lines keep their ' ', '-' or '+' prefix ("\ No newline" markers are dropped). */
  public record Hunk(int oldStart, int newStart, List<String> lines) {
    public Hunk {
      lines = List.copyOf(lines);
    }

    /** Context and removed lines, joined with newlines (each line ending in one). */
    public String oldText() {
      return join('-');
    }

    /** Context and added lines. */
    public String newText() {
      return join('+');
    }

    public List<String> added() {
      return lines.stream().filter(l -> l.startsWith("+")).map(l -> l.substring(1)).toList();
    }

    public List<String> removed() {
      return lines.stream().filter(l -> l.startsWith("-")).map(l -> l.substring(1)).toList();
    }

    private String join(char side) {
      StringBuilder b = new StringBuilder();
      for (String l : lines) {
        if (l.isEmpty() || l.charAt(0) == ' ' || l.charAt(0) == side) {
          b.append(l.isEmpty() ? "" : l.substring(1)).append('\n');
        }
      }
      return b.toString();
    }
  }

  /** One file of the diff. */
  public record FileDiff(String path, boolean created, boolean deleted, List<Hunk> hunks) {
    public FileDiff {
      hunks = List.copyOf(hunks);
    }
  }

  private UnifiedDiff() {}

  /** Parses a git diff (binary parts are skipped). */
  public static List<FileDiff> parse(String patch) {
    List<FileDiff> files = new ArrayList<>();
    String path = null;
    boolean created = false;
    boolean deleted = false;
    List<Hunk> hunks = new ArrayList<>();
    List<String> lines = null;
    int oldStart = 0;
    int newStart = 0;
    for (String line : patch.split("\n", -1)) {
      Matcher d = DIFF.matcher(line);
      if (d.matches()) {
        if (lines != null) {
          hunks.add(new Hunk(oldStart, newStart, lines));
        }
        if (path != null) {
          files.add(new FileDiff(path, created, deleted, hunks));
        }
        path = d.group(2);
        created = false;
        deleted = false;
        hunks = new ArrayList<>();
        lines = null;
        continue;
      }
      Matcher h = HUNK.matcher(line);
      if (path != null && h.matches()) {
        if (lines != null) {
          hunks.add(new Hunk(oldStart, newStart, lines));
        }
        oldStart = Integer.parseInt(h.group(1));
        newStart = Integer.parseInt(h.group(3));
        lines = new ArrayList<>();
        continue;
      }
      if (lines == null) {
        if (line.startsWith("new file mode")) {
          created = true;
        } else if (line.startsWith("deleted file mode")) {
          deleted = true;
        }
        continue;
      }
      if (line.startsWith(" ") || line.startsWith("+") || line.startsWith("-")) {
        lines.add(line);
      } else if (line.isEmpty()) {
        lines.add(" "); // some tools drop the space of an empty context line
      }
      // "\ No newline at end of file" and anything else: skipped
    }
    if (lines != null) {
      hunks.add(new Hunk(oldStart, newStart, lines));
    }
    if (path != null) {
      files.add(new FileDiff(path, created, deleted, hunks));
    }
    // A trailing empty line of the patch text becomes a spurious " " context line: drop trailing blanks that
    // git never writes at a hunk's end beyond its declared context.
    return files.stream().map(UnifiedDiff::trimTrailingBlank).toList();
  }

  private static FileDiff trimTrailingBlank(FileDiff f) {
    List<Hunk> hunks = new ArrayList<>();
    for (Hunk h : f.hunks()) {
      List<String> l = new ArrayList<>(h.lines());
      while (!l.isEmpty() && l.get(l.size() - 1).equals(" ")) {
        l.remove(l.size() - 1);
      }
      hunks.add(new Hunk(h.oldStart(), h.newStart(), l));
    }
    return new FileDiff(f.path(), f.created(), f.deleted(), hunks);
  }

  /** A diff of one file from {@code before} to {@code after} (null before = a new file), as git writes it. */
  public static String diff(String path, String before, String after) {
    if (before != null && before.equals(after)) {
      return "";
    }
    RawText a = new RawText((before == null ? "" : before).getBytes(StandardCharsets.UTF_8));
    RawText b = new RawText(after.getBytes(StandardCharsets.UTF_8));
    EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
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
