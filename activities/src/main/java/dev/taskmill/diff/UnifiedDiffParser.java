package dev.taskmill.diff;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a unified git diff (as git and JGit write fix.patch and tests.patch) into files and hunks.
 */
public final class UnifiedDiffParser {
  private static final Pattern HUNK =
      Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");
  private static final String DEV_NULL = "/dev/null";

  private UnifiedDiffParser() {}

  /**
   * The files of {@code diff} in order; text before the first {@code diff --git} line is ignored.
   */
  public static List<PatchFile> parse(String diff) {
    return parse(diff, false);
  }

  /**
   * Like {@link #parse(String)}, for diffs written by hand whose {@code @@} counts may be off: a
   * hunk runs to the next hunk or file header, every line in it with a ' ', '+' or '-' prefix
   * belongs to it (other lines are skipped), and blank context lines at its end are taken for
   * separators and dropped.
   */
  public static List<PatchFile> parseByPrefixes(String diff) {
    return parse(diff, true);
  }

  private static List<PatchFile> parse(String diff, boolean byPrefixes) {
    List<PatchFile> files = new ArrayList<>();
    if (diff == null || diff.isEmpty()) {
      return files;
    }
    String[] raw = diff.split("\n", -1);
    String[] lines = new String[raw.length];
    for (int k = 0; k < raw.length; k++) {
      lines[k] = raw[k].endsWith("\r") ? raw[k].substring(0, raw[k].length() - 1) : raw[k];
    }
    FileBuilder current = null;
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      if (line.startsWith("diff --git ")) {
        if (current != null) {
          files.add(current.build());
        }
        current = new FileBuilder(line.substring("diff --git ".length()));
        i++;
      } else if (current == null) {
        i++;
      } else if (line.startsWith("@@ ")) {
        i =
            byPrefixes
                ? readHunkByPrefixes(lines, raw, i, current)
                : readHunk(lines, raw, i, current);
      } else if (line.equals("GIT binary patch")
          || (line.startsWith("Binary files ") && line.endsWith(" differ"))) {
        current.binary = true;
        // The base85 payload follows until the next file; none of it is a header or a hunk.
        i++;
        while (i < lines.length && !lines[i].startsWith("diff --git ")) {
          i++;
        }
      } else {
        current.header(line);
        i++;
      }
    }
    if (current != null) {
      files.add(current.build());
    }
    return files;
  }

  /** Reads one hunk starting at {@code start}; returns the index of the first line after it. */
  private static int readHunk(String[] lines, String[] raw, int start, FileBuilder file) {
    Matcher m = HUNK.matcher(lines[start]);
    if (!m.matches()) {
      return start + 1;
    }
    int oldStart = Integer.parseInt(m.group(1));
    int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
    int newStart = Integer.parseInt(m.group(3));
    int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
    List<Integer> removed = new ArrayList<>();
    List<Integer> added = new ArrayList<>();
    List<String> body = new ArrayList<>();
    int oldLine = oldStart;
    int newLine = newStart;
    int oldLeft = oldCount;
    int newLeft = newCount;
    int i = start + 1;
    // Counting down both sides (not looking at prefixes) is what tells a removed "-- x" line from a
    // header.
    while (i < lines.length && (oldLeft > 0 || newLeft > 0 || lines[i].startsWith("\\"))) {
      String line = lines[i];
      if (line.startsWith("\\")) {
        // "\ No newline at end of file": belongs to the previous line, counts on no side.
      } else if (line.startsWith("-")) {
        removed.add(oldLine++);
        oldLeft--;
        body.add(raw[i]);
      } else if (line.startsWith("+")) {
        added.add(newLine++);
        newLeft--;
        body.add(raw[i]);
      } else if (line.startsWith(" ") || line.isEmpty()) {
        // Some tools strip the single space of an empty context line.
        oldLine++;
        newLine++;
        oldLeft--;
        newLeft--;
        body.add(line.isEmpty() ? " " : raw[i]);
      } else {
        break;
      }
      i++;
    }
    file.hunks.add(new PatchHunk(oldStart, oldCount, newStart, newCount, removed, added, body));
    return i;
  }

  /**
   * Reads one hunk as {@link #parseByPrefixes} does; returns the index of the next hunk or file
   * header.
   */
  private static int readHunkByPrefixes(String[] lines, String[] raw, int start, FileBuilder file) {
    Matcher m = HUNK.matcher(lines[start]);
    if (!m.matches()) {
      return start + 1;
    }
    List<String> body = new ArrayList<>();
    int i = start + 1;
    while (i < lines.length
        && !lines[i].startsWith("diff --git ")
        && !HUNK.matcher(lines[i]).matches()) {
      String line = raw[i];
      if (line.startsWith(" ") || line.startsWith("+") || line.startsWith("-")) {
        body.add(line);
      } else if (line.isEmpty()) {
        body.add(" "); // some tools drop the space of an empty context line
      }
      // "\ No newline at end of file" and anything else: skipped
      i++;
    }
    // The patch text's last newline, or blank lines between files, would read as blank context
    // lines at the end.
    while (!body.isEmpty() && body.get(body.size() - 1).equals(" ")) {
      body.remove(body.size() - 1);
    }
    PatchHunk counted =
        PatchHunk.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), body);
    int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
    int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
    file.hunks.add(
        new PatchHunk(
            counted.oldStart(),
            oldCount,
            counted.newStart(),
            newCount,
            counted.removedLines(),
            counted.addedLines(),
            body));
    return i;
  }

  /** Collects one file's header lines and hunks. */
  private static final class FileBuilder {
    private final String gitLine;
    private String oldPath;
    private String newPath;
    private boolean oldSeen;
    private boolean newSeen;
    private PatchFile.Change change = PatchFile.Change.MODIFIED;
    private boolean binary;
    private final List<PatchHunk> hunks = new ArrayList<>();

    FileBuilder(String gitLine) {
      this.gitLine = gitLine;
    }

    void header(String line) {
      if (line.startsWith("--- ")) {
        oldPath = stripPrefix(path(line.substring(4)));
        oldSeen = true;
      } else if (line.startsWith("+++ ")) {
        newPath = stripPrefix(path(line.substring(4)));
        newSeen = true;
      } else if (line.startsWith("new file mode")) {
        change = PatchFile.Change.ADDED;
      } else if (line.startsWith("deleted file mode")) {
        change = PatchFile.Change.DELETED;
      } else if (line.startsWith("rename from ")) {
        change = PatchFile.Change.RENAMED;
        oldPath = path(line.substring("rename from ".length()));
        oldSeen = true;
      } else if (line.startsWith("rename to ")) {
        newPath = path(line.substring("rename to ".length()));
        newSeen = true;
      } else if (line.startsWith("copy from ")) {
        change = PatchFile.Change.COPIED;
        oldPath = path(line.substring("copy from ".length()));
        oldSeen = true;
      } else if (line.startsWith("copy to ")) {
        newPath = path(line.substring("copy to ".length()));
        newSeen = true;
      }
    }

    PatchFile build() {
      if (!oldSeen || !newSeen) {
        // Binary files and mode-only changes have no ---/+++ lines: the paths come from the diff
        // --git line.
        String[] both = splitGitLine(gitLine);
        if (!oldSeen) {
          oldPath = both[0];
        }
        if (!newSeen) {
          newPath = both[1];
        }
      }
      if (DEV_NULL.equals(oldPath) || change == PatchFile.Change.ADDED) {
        change = PatchFile.Change.ADDED;
        oldPath = null;
      }
      if (DEV_NULL.equals(newPath) || change == PatchFile.Change.DELETED) {
        change = PatchFile.Change.DELETED;
        newPath = null;
      }
      if (change == PatchFile.Change.MODIFIED && oldPath != null && !oldPath.equals(newPath)) {
        change = PatchFile.Change.RENAMED;
      }
      return new PatchFile(oldPath, newPath, change, binary, hunks);
    }
  }

  /** A header path: unquoted, with a trailing tab-separated timestamp (non-git diffs) cut off. */
  private static String path(String raw) {
    String s = raw.strip();
    if (s.startsWith("\"")) {
      return unquote(s);
    }
    int tab = s.indexOf('\t');
    return tab >= 0 ? s.substring(0, tab) : s;
  }

  private static String stripPrefix(String p) {
    if (DEV_NULL.equals(p)) {
      return p;
    }
    return p.startsWith("a/") || p.startsWith("b/") ? p.substring(2) : p;
  }

  /** Splits "a/X b/Y" of a diff --git line; for unquoted paths with spaces it relies on X == Y. */
  static String[] splitGitLine(String rest) {
    if (rest.startsWith("\"")) {
      int end = closingQuote(rest);
      String first = unquote(rest.substring(0, end + 1));
      String second = path(rest.substring(end + 1));
      return new String[] {stripPrefix(first), stripPrefix(second)};
    }
    int half = (rest.length() - 1) / 2;
    if (rest.length() % 2 == 1
        && rest.charAt(half) == ' '
        && rest.substring(2, half).equals(rest.substring(half + 3))) {
      return new String[] {
        stripPrefix(rest.substring(0, half)), stripPrefix(rest.substring(half + 1))
      };
    }
    int split = rest.lastIndexOf(" b/");
    if (split < 0) {
      split = rest.lastIndexOf(' ');
    }
    return new String[] {
      stripPrefix(rest.substring(0, split)), stripPrefix(path(rest.substring(split + 1)))
    };
  }

  private static int closingQuote(String s) {
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.charAt(i) == '"') {
        return i;
      }
    }
    return s.length() - 1;
  }

  /** Git's C-style quoting: escapes and octal bytes of the UTF-8 path. */
  static String unquote(String quoted) {
    String s = quoted.substring(1, quoted.endsWith("\"") ? quoted.length() - 1 : quoted.length());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        continue;
      }
      char e = s.charAt(++i);
      if (e >= '0' && e <= '7' && i + 2 < s.length()) {
        out.write(Integer.parseInt(s.substring(i, i + 3), 8));
        i += 2;
      } else {
        out.write(
            switch (e) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              case 'a' -> 7;
              case 'b' -> '\b';
              case 'f' -> '\f';
              case 'v' -> 11;
              default -> e;
            });
      }
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
