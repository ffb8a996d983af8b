package dev.taskmill.trajectory;

import dev.taskmill.analysis.Language;
import dev.taskmill.diff.PatchFile;
import dev.taskmill.diff.PatchHunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wrong fixes a failed trajectory may try, in the fixed order of {@link FailureMode}: each one
 * an edit list on the base snapshot, derived from the gold fix (and, for TEST_EDITED, from
 * tests.patch). Pure: no Docker.
 */
public final class CandidateGenerator {
  /**
   * One edit as the str_replace_editor makes it: replace oldStr by newStr in path, or create path.
   */
  public record FileEdit(String path, String oldStr, String newStr, boolean create) {
    public static FileEdit replace(String path, String oldStr, String newStr) {
      return new FileEdit(path, oldStr, newStr, false);
    }

    public static FileEdit create(String path, String content) {
      return new FileEdit(path, "", content, true);
    }
  }

  /**
   * A wrong fix: its mode, what it does in words, and its edits (source edits; test edits for
   * TEST_EDITED).
   */
  public record Candidate(FailureMode mode, String description, List<FileEdit> edits) {
    public Candidate {
      edits = List.copyOf(edits);
    }
  }

  /** Mutations of an added line, tried in this order; the first that matches is used. */
  private static final List<String[]> MUTATIONS =
      List.of(
          new String[] {" <= ", " < "},
          new String[] {" >= ", " > "},
          new String[] {" < ", " <= "},
          new String[] {" > ", " >= "},
          new String[] {" == ", " != "},
          new String[] {" != ", " == "},
          new String[] {" && ", " || "},
          new String[] {" || ", " && "},
          new String[] {" and ", " or "},
          new String[] {" or ", " and "},
          new String[] {"if not ", "if "},
          new String[] {"if (!", "if ("},
          new String[] {"min(", "max("},
          new String[] {"max(", "min("},
          new String[] {"True", "False"},
          new String[] {"true", "false"},
          new String[] {" + 1", ""},
          new String[] {" - 1", ""});

  private static final Pattern INDENT = Pattern.compile("^(\\s*)");

  private CandidateGenerator() {}

  /** The gold fix as editor edits, hunk by hunk. */
  public static List<FileEdit> goldEdits(List<PatchFile> fix) {
    List<FileEdit> edits = new ArrayList<>();
    for (PatchFile f : fix) {
      if (f.deleted()) {
        continue;
      }
      if (f.created()) {
        StringBuilder content = new StringBuilder();
        f.hunks().forEach(h -> content.append(h.newText()));
        edits.add(FileEdit.create(f.path(), content.toString()));
        continue;
      }
      for (PatchHunk h : f.hunks()) {
        edits.add(FileEdit.replace(f.path(), h.oldText(), h.newText()));
      }
    }
    return edits;
  }

  /**
   * Every candidate that can be derived, in the order they are tried.
   *
   * @param base the base contents of the fix's files and of other files among the search hits (for
   *     WRONG_LOCATION)
   * @param testsAfter the test files' contents after the reproduction (the PR's tests written in),
   *     for TEST_EDITED
   */
  public static List<Candidate> generate(
      List<PatchFile> fix, List<PatchFile> tests, Map<String, String> base, Language language) {
    List<Candidate> out = new ArrayList<>();
    incomplete(fix).ifPresent(out::add);
    wrongLocation(fix, base).ifPresent(out::add);
    symptomGuard(fix, language).ifPresent(out::add);
    mutated(fix).ifPresent(out::add);
    testEdited(tests).ifPresent(out::add);
    return out;
  }

  static java.util.Optional<Candidate> incomplete(List<PatchFile> fix) {
    List<PatchFile> editable = fix.stream().filter(f -> !f.deleted()).toList();
    if (editable.size() > 1) {
      PatchFile first = editable.get(0);
      return java.util.Optional.of(
          new Candidate(
              FailureMode.INCOMPLETE_FIX,
              "fixes "
                  + first.path()
                  + " only and leaves the other "
                  + (editable.size() - 1)
                  + " file(s) of the fix unchanged",
              goldEdits(List.of(first))));
    }
    if (editable.isEmpty()) {
      return java.util.Optional.empty();
    }
    PatchFile only = editable.get(0);
    if (only.hunks().size() > 1) {
      List<PatchHunk> subset = only.hunks().subList(0, only.hunks().size() - 1);
      return java.util.Optional.of(
          new Candidate(
              FailureMode.INCOMPLETE_FIX,
              "applies "
                  + subset.size()
                  + " of the "
                  + only.hunks().size()
                  + " hunks of the fix in "
                  + only.path()
                  + "; the last change is missing",
              goldEdits(List.of(only.withHunks(subset)))));
    }
    if (only.hunks().size() == 1 && !only.created()) {
      PatchHunk h = only.hunks().get(0);
      List<Integer> addedAt = new ArrayList<>();
      for (int i = 0; i < h.lines().size(); i++) {
        if (h.lines().get(i).startsWith("+")) {
          addedAt.add(i);
        }
      }
      if (addedAt.size() >= 2) {
        // Keep the removals and the first half of the added lines: a strict subset of the changed
        // lines.
        int keep = (addedAt.size() + 1) / 2;
        List<String> lines = new ArrayList<>();
        int seen = 0;
        for (String l : h.lines()) {
          if (l.startsWith("+") && seen++ >= keep) {
            continue;
          }
          lines.add(l);
        }
        PatchHunk partial = PatchHunk.of(h.oldStart(), h.newStart(), lines);
        return java.util.Optional.of(
            new Candidate(
                FailureMode.INCOMPLETE_FIX,
                "writes "
                    + keep
                    + " of the "
                    + addedAt.size()
                    + " added lines of the fix in "
                    + only.path(),
                List.of(FileEdit.replace(only.path(), partial.oldText(), partial.newText()))));
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The fix's first changed line, rewritten the same way, at another place where the same line
   * occurs.
   */
  static java.util.Optional<Candidate> wrongLocation(
      List<PatchFile> fix, Map<String, String> base) {
    for (PatchFile f : fix) {
      for (PatchHunk h : f.hunks()) {
        List<String> removed = h.removed();
        List<String> added = h.added();
        if (removed.isEmpty() || added.isEmpty()) {
          continue;
        }
        String target = removed.get(0).strip();
        if (target.length() < 6) {
          continue;
        }
        String replacement = added.get(0).strip();
        for (Map.Entry<String, String> e : base.entrySet()) {
          String[] lines = e.getValue().split("\n", -1);
          for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().equals(target)) {
              continue;
            }
            boolean gold = e.getKey().equals(f.path()) && Math.abs(i + 1 - goldLine(h)) <= 3;
            if (gold) {
              continue;
            }
            String indent = indent(lines[i]);
            String oldStr = context(lines, i);
            String newStr = oldStr.replace(lines[i] + "\n", indent + replacement + "\n");
            return java.util.Optional.of(
                new Candidate(
                    FailureMode.WRONG_LOCATION,
                    "makes the fix's change at "
                        + e.getKey()
                        + ":"
                        + (i + 1)
                        + ", another place with the same line, instead of "
                        + f.path()
                        + ":"
                        + goldLine(h),
                    List.of(FileEdit.replace(e.getKey(), oldStr, newStr))));
          }
        }
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Keeps the buggy line and wraps it in a guard that swallows the error at the failing call site.
   */
  static java.util.Optional<Candidate> symptomGuard(List<PatchFile> fix, Language language) {
    for (PatchFile f : fix) {
      for (PatchHunk h : f.hunks()) {
        for (String line : h.removed()) {
          String t = line.strip();
          String ind = indent(line);
          String guarded =
              switch (language) {
                case PYTHON ->
                    !t.isEmpty()
                            && !t.endsWith(":")
                            && !t.endsWith("\\")
                            && !t.endsWith(",")
                            && balanced(t)
                            && !t.startsWith("#")
                            && !t.startsWith("@")
                        ? ind
                            + "try:\n"
                            + ind
                            + "    "
                            + t
                            + "\n"
                            + ind
                            + "except Exception:\n"
                            + ind
                            + "    return None\n"
                        : null;
                case JAVASCRIPT, TYPESCRIPT ->
                    t.endsWith(";") && balanced(t)
                        ? ind
                            + "try {\n"
                            + ind
                            + "  "
                            + t
                            + "\n"
                            + ind
                            + "} catch (e) {\n"
                            + ind
                            + "  return undefined;\n"
                            + ind
                            + "}\n"
                        : null;
                default -> null;
              };
          if (guarded == null) {
            continue;
          }
          FileEdit edit =
              FileEdit.replace(
                  f.path(),
                  h.oldText(),
                  h.oldText()
                      .replaceFirst(Pattern.quote(line + "\n"), Matcher.quoteReplacement(guarded)));
          return java.util.Optional.of(
              new Candidate(
                  FailureMode.SYMPTOM_GUARD,
                  "leaves `"
                      + t
                      + "` in "
                      + f.path()
                      + " as it is and wraps it in a guard that returns instead of failing",
                  List.of(edit)));
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** The whole fix with one added line mutated (operator, condition, min/max, off-by-one). */
  static java.util.Optional<Candidate> mutated(List<PatchFile> fix) {
    for (String[] m : MUTATIONS) {
      for (int fi = 0; fi < fix.size(); fi++) {
        PatchFile f = fix.get(fi);
        for (int hi = 0; hi < f.hunks().size(); hi++) {
          PatchHunk h = f.hunks().get(hi);
          for (int li = 0; li < h.lines().size(); li++) {
            String l = h.lines().get(li);
            if (!l.startsWith("+")
                || !l.contains(m[0])
                || l.strip().startsWith("+#")
                || l.contains("//")) {
              continue;
            }
            List<String> lines = new ArrayList<>(h.lines());
            String mutatedLine =
                l.replaceFirst(Pattern.quote(m[0]), Matcher.quoteReplacement(m[1]));
            lines.set(li, mutatedLine);
            List<PatchFile> copy = new ArrayList<>(fix);
            List<PatchHunk> hunks = new ArrayList<>(f.hunks());
            hunks.set(hi, PatchHunk.of(h.oldStart(), h.newStart(), lines));
            copy.set(fi, f.withHunks(hunks));
            return java.util.Optional.of(
                new Candidate(
                    FailureMode.MUTATED_FIX,
                    "writes the fix with `"
                        + m[0].strip()
                        + "` turned into `"
                        + (m[1].isBlank() ? "(nothing)" : m[1].strip())
                        + "` in `"
                        + mutatedLine.substring(1).strip()
                        + "` ("
                        + f.path()
                        + ")",
                    goldEdits(copy)));
          }
        }
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Undoes the PR's test changes in the test files (the failing test is taken out instead of fixing
   * the code).
   */
  static java.util.Optional<Candidate> testEdited(List<PatchFile> tests) {
    List<FileEdit> edits = new ArrayList<>();
    for (PatchFile f : tests) {
      if (f.created()) {
        edits.add(FileEdit.create(f.path(), ""));
        continue;
      }
      for (PatchHunk h : f.hunks()) {
        edits.add(FileEdit.replace(f.path(), h.newText(), h.oldText()));
      }
    }
    if (edits.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new Candidate(
            FailureMode.TEST_EDITED,
            "takes the failing test changes back out of "
                + String.join(", ", tests.stream().map(PatchFile::path).toList())
                + " instead of changing the code",
            edits));
  }

  /**
   * Applies edits to contents (first occurrence of oldStr); returns the changed files' new
   * contents.
   */
  public static Map<String, String> apply(Map<String, String> base, List<FileEdit> edits) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FileEdit e : edits) {
      String current = out.containsKey(e.path()) ? out.get(e.path()) : base.get(e.path());
      if (e.create()) {
        out.put(e.path(), e.newStr());
      } else {
        if (current == null || !current.contains(e.oldStr())) {
          throw new IllegalArgumentException("the edit's old text is not in " + e.path());
        }
        out.put(
            e.path(),
            current.replaceFirst(Pattern.quote(e.oldStr()), Matcher.quoteReplacement(e.newStr())));
      }
    }
    return out;
  }

  /** The git diff of the edits against the base contents (files absent from base are new files). */
  public static String patch(Map<String, String> base, List<FileEdit> edits) {
    StringBuilder s = new StringBuilder();
    apply(base, edits)
        .forEach((path, after) -> s.append(PatchWriter.diff(path, base.get(path), after)));
    return s.toString();
  }

  private static int goldLine(PatchHunk h) {
    int line = h.oldStart();
    for (String l : h.lines()) {
      if (l.startsWith("-")) {
        return line;
      }
      line++;
    }
    return h.oldStart();
  }

  private static String context(String[] lines, int i) {
    StringBuilder b = new StringBuilder();
    for (int k = Math.max(0, i - 1); k <= Math.min(lines.length - 1, i + 1); k++) {
      if (k == lines.length - 1 && lines[k].isEmpty()) {
        break;
      }
      b.append(lines[k]).append('\n');
    }
    return b.toString();
  }

  private static String indent(String line) {
    Matcher m = INDENT.matcher(line);
    return m.find() ? m.group(1) : "";
  }

  private static boolean balanced(String s) {
    int depth = 0;
    for (char c : s.toCharArray()) {
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      }
    }
    return depth == 0;
  }
}
