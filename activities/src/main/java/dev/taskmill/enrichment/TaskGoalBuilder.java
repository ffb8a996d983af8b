package dev.taskmill.enrichment;

import dev.taskmill.analysis.PullRequest;
import dev.taskmill.diff.AddedLine;
import dev.taskmill.diff.PatchFile;
import dev.taskmill.diff.UnifiedDiffParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds {@link TaskGoal} from the PR: the title, the body without markdown noise (HTML comments,
 * images, link targets, heading marks, check boxes, emphasis), the linked issues; and without any
 * line or code block that holds an added line of fix.patch.
 */
public final class TaskGoalBuilder {
  /**
   * Added fix lines shorter than this (after normalizing) are too common to count as a leak ("}",
   * "return x").
   */
  public static final int MIN_LEAK_CHARS = 12;

  private static final Pattern HTML_COMMENT = Pattern.compile("(?s)<!--.*?-->");
  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((?:[^)]*)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");
  private static final Pattern CHECKBOX = Pattern.compile("^([-*+]\\s+)\\[[ xX]]\\s+");
  private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__)(.+?)\\1");
  private static final Pattern HTML_TAG =
      Pattern.compile("</?(?:details|summary|br|p|sub|sup|kbd)\\s*/?>", Pattern.CASE_INSENSITIVE);
  private static final Pattern RULE = Pattern.compile("^\\s*(?:-{3,}|\\*{3,}|_{3,})\\s*$");

  private TaskGoalBuilder() {}

  public static TaskGoal build(PullRequest pr, String fixPatch) {
    Set<String> fixLines = fixLines(fixPatch);
    int[] counts = new int[2]; // found, checked
    List<String> sources = new ArrayList<>();
    StringBuilder statement = new StringBuilder();
    String title = clean(pr.title(), fixLines, counts).strip();
    if (!title.isEmpty()) {
      sources.add("pr-title");
      statement.append(title);
    }
    String body = clean(pr.body(), fixLines, counts).strip();
    if (!body.isEmpty()) {
      sources.add("pr-body");
      statement.append(statement.isEmpty() ? "" : "\n\n").append(body);
    }
    for (Integer issue : pr.linkedIssues()) {
      sources.add("linked-issue #" + issue);
    }
    if (!pr.linkedIssues().isEmpty()) {
      statement
          .append(statement.isEmpty() ? "" : "\n\n")
          .append("Linked issue")
          .append(pr.linkedIssues().size() > 1 ? "s: " : ": ")
          .append(String.join(", ", pr.linkedIssues().stream().map(n -> "#" + n).toList()))
          .append('.');
    }
    if (statement.isEmpty()) {
      statement.append("Fix the bug that pull request #").append(pr.number()).append(" addresses.");
    }
    return new TaskGoal(
        statement.toString(), sources, new TaskGoal.LeakCheck(counts[0], counts[1]));
  }

  /**
   * The fix's added lines, whitespace-normalized, of at least {@link #MIN_LEAK_CHARS} characters.
   */
  static Set<String> fixLines(String fixPatch) {
    Set<String> lines = new LinkedHashSet<>();
    for (PatchFile file : UnifiedDiffParser.parse(fixPatch)) {
      for (AddedLine line : file.additions()) {
        String n = normalize(line.text());
        if (n.length() >= MIN_LEAK_CHARS) {
          lines.add(n);
        }
      }
    }
    return lines;
  }

  static String normalize(String line) {
    return line.strip().replaceAll("\\s+", " ");
  }

  static boolean leaks(String line, Set<String> fixLines) {
    String n = normalize(line).replace("`", "");
    if (n.length() < MIN_LEAK_CHARS) {
      return false;
    }
    for (String fix : fixLines) {
      if (n.contains(fix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text without markdown noise and without leaking lines; counts[0] += leaks, counts[1] +=
   * checked lines.
   */
  static String clean(String text, Set<String> fixLines, int[] counts) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String noComments = HTML_COMMENT.matcher(text.replace("\r\n", "\n")).replaceAll("");
    List<String> out = new ArrayList<>();
    List<String> block = null;
    boolean blockLeaks = false;
    for (String line : noComments.split("\n", -1)) {
      boolean fence = line.strip().startsWith("```") || line.strip().startsWith("~~~");
      if (block != null) {
        if (fence) {
          if (!blockLeaks && block.size() > 0) {
            out.addAll(block);
          }
          block = null;
          continue;
        }
        if (!line.isBlank()) {
          counts[1]++;
          if (leaks(line, fixLines)) {
            counts[0]++;
            blockLeaks = true;
          }
        }
        block.add(line.stripTrailing());
        continue;
      }
      if (fence) {
        block = new ArrayList<>();
        blockLeaks = false;
        continue;
      }
      if (line.isBlank()) {
        if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) {
          out.add("");
        }
        continue;
      }
      counts[1]++;
      if (leaks(line, fixLines)) {
        counts[0]++;
        continue;
      }
      String cleaned = inline(line);
      if (!cleaned.isBlank()) {
        out.add(cleaned);
      }
    }
    if (block != null && !blockLeaks) {
      out.addAll(block); // an unclosed fence: keep its text
    }
    return String.join("\n", out).strip();
  }

  private static String inline(String line) {
    if (RULE.matcher(line).matches()) {
      return "";
    }
    String s = IMAGE.matcher(line).replaceAll("");
    s = LINK.matcher(s).replaceAll("$1");
    s = HTML_TAG.matcher(s).replaceAll("");
    if (HEADING.matcher(s.stripLeading()).find()) {
      s = HEADING.matcher(s.stripLeading()).replaceFirst("");
    }
    s = CHECKBOX.matcher(s).replaceAll("$1");
    s = EMPHASIS.matcher(s).replaceAll("$2");
    return s.stripTrailing();
  }
}
