package dev.taskmill.analysis.stack;

import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.TestFramework;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Python projects: pyproject.toml, setup.cfg, setup.py, requirements files, pytest.ini, tox.ini.
 */
final class PythonProbe implements StackProbe {
  private static final Set<String> BUILD_FILES =
      Set.of("pyproject.toml", "setup.cfg", "setup.py", "pytest.ini", "tox.ini", "Pipfile");
  private static final Pattern REQUIREMENTS =
      Pattern.compile("requirements([-_.][\\w.-]*)?\\.(txt|in)");
  private static final Pattern REQUIRES_PYTHON =
      Pattern.compile("(?m)^\\s*requires-python\\s*=\\s*[\"']([^\"']+)[\"']");

  /**
   * Poetry keeps the interpreter among the dependencies: [tool.poetry.dependencies] python =
   * "^3.8".
   */
  private static final Pattern POETRY_PYTHON =
      Pattern.compile("(?m)^\\s*python\\s*=\\s*[\"']([^\"']+)[\"']");

  private static final Pattern PYTHON_REQUIRES_CFG =
      Pattern.compile("(?m)^\\s*python_requires\\s*=\\s*([^\\n#]+)");
  private static final Pattern PYTHON_REQUIRES_PY =
      Pattern.compile("python_requires\\s*=\\s*[\"']([^\"']+)[\"']");

  /**
   * Trove classifiers name the versions a project is tested on: the lowest is the floor when
   * nothing else says.
   */
  private static final Pattern CLASSIFIER =
      Pattern.compile("Programming Language :: Python :: (3\\.\\d+)\\b");

  @Override
  public Language family() {
    return Language.PYTHON;
  }

  @Override
  public boolean isBuildFile(String fileName) {
    return BUILD_FILES.contains(fileName) || REQUIREMENTS.matcher(fileName).matches();
  }

  @Override
  public Stack read(CommitTree tree, String dir) {
    return new Stack(
        Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, toolchain(tree, dir), dir);
  }

  /** Pytest runs unittest and pytest suites alike, so every Python project is run with pytest. */
  private static String toolchain(CommitTree tree, String dir) {
    List<Optional<String>> specs =
        List.of(
            tree.read(dir, "pyproject.toml").flatMap(t -> StackProbe.find(REQUIRES_PYTHON, t)),
            tree.read(dir, "pyproject.toml").flatMap(t -> StackProbe.find(POETRY_PYTHON, t)),
            tree.read(dir, "setup.cfg").flatMap(t -> StackProbe.find(PYTHON_REQUIRES_CFG, t)),
            tree.read(dir, "setup.py").flatMap(t -> StackProbe.find(PYTHON_REQUIRES_PY, t)),
            tree.read(dir, ".python-version").map(String::trim));
    return specs.stream()
        .flatMap(Optional::stream)
        .map(VersionSpec::minimum)
        .flatMap(Optional::stream)
        .findFirst()
        .orElseGet(() -> lowestClassifier(tree, dir));
  }

  /**
   * The lowest "Programming Language :: Python :: 3.X" of pyproject.toml, setup.cfg or setup.py, or
   * null.
   */
  static String lowestClassifier(CommitTree tree, String dir) {
    return Stream.of("pyproject.toml", "setup.cfg", "setup.py")
        .map(f -> tree.read(dir, f))
        .flatMap(Optional::stream)
        .flatMap(text -> CLASSIFIER.matcher(text).results().map(m -> m.group(1)))
        .min(Comparator.comparingInt((String v) -> Integer.parseInt(v.substring(2))))
        .orElse(null);
  }
}
