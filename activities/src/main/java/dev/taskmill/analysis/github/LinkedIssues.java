package dev.taskmill.analysis.github;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issues a PR links: GitHub's closing keywords in the body ("fixes #12", "Closes org/repo#3")
 * and issue references in the title ("Crash on empty input, #45"), never the PR's own number.
 */
public final class LinkedIssues {
  private static final Pattern CLOSING =
      Pattern.compile(
          "(?i)\\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\\s*:?\\s+(?:[\\w.-]+/[\\w.-]+)?#(\\d{1,9})\\b");
  private static final Pattern CLOSING_URL =
      Pattern.compile(
          "(?i)\\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\\s*:?\\s+https?://\\S+/issues/(\\d{1,9})\\b");
  private static final Pattern REFERENCE =
      Pattern.compile("(?:^|[\\s(\\[,])(?:[\\w.-]+/[\\w.-]+)?#(\\d{1,9})\\b");

  private LinkedIssues() {}

  /**
   * The linked issue numbers in order of appearance, without duplicates and without {@code
   * prNumber}.
   */
  public static List<Integer> find(String title, String body, int prNumber) {
    Set<Integer> issues = new LinkedHashSet<>();
    String text = body == null ? "" : body;
    addAll(CLOSING.matcher(text), issues);
    addAll(CLOSING_URL.matcher(text), issues);
    addAll(REFERENCE.matcher(title == null ? "" : title), issues);
    issues.remove(prNumber);
    return List.copyOf(issues);
  }

  private static void addAll(Matcher matcher, Set<Integer> into) {
    while (matcher.find()) {
      into.add(Integer.parseInt(matcher.group(1)));
    }
  }
}
