package dev.taskmill.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code @@ -oldStart,oldLines +newStart,newLines @@} hunk with the changed line numbers of
 * each side.
 *
 * @param removedLines 1-based line numbers in the old content of the lines the hunk removes
 * @param addedLines 1-based line numbers in the new content of the lines the hunk adds
 * @param lines the body as written, each line with its ' ', '-' or '+' prefix ("\ No newline"
 *     markers dropped, an empty line read as " ", a carriage return before the newline kept so that
 *     the texts match CRLF files)
 */
public record PatchHunk(
    int oldStart,
    int oldLines,
    int newStart,
    int newLines,
    List<Integer> removedLines,
    List<Integer> addedLines,
    List<String> lines) {
  public PatchHunk {
    removedLines = List.copyOf(removedLines);
    addedLines = List.copyOf(addedLines);
    lines = List.copyOf(lines);
  }

  /**
   * A hunk made of {@code lines} (prefixed as in {@link #lines()}): counts and line numbers follow
   * from them.
   */
  public static PatchHunk of(int oldStart, int newStart, List<String> lines) {
    List<Integer> removed = new ArrayList<>();
    List<Integer> added = new ArrayList<>();
    int oldLine = oldStart;
    int newLine = newStart;
    for (String l : lines) {
      if (l.startsWith("-")) {
        removed.add(oldLine++);
      } else if (l.startsWith("+")) {
        added.add(newLine++);
      } else {
        oldLine++;
        newLine++;
      }
    }
    return new PatchHunk(
        oldStart, oldLine - oldStart, newStart, newLine - newStart, removed, added, lines);
  }

  /** Context and removed lines, joined with newlines (each line ending in one). */
  public String oldText() {
    return join('-');
  }

  /** Context and added lines, joined with newlines (each line ending in one). */
  public String newText() {
    return join('+');
  }

  /** The texts of the added lines, without their prefix. */
  public List<String> added() {
    return lines.stream().filter(l -> l.startsWith("+")).map(l -> l.substring(1)).toList();
  }

  /** The texts of the removed lines, without their prefix. */
  public List<String> removed() {
    return lines.stream().filter(l -> l.startsWith("-")).map(l -> l.substring(1)).toList();
  }

  /** The added lines with their numbers in the new content. */
  public List<AddedLine> additions() {
    List<String> texts = added();
    List<AddedLine> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      out.add(new AddedLine(addedLines.get(i), texts.get(i)));
    }
    return out;
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
