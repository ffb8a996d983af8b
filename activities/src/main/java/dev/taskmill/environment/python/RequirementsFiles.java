package dev.taskmill.environment.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * pip requirements files: which of a project's {@code requirements*.txt} and {@code requirements/}
 * files matter for its tests, and their requirements with {@code -r} includes followed (inside the
 * project only).
 */
public final class RequirementsFiles {
  private static final Pattern FILE = Pattern.compile("requirements([-_.][\\w.-]*)?\\.(txt|in)");

  /** Files for documentation, linters or releases: not what the tests run with. */
  private static final Pattern NOT_FOR_TESTS =
      Pattern.compile(
          "(?i).*(doc|lint|mypy|typing|type-check|release"
              + "|publish|deploy|style|format|pre-commit|benchmark|bench).*");

  private static final Pattern INCLUDE =
      Pattern.compile("^\\s*(?:-r|--requirement)(?:\\s*=\\s*|\\s+|(?=\\S))(\\S+)");

  /** The name given to "-e .[test]" or ".[test]": the project itself with those extras. */
  public static final String SELF = "taskmill-this-project";

  private static final Pattern SELF_LINE =
      Pattern.compile("^\\s*(?:(?:-e|--editable)\\s+)?\\.\\[([^\\]]+)\\]\\s*$");

  private RequirementsFiles() {}

  /**
   * The requirements files of {@code project} that the tests use, project-relative:
   * requirements*.txt at the top and the files of a requirements/ folder, without those for docs,
   * linting or releases; a ".in" (pip-tools' input) only where no ".txt" of the same name exists.
   */
  public static List<String> select(Path project) {
    List<String> out = new ArrayList<>();
    out.addAll(filesIn(project, "", true));
    out.addAll(filesIn(project, "requirements", false));
    return out;
  }

  /**
   * The name part that decides whether a file is for tests: "requirements-docs.txt" is for docs.
   */
  static boolean forTests(String relative) {
    return !NOT_FOR_TESTS
        .matcher(relative.toLowerCase(Locale.ROOT).replace("requirements", ""))
        .matches();
  }

  private static List<String> filesIn(Path project, String folder, boolean named) {
    Path dir = folder.isEmpty() ? project : project.resolve(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names =
          files
              .filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .filter(
                  n -> named ? FILE.matcher(n).matches() : n.endsWith(".txt") || n.endsWith(".in"))
              .sorted()
              .toList();
      List<String> out = new ArrayList<>();
      for (String name : names) {
        String relative = folder.isEmpty() ? name : folder + "/" + name;
        boolean shadowed =
            name.endsWith(".in") && names.contains(name.substring(0, name.length() - 3) + ".txt");
        if (!shadowed && forTests(relative)) {
          out.add(relative);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The requirements in {@code relative} and the files it includes; includes that leave the
   * project, do not exist or are for docs, linting or releases are skipped, each file read once.
   */
  public static List<PythonRequirement> read(Path project, String relative) {
    List<PythonRequirement> out = new ArrayList<>();
    read(project, relative, out, new HashSet<>());
    return out;
  }

  private static void read(
      Path project, String relative, List<PythonRequirement> out, Set<Path> seen) {
    Path file = project.resolve(relative).normalize();
    if (!file.startsWith(project) || !Files.isRegularFile(file) || !seen.add(file)) {
      return;
    }
    List<String> lines;
    try {
      lines = joinContinuations(Files.readAllLines(file));
    } catch (IOException e) {
      return; // an unreadable file is as good as none
    }
    String origin = project.relativize(file).toString();
    for (String line : lines) {
      var include = INCLUDE.matcher(line);
      if (include.find()) {
        String target = include.group(1).replace("{toxinidir}/", "");
        // A dev file that includes the docs' or the linters' pins must not pull them into the
        // tests: their exact pins are often older than any wheel for the image's Python.
        if (!forTests(target)) {
          continue;
        }
        read(
            project,
            project.relativize(file.resolveSibling(target).normalize()).toString(),
            out,
            seen);
        continue;
      }
      var self = SELF_LINE.matcher(line);
      if (self.matches()) {
        out.add(
            new PythonRequirement(
                ".", SELF, List.of(self.group(1).split("\\s*,\\s*")), origin, false));
        continue;
      }
      PythonRequirement.parse(line, origin, false).ifPresent(out::add);
    }
  }

  /** pip joins a line ending in a backslash with the next one. */
  static List<String> joinContinuations(List<String> lines) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
      } else {
        out.add(current.append(line).toString());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out;
  }
}
