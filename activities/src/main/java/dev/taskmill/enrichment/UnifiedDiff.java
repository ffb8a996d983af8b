package dev.taskmill.enrichment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small reader of git's unified diffs: files (new-side path), hunks, and the added lines with their numbers. */
public final class UnifiedDiff {
  private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

  private UnifiedDiff() {}

  /** One file of the diff; {@code path} is the new side's path (the old one for a deleted file). */
  public record FilePatch(String path, List<Hunk> hunks) {
    public FilePatch {
      Objects.requireNonNull(path, "path");
      hunks = List.copyOf(hunks);
    }

    public List<AddedLine> addedLines() {
      return hunks.stream().flatMap(h -> h.added().stream()).toList();
    }

    public int linesAdded() {
      return hunks.stream().mapToInt(h -> h.added().size()).sum();
    }

    public int linesRemoved() {
      return hunks.stream().mapToInt(h -> h.removed().size()).sum();
    }
  }

  /** One hunk: its header figures, the lines it adds (new-side numbers) and the lines it removes. */
  public record Hunk(int oldStart, int oldLines, int newStart, int newLines, List<AddedLine> added,
      List<String> removed) {
    public Hunk {
      added = List.copyOf(added);
      removed = List.copyOf(removed);
    }
  }

  /** An added line and its number in the new file. */
  public record AddedLine(int number, String text) {
    public AddedLine {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The files of {@code diff} in order; text outside any file header is ignored. */
  public static List<FilePatch> parse(String diff) {
    List<FilePatch> files = new ArrayList<>();
    if (diff == null || diff.isEmpty()) {
      return files;
    }
    String oldPath = null;
    String path = null;
    List<Hunk> hunks = new ArrayList<>();
    int oldLeft = 0;
    int newLeft = 0;
    int newLine = 0;
    int[] header = null;
    List<AddedLine> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (String line : diff.split("\n", -1)) {
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      boolean inHunk = header != null && (oldLeft > 0 || newLeft > 0);
      if (inHunk) {
        if (line.startsWith("+")) {
          added.add(new AddedLine(newLine++, line.substring(1)));
          newLeft--;
          continue;
        }
        if (line.startsWith("-")) {
          removed.add(line.substring(1));
          oldLeft--;
          continue;
        }
        if (line.startsWith(" ") || line.isEmpty()) {
          newLine++;
          oldLeft--;
          newLeft--;
          continue;
        }
        if (line.startsWith("\\")) {
          continue; // "\ No newline at end of file"
        }
      }
      if (line.startsWith("\\")) {
        continue;
      }
      if (header != null) {
        hunks.add(new Hunk(header[0], header[1], header[2], header[3], added, removed));
        header = null;
        added = new ArrayList<>();
        removed = new ArrayList<>();
      }
      Matcher hunk = HUNK.matcher(line);
      if (line.startsWith("diff --git ")) {
        if (path != null || oldPath != null) {
          files.add(new FilePatch(path != null ? path : oldPath, hunks));
        }
        hunks = new ArrayList<>();
        String[] parts = line.substring("diff --git ".length()).split(" b/", 2);
        oldPath = parts[0].startsWith("a/") ? parts[0].substring(2) : parts[0];
        path = parts.length == 2 ? parts[1] : null;
      } else if (line.startsWith("--- ")) {
        String p = stripPrefix(line.substring(4));
        if (p != null) {
          oldPath = p;
        }
      } else if (line.startsWith("+++ ")) {
        path = stripPrefix(line.substring(4));
      } else if (hunk.matches()) {
        header = new int[] {Integer.parseInt(hunk.group(1)), count(hunk.group(2)), Integer.parseInt(hunk.group(3)),
            count(hunk.group(4))};
        oldLeft = header[1];
        newLeft = header[3];
        newLine = header[2];
      }
    }
    if (header != null) {
      hunks.add(new Hunk(header[0], header[1], header[2], header[3], added, removed));
    }
    if (path != null || oldPath != null) {
      files.add(new FilePatch(path != null ? path : oldPath, hunks));
    }
    return files;
  }

  private static int count(String group) {
    return group == null ? 1 : Integer.parseInt(group);
  }

  /** "b/src/x.py" to "src/x.py"; "/dev/null" to null. */
  private static String stripPrefix(String p) {
    String path = p.split("\t", 2)[0].trim();
    if (path.equals("/dev/null")) {
      return null;
    }
    return path.startsWith("a/") || path.startsWith("b/") ? path.substring(2) : path;
  }
}
