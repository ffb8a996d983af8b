package dev.taskmill.environment.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The top-level modules a repository's Python files import, and the modules a distribution
 * provides: whether a dependency that cannot be had matters to the tests (they import the project's
 * code, which imports its own).
 */
public final class PythonImports {
  private static final Pattern IMPORT = Pattern.compile("(?m)^[ \\t]*import[ \\t]+([\\w. \\t,]+)");
  private static final Pattern FROM =
      Pattern.compile("(?m)^[ \\t]*from[ \\t]+([\\w.]+)[ \\t]+import\\b");
  private static final Set<String> SKIPPED_DIRS =
      Set.of(
          ".git",
          "node_modules",
          ".tox",
          ".nox",
          "venv",
          ".venv",
          "site-packages",
          "__pycache__",
          "build",
          "dist");

  /** Distributions whose module name is not their name: the common ones. */
  private static final Map<String, List<String>> MODULES =
      Map.ofEntries(
          Map.entry("attrs", List.of("attr", "attrs")),
          Map.entry("pyyaml", List.of("yaml")),
          Map.entry("beautifulsoup4", List.of("bs4")),
          Map.entry("pillow", List.of("PIL")),
          Map.entry("scikit-learn", List.of("sklearn")),
          Map.entry("python-dateutil", List.of("dateutil")),
          Map.entry("protobuf", List.of("google")),
          Map.entry("opencv-python", List.of("cv2")),
          Map.entry("pyjwt", List.of("jwt")),
          Map.entry("pyzmq", List.of("zmq")),
          Map.entry("pycryptodome", List.of("Crypto")),
          Map.entry("setuptools", List.of("setuptools", "pkg_resources")),
          Map.entry("msgpack-python", List.of("msgpack")));

  private PythonImports() {}

  /** The top-level modules imported by the .py files under {@code root} (absolute imports only). */
  public static Set<String> scan(Path root) {
    Set<String> modules = new LinkedHashSet<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> p.getFileName().toString().endsWith(".py"))
          .filter(
              p ->
                  root.relativize(p).toString().split("/").length > 0
                      && Stream.of(root.relativize(p).toString().split("/"))
                          .noneMatch(SKIPPED_DIRS::contains))
          .filter(Files::isRegularFile)
          .forEach(p -> modules.addAll(modulesIn(read(p))));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the Python files under " + root + ": " + e.getMessage(), e);
    }
    return modules;
  }

  /** The top-level modules that {@code source} imports. */
  public static Set<String> modulesIn(String source) {
    Set<String> out = new LinkedHashSet<>();
    Matcher imports = IMPORT.matcher(source);
    while (imports.find()) {
      for (String part : imports.group(1).split(",")) {
        String module = part.strip().split("[ \\t]+")[0];
        top(module).ifPresent(out::add);
      }
    }
    Matcher froms = FROM.matcher(source);
    while (froms.find()) {
      top(froms.group(1)).ifPresent(out::add);
    }
    out.remove("");
    return out;
  }

  /**
   * The top-level package of an absolute module path; empty for a relative one ("." or ".sibling").
   */
  private static java.util.Optional<String> top(String module) {
    if (module.isEmpty() || module.startsWith(".")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(module.split("\\.")[0]);
  }

  /**
   * The module names a distribution probably provides: its own name with "_" and the known
   * exceptions.
   */
  public static Set<String> modulesOf(String distribution) {
    String name = PythonRequirement.normalize(distribution);
    Set<String> out = new LinkedHashSet<>(MODULES.getOrDefault(name, List.of()));
    String module = name.replace('-', '_');
    out.add(module);
    if (module.startsWith("python_")) {
      out.add(module.substring("python_".length()));
    }
    if (module.startsWith("py") && !module.startsWith("pytest") && module.length() > 4) {
      out.add(module.substring(2));
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
