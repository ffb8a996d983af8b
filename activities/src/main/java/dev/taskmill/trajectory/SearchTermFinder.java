package dev.taskmill.trajectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names the locate steps search for: frames of FAIL_pre_patch.log, then words of the
 * FAIL_TO_PASS ids.
 */
final class SearchTermFinder {
  private static final Pattern FRAME_CALL = Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]{2,})\\(");
  private static final Pattern PY_FRAME =
      Pattern.compile("^\\S+\\.py:\\d+: in ([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern JVM_FRAME =
      Pattern.compile("at ([\\w$.]+)\\.([\\w$]+)\\([\\w$]+\\.(?:java|kt):\\d+\\)");
  private static final Set<String> NOISE =
      Set.of(
          "test",
          "tests",
          "assert",
          "assertEquals",
          "assertThat",
          "expect",
          "equal",
          "equals",
          "self",
          "True",
          "False",
          "None",
          "print",
          "main",
          "should",
          "when",
          "then",
          "with",
          "from",
          "that",
          "returns",
          "return",
          "AssertionError",
          "toBe",
          "Fatalf",
          "Errorf",
          "invoke",
          "lambda",
          "where",
          "int");

  private SearchTermFinder() {}

  /**
   * Up to two names that occur as words in a gold file at the base; the first gold file's stem if
   * none does.
   */
  static List<String> find(TrajectoryContext ctx, SessionTools tools)
      throws IOException, InterruptedException {
    Set<String> candidates = new LinkedHashSet<>();
    Path log = ctx.workDir().resolve("FAIL_pre_patch.log");
    if (Files.isRegularFile(log)) {
      for (String line : Files.readAllLines(log)) {
        Matcher py = PY_FRAME.matcher(line.strip());
        if (py.find()) {
          candidates.add(py.group(1));
        }
        Matcher jvm = JVM_FRAME.matcher(line);
        while (jvm.find()) {
          String cls = jvm.group(1);
          if (!cls.startsWith("java.")
              && !cls.startsWith("org.junit")
              && !cls.startsWith("jdk.")
              && !cls.startsWith("sun.")
              && !cls.startsWith("org.apache.maven")) {
            candidates.add(jvm.group(2));
            candidates.add(cls.substring(cls.lastIndexOf('.') + 1));
          }
        }
        String t = line.strip();
        if (t.startsWith("E ")
            || t.startsWith(">")
            || t.contains("Error")
            || t.contains("expected")) {
          Matcher call = FRAME_CALL.matcher(t);
          while (call.find()) {
            candidates.add(call.group(1));
          }
        }
      }
    }
    for (String id : ctx.f2p()) {
      String shortName = id.replaceAll(".*(::|#|/| > )", "");
      for (String word : shortName.split("_|(?<=[a-z0-9])(?=[A-Z])|\\s+|\\W+")) {
        if (word.length() >= 4) {
          candidates.add(word.toLowerCase(Locale.ROOT));
          candidates.add(word);
        }
      }
    }
    candidates.removeIf(
        c -> NOISE.contains(c) || c.toLowerCase(Locale.ROOT).startsWith("test") || c.length() < 3);
    // keep the first names that occur as words in a gold file at the base
    List<String> picked = new ArrayList<>();
    for (String name : candidates) {
      if (picked.size() == 2) {
        break;
      }
      StringBuilder files = new StringBuilder();
      ctx.goldFiles().forEach(f -> files.append(' ').append(TestCommands.quote(f)));
      SessionTools.Result r =
          tools.bash(
              "cd "
                  + SessionTools.ROOT
                  + " && grep -lw -- "
                  + TestCommands.quote(name)
                  + files
                  + " 2>/dev/null",
              null);
      if (r.exitCode() == 0 && !r.output().isBlank()) {
        picked.add(name);
      }
    }
    if (picked.isEmpty()) {
      String gold = ctx.goldFiles().iterator().next();
      String stem = gold.substring(gold.lastIndexOf('/') + 1).replaceFirst("\\.[^.]*$", "");
      picked.add(stem);
    }
    return picked;
  }
}
