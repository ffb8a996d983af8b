package dev.taskmill.testing;

import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.TestFramework;
import java.nio.file.Path;
import java.util.List;

/**
 * Fixture repositories whose tests need third-party dependencies (issue 11): each has a base commit
 * whose tests pass and a merged PR #1 that adds a failing test and the fix, like {@link
 * StackFixtures}.
 */
public final class DependencyFixtures {
  /** Not on PyPI (checked 2026-12-03): pip answers "No matching distribution found". */
  public static final String MISSING_PYPI = "taskmill-no-such-package-xyz";

  private DependencyFixtures() {}

  /**
   * Java 17, Maven, JUnit 4. With {@code pinSurefire} the pom pins Surefire 3.2.5; without, the
   * image's Maven (3.9.9) binds its default, also 3.2.5, while the host's Maven 3.8 binds 2.12.4.
   */
  public static StackFixtures.Fixture mavenJunit4(Path dir, boolean pinSurefire) {
    FixtureRepo repo = FixtureRepo.init(dir);
    String surefire =
        pinSurefire
            ? "<plugin><groupId>org.apache.maven.plugins</groupId>"
                + "<artifactId>maven-surefire-plugin</artifactId><version>3.2.5</version></plugin>"
            : "";
    repo.write(
            "pom.xml",
            """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>fx</groupId>
          <artifactId>calc4</artifactId>
          <version>1.0.0</version>
          <properties>
            <maven.compiler.source>17</maven.compiler.source>
            <maven.compiler.target>17</maven.compiler.target>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
            <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version>
              <scope>test</scope></dependency>
          </dependencies>
          <build><plugins>%s</plugins></build>
        </project>
        """
                .formatted(surefire))
        .write("src/main/java/fx/Calc.java", calc("Math.max(lo, x)"))
        .write("src/test/java/fx/CalcTest.java", junit4Test(false));
    String base = repo.commit("Calc with add and clamp");
    String merge =
        repo.mergePullRequest(
            1,
            "Fix clamp ignoring the upper bound",
            r ->
                r.write("src/main/java/fx/Calc.java", calc("Math.min(hi, Math.max(lo, x))"))
                    .write("src/test/java/fx/CalcTest.java", junit4Test(true)));
    return StackFixtures.fixture(
        "maven-junit4",
        repo,
        new Stack(Language.JAVA, BuildSystem.MAVEN, TestFramework.JUNIT4, "17", ""),
        base,
        merge,
        List.of("src/test/java/fx/CalcTest.java"),
        List.of("fx.CalcTest#clampsToTheUpperBound"));
  }

  /**
   * Python whose code imports attrs (a runtime dependency from PyPI) and whose pytest configuration
   * needs the pytest-timeout plugin (required_plugins and --timeout in addopts, the plugin listed
   * in a test extra). Its requirements-dev.txt names a package PyPI does not have and nothing
   * imports: left out with a note.
   */
  public static StackFixtures.Fixture pythonWithDependencies(Path dir) {
    return pythonWithDependencies(dir, "3.8");
  }

  /** As {@link #pythonWithDependencies(Path)} with {@code requires-python = ">=floor"}. */
  public static StackFixtures.Fixture pythonWithDependencies(Path dir, String floor) {
    FixtureRepo repo = FixtureRepo.init(dir);
    repo.write(
            "pyproject.toml",
            """
            [project]
            name = "boxes"
            version = "0.1.0"
            requires-python = ">=%s"
            dependencies = ["attrs>=21.3"]

            [project.optional-dependencies]
            test = ["pytest-timeout>=2.1"]
            docs = ["%s"]

            [tool.pytest.ini_options]
            addopts = "--timeout=60"
            required_plugins = ["pytest-timeout"]
            """
                .formatted(floor, MISSING_PYPI))
        .write("requirements-dev.txt", MISSING_PYPI + "-lint>=1.0\n")
        .write("boxes.py", boxes("max(self.lo, x)"))
        .write("tests/test_boxes.py", pythonTest(false));
    String base = repo.commit("boxes with attrs");
    String merge =
        repo.mergePullRequest(
            1,
            "Fix Box.clamp ignoring the upper bound",
            r ->
                r.write("boxes.py", boxes("min(self.hi, max(self.lo, x))"))
                    .write("tests/test_boxes.py", pythonTest(true)));
    return StackFixtures.fixture(
        "python-deps",
        repo,
        new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, floor, ""),
        base,
        merge,
        List.of("tests/test_boxes.py"),
        List.of("tests/test_boxes.py::test_clamp_upper"));
  }

  /** Python whose tests import a package that PyPI does not have, named in requirements.txt. */
  public static StackFixtures.Fixture pythonMissingDependency(Path dir) {
    String module = MISSING_PYPI.replace('-', '_');
    FixtureRepo repo = FixtureRepo.init(dir);
    repo.write("pyproject.toml", "[project]\nname = \"calc\"\nversion = \"0.1.0\"\n")
        .write("requirements.txt", MISSING_PYPI + "==1.0\n")
        .write("calc.py", "def clamp(x, lo, hi):\n    return max(lo, x)\n")
        .write(
            "tests/test_calc.py",
            "import "
                + module
                + "\nfrom calc import clamp\n\n\ndef test_lower():\n"
                + "    assert clamp(-1, 0, 10) == 0\n");
    String base = repo.commit("calc");
    String merge =
        repo.mergePullRequest(
            1,
            "Fix clamp ignoring the upper bound",
            r ->
                r.write("calc.py", "def clamp(x, lo, hi):\n    return min(hi, max(lo, x))\n")
                    .write(
                        "tests/test_calc.py",
                        "import "
                            + module
                            + "\nfrom calc import clamp\n\n\ndef test_lower():\n"
                            + "    assert clamp(-1, 0, 10) == 0\n\n\ndef test_upper():\n    assert clamp(15, 0, 10) == 10\n"));
    return StackFixtures.fixture(
        "python-missing",
        repo,
        new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, null, ""),
        base,
        merge,
        List.of("tests/test_calc.py"),
        List.of("tests/test_calc.py::test_upper"));
  }

  private static String boxes(String clampBody) {
    return "import attr\n\n\n@attr.s(frozen=True)\nclass Box:\n    lo = attr.ib()\n    hi = attr.ib()\n\n"
        + "    def clamp(self, x):\n        return "
        + clampBody
        + "\n";
  }

  private static String pythonTest(boolean withUpper) {
    return "import pytest\n\nfrom boxes import Box\n\n\n@pytest.mark.timeout(30)\ndef test_clamp_lower():\n"
        + "    assert Box(0, 10).clamp(-5) == 0\n"
        + (withUpper
            ? "\n\n@pytest.mark.timeout(30)\ndef test_clamp_upper():\n    assert Box(0, 10).clamp(15) == 10\n"
            : "");
  }

  private static String calc(String clampBody) {
    return "package fx;\n\npublic final class Calc {\n  public static int add(int a, int b) {\n    return a + b;\n  }\n\n"
        + "  public static int clamp(int x, int lo, int hi) {\n    return "
        + clampBody
        + ";\n  }\n}\n";
  }

  private static String junit4Test(boolean withClamp) {
    return "package fx;\n\nimport static org.junit.Assert.assertEquals;\n\nimport org.junit.Test;\n\n"
        + "public class CalcTest {\n  @Test\n  public void adds() {\n    assertEquals(5, Calc.add(2, 3));\n  }\n"
        + (withClamp
            ? "\n  @Test\n  public void clampsToTheUpperBound() {\n    assertEquals(10, Calc.clamp(15, 0, 10));\n  }\n"
            : "")
        + "}\n";
  }
}
