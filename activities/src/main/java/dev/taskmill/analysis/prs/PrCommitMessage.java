package dev.taskmill.analysis.prs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PR number, title and body from a commit message: GitHub's merge commits ("Merge pull
 * request #N from owner/branch", title on the next paragraph) and squash commits ("Title (#N)").
 */
record PrCommitMessage(int number, String title, String body, boolean mergeSubject) {
  private static final Pattern MERGE =
      Pattern.compile("^Merge pull request #(\\d+) from (\\S+).*$");
  private static final Pattern SQUASH = Pattern.compile("^(.*?)\\s*\\(#(\\d+)\\)\\s*$");

  /** The PR a commit message names, or empty for an ordinary commit. */
  static Optional<PrCommitMessage> parse(String fullMessage) {
    String message = fullMessage == null ? "" : fullMessage.strip();
    int newline = message.indexOf('\n');
    String subject = (newline < 0 ? message : message.substring(0, newline)).strip();
    String rest = newline < 0 ? "" : message.substring(newline + 1).strip();
    Matcher merge = MERGE.matcher(subject);
    if (merge.matches()) {
      int titleEnd = rest.indexOf('\n');
      String title = (titleEnd < 0 ? rest : rest.substring(0, titleEnd)).strip();
      String body = titleEnd < 0 ? "" : rest.substring(titleEnd + 1).strip();
      String shownTitle = title.isEmpty() ? fromBranch(merge.group(2)) : title;
      return number(merge.group(1)).map(n -> new PrCommitMessage(n, shownTitle, body, true));
    }
    Matcher squash = SQUASH.matcher(subject);
    if (squash.matches()) {
      return number(squash.group(2))
          .map(n -> new PrCommitMessage(n, squash.group(1).strip(), rest, false));
    }
    return Optional.empty();
  }

  /**
   * "bob/fix-null-crash" reads "fix null crash": a merge without a title paragraph only has its
   * branch name.
   */
  private static String fromBranch(String ownerAndBranch) {
    return ownerAndBranch
        .substring(ownerAndBranch.indexOf('/') + 1)
        .replaceAll("[-_/]+", " ")
        .strip();
  }

  private static Optional<Integer> number(String digits) {
    try {
      int n = Integer.parseInt(digits);
      return n > 0 ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException tooLong) {
      return Optional.empty();
    }
  }
}
