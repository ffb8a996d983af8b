package dev.taskmill.cli;

import dev.taskmill.batch.BatchEntry;
import dev.taskmill.git.RepoLocation;
import dev.taskmill.workflow.WorkflowIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a batch file: one repository per line, {@code REPO} or {@code REPO PR}; {@code #} starts a
 * comment (at the start of a line or after a space, so URLs keep theirs); blank lines are skipped;
 * a relative path is relative to the file's folder; a line repeated is taken once.
 */
final class BatchFile {
  /** The batch file cannot be read, or a line is not REPO [PR]. */
  static final int INVALID = 30;

  private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");
  private static final Pattern REMOTE =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://.*|[\\w.-]+@[\\w.-]+:.+)$");

  private BatchFile() {}

  /** The entries of {@code file} in order, or a UserError naming the file and line. */
  static List<BatchEntry> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError(
          INVALID,
          "cannot read the batch file "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")");
    }
    Path folder = file.toAbsolutePath().normalize().getParent();
    Set<BatchEntry> entries = new LinkedHashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = COMMENT.matcher(lines.get(i)).replaceFirst("").strip();
      if (line.isEmpty()) {
        continue;
      }
      entries.add(entry(line, folder, file + ":" + (i + 1)));
    }
    if (entries.isEmpty()) {
      throw new UserError(
          INVALID,
          "the batch file " + file + " lists no repository; write one per line: REPO [PR]");
    }
    return new ArrayList<>(entries);
  }

  private static BatchEntry entry(String line, Path folder, String where) {
    String[] words = line.split("\\s+");
    if (words.length > 2) {
      throw new UserError(INVALID, where + ": '" + line + "' is not REPO [PR]");
    }
    Integer pr = null;
    if (words.length == 2) {
      String number = words[1].startsWith("#") ? words[1].substring(1) : words[1];
      try {
        pr = Integer.parseInt(number);
      } catch (NumberFormatException e) {
        pr = -1;
      }
      if (pr <= 0) {
        throw new UserError(
            INVALID,
            where
                + ": '"
                + words[1]
                + "' is not a PR number; write REPO [PR], e.g. "
                + "https://github.com/pallets/click 3764");
      }
    }
    String repo = words[0];
    if (!REMOTE.matcher(repo).matches() && !Path.of(repo).isAbsolute()) {
      repo = folder.resolve(repo).normalize().toString();
    }
    try {
      return new BatchEntry(RepoLocation.of(repo).url(), pr);
    } catch (IllegalArgumentException e) {
      throw new UserError(INVALID, where + ": " + e.getMessage());
    }
  }

  /** The batch's content hash: the same entries and --mine give the same batch id. */
  static String hash(List<BatchEntry> entries, Integer mine) {
    StringBuilder text = new StringBuilder("mine=").append(mine).append('\n');
    for (BatchEntry entry : entries) {
      text.append(entry.repoUrl()).append(' ').append(entry.prNumber()).append('\n');
    }
    return WorkflowIds.contentHash(text.toString());
  }
}
