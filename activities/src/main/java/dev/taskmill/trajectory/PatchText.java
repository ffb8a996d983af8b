package dev.taskmill.trajectory;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares two unified diffs by what they change, ignoring what differs between git and JGit's
 * writing.
 */
final class PatchText {
  private PatchText() {}

  /**
   * True when both diffs touch the same files with the same hunks and lines. Index lines
   * (abbreviated differently by git and JGit) and the function context after a hunk header are
   * ignored.
   */
  static boolean sameChanges(String a, String b) {
    List<String> left = changes(a);
    return !left.isEmpty() && left.equals(changes(b));
  }

  private static List<String> changes(String diff) {
    List<String> out = new ArrayList<>();
    for (String line : diff.split("\n", -1)) {
      if (line.startsWith("index ") || line.isEmpty()) {
        continue;
      }
      if (line.startsWith("@@")) {
        int end = line.indexOf("@@", 2);
        out.add(end < 0 ? line : line.substring(0, end + 2));
      } else if (line.startsWith("diff --git ")
          || line.startsWith("--- ")
          || line.startsWith("+++ ")
          || line.startsWith("+")
          || line.startsWith("-")
          || line.startsWith(" ")
          || line.startsWith("\\")
          || line.startsWith("new file")
          || line.startsWith("deleted file")
          || line.startsWith("rename ")) {
        out.add(line);
      }
    }
    return out;
  }
}
