package dev.taskmill.environment;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which files of a repository decide its dependencies, per stack: the key of the reusable
 * environment image.
 */
public final class ManifestFiles {
  private static final Set<String> PYTHON =
      Set.of(
          "pyproject.toml",
          "setup.py",
          "setup.cfg",
          "Pipfile",
          "Pipfile.lock",
          "poetry.lock",
          "tox.ini",
          "pytest.ini");
  private static final Pattern PYTHON_REQUIREMENTS =
      Pattern.compile("requirements[^/]*\\.(txt|in)");
  private static final Set<String> GRADLE =
      Set.of(
          "build.gradle",
          "build.gradle.kts",
          "settings.gradle",
          "settings.gradle.kts",
          "gradle.properties",
          "gradlew",
          "libs.versions.toml",
          "gradle-wrapper.properties",
          "gradle-wrapper.jar");
  private static final Set<String> NPM =
      Set.of(
          "package.json",
          "package-lock.json",
          "npm-shrinkwrap.json",
          "pnpm-lock.yaml",
          "pnpm-workspace.yaml",
          "yarn.lock");
  private static final Set<String> GO = Set.of("go.mod", "go.sum", "go.work", "go.work.sum");

  private ManifestFiles() {}

  /** The manifests among {@code paths} (repository-relative, "/"-separated), in the order given. */
  public static List<String> select(StackKind kind, List<String> paths) {
    return paths.stream().filter(p -> !vendored(p)).filter(p -> isManifest(kind, p)).toList();
  }

  static boolean isManifest(StackKind kind, String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return switch (kind) {
      case PYTHON ->
          PYTHON.contains(name)
              || PYTHON_REQUIREMENTS.matcher(name).matches()
              || path.matches("(.*/)?requirements/[^/]+\\.(txt|in)");
      case MAVEN -> name.equals("pom.xml");
      case GRADLE -> GRADLE.contains(name);
      case NPM -> NPM.contains(name);
      case GO -> GO.contains(name);
    };
  }

  private static boolean vendored(String path) {
    return path.startsWith("node_modules/")
        || path.contains("/node_modules/")
        || path.startsWith("vendor/");
  }
}
