package dev.taskmill.testing;

import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.TestFramework;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Tiny repositories per stack, each with a base commit whose tests pass and a merged PR #1 that
 * adds a failing test and the fix. Shared by the environment, validation and end-to-end tests.
 */
public final class StackFixtures {
  /**
   * One fixture repository and what a correct pipeline must find in it.
   *
   * @param failToPass the test ids (as the report parsers name them) that flip
   */
  public record Fixture(
      String name,
      FixtureRepo repo,
      Stack stack,
      String baseCommit,
      String mergeCommit,
      int prNumber,
      String testsPatch,
      String fixPatch,
      List<String> testFiles,
      List<String> failToPass) {
    public String url() {
      return repo.url();
    }
  }

  private StackFixtures() {}

  /** Python 3 with pytest: clamp() ignores its upper bound. */
  public static Fixture python(Path dir) {
    return python(dir, "");
  }

  /**
   * The Python fixture inside {@code projectDir} (for example a hostile folder name), with a
   * hostile-named data file next to it.
   */
  public static Fixture python(Path dir, String projectDir) {
    String p = projectDir.isEmpty() ? "" : projectDir + "/";
    FixtureRepo repo = FixtureRepo.init(dir);
    if (!projectDir.isEmpty()) {
      repo.write(p + "data/$(echo INJ\"\"ECTED) `echo INJ\"\"ECTED`;'\".txt", "data\n");
    }
    repo.write(
            p + "pyproject.toml",
            "[project]\nname = \"calc\"\nversion = \"0.1.0\"\nrequires-python = \">=3.8\"\n")
        .write(
            p + "calc.py",
            "def add(a, b):\n    return a + b\n\n\ndef clamp(x, lo, hi):\n    return max(lo, x)\n")
        .write(
            p + "tests/test_calc.py",
            "from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n");
    String base = repo.commit("calc with add and clamp");
    String merge =
        repo.mergePullRequest(
            1,
            "Fix clamp ignoring the upper bound",
            r ->
                r.write(
                        p + "calc.py",
                        "def add(a, b):\n    return a + b\n\n\ndef clamp(x, lo, hi):\n    return min(hi, max(lo, x))\n")
                    .write(
                        p + "tests/test_calc.py",
                        "from calc import add, clamp\n\n\ndef test_add():\n    assert add(2, 3) == 5\n"
                            + "\n\ndef test_clamp_upper():\n    assert clamp(15, 0, 10) == 10\n"));
    return fixture(
        "python",
        repo,
        new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, ">=3.8", projectDir),
        base,
        merge,
        List.of(p + "tests/test_calc.py"),
        List.of("tests/test_calc.py::test_clamp_upper"));
  }

  /** Java 17, Maven, JUnit 5: Calc.clamp ignores its upper bound. */
  public static Fixture mavenJunit5(Path dir) {
    return maven(dir, "maven", POM, "17", StackFixtures::calc, StackFixtures::javaTest);
  }

  /**
   * Java 21 (maven.compiler.release 21; record patterns in a switch, List.getFirst), Maven, JUnit
   * 5: the maven fixture's Calc.clamp ignores its upper bound. JDK 17 cannot compile it.
   */
  public static Fixture mavenJava21(Path dir) {
    return maven(
        dir,
        "maven-21",
        POM.replace(RELEASE_17, "<maven.compiler.release>21</maven.compiler.release>"),
        "21",
        StackFixtures::calc21,
        StackFixtures::javaTest21);
  }

  /** A Maven project whose PR #1 fixes Calc.clamp's upper bound, in the given Java flavour. */
  private static Fixture maven(
      Path dir,
      String name,
      String pom,
      String release,
      java.util.function.Function<String, String> calc,
      java.util.function.Function<Boolean, String> test) {
    FixtureRepo repo = FixtureRepo.init(dir);
    repo.write("pom.xml", pom)
        .write("src/main/java/fx/Calc.java", calc.apply("Math.max(lo, x)"))
        .write("src/test/java/fx/CalcTest.java", test.apply(false));
    String base = repo.commit("Calc with add and clamp");
    String merge =
        repo.mergePullRequest(
            1,
            "Fix clamp ignoring the upper bound",
            r ->
                r.write("src/main/java/fx/Calc.java", calc.apply("Math.min(hi, Math.max(lo, x))"))
                    .write("src/test/java/fx/CalcTest.java", test.apply(true)));
    return fixture(
        name,
        repo,
        new Stack(Language.JAVA, BuildSystem.MAVEN, TestFramework.JUNIT5, release, ""),
        base,
        merge,
        List.of("src/test/java/fx/CalcTest.java"),
        List.of("fx.CalcTest#clampsToTheUpperBound"));
  }

  private static String calc21(String clampBody) {
    return """
        package fx;

        public final class Calc {
          public sealed interface Shape permits Square, Rect {}

          public record Square(int side) implements Shape {}

          public record Rect(int width, int height) implements Shape {}

          /** Record patterns in a switch: Java 21. */
          public static int area(Shape shape) {
            return switch (shape) {
              case Square(int side) -> side * side;
              case Rect(int width, int height) -> width * height;
            };
          }

          public static int clamp(int x, int lo, int hi) {
            return %s;
          }
        }
        """
        .formatted(clampBody);
  }

  private static String javaTest21(boolean withClamp) {
    return "package fx;\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
        + "import java.util.List;\nimport org.junit.jupiter.api.Test;\n\nclass CalcTest {\n"
        + "  @Test\n  void measuresShapes() {\n"
        + "    List<Calc.Shape> shapes = List.of(new Calc.Square(3), new Calc.Rect(2, 5));\n"
        + "    assertEquals(9, Calc.area(shapes.getFirst()));\n"
        + "    assertEquals(10, Calc.area(shapes.getLast()));\n  }\n"
        + (withClamp
            ? "\n  @Test\n  void clampsToTheUpperBound() {\n    assertEquals(10, Calc.clamp(15, 0, 10));\n  }\n"
            : "")
        + "}\n";
  }

  /** JavaScript, npm, mocha: clamp ignores its upper bound. */
  public static Fixture mocha(Path dir) {
    FixtureRepo repo = FixtureRepo.init(dir);
    repo.write(
            "package.json",
            """
            {
              "name": "fixture-calc",
              "version": "1.0.0",
              "private": true,
              "scripts": { "test": "mocha" },
              "engines": { "node": ">=16" },
              "devDependencies": { "mocha": "10.4.0" }
            }
            """)
        .write("lib/calc.js", jsCalc("Math.max(lo, x)"))
        .write("test/calc.test.js", jsTest(false));
    String base = repo.commit("calc with add and clamp");
    String merge =
        repo.mergePullRequest(
            1,
            "Fix clamp ignoring the upper bound",
            r ->
                r.write("lib/calc.js", jsCalc("Math.min(hi, Math.max(lo, x))"))
                    .write("test/calc.test.js", jsTest(true)));
    return fixture(
        "mocha",
        repo,
        new Stack(Language.JAVASCRIPT, BuildSystem.NPM, TestFramework.MOCHA, ">=16", ""),
        base,
        merge,
        List.of("test/calc.test.js"),
        List.of("test/calc.test.js > calc > clamps to the upper bound"));
  }

  /** JavaScript, npm, jest: the mocha fixture's code with jest as the runner. */
  public static Fixture jest(Path dir) {
    FixtureRepo repo = FixtureRepo.init(dir);
    repo.write(
            "package.json",
            """
            {
              "name": "fixture-calc-jest",
              "version": "1.0.0",
              "private": true,
              "scripts": { "test": "jest" },
              "devDependencies": { "jest": "29.7.0" }
            }
            """)
        .write("lib/calc.js", jsCalc("Math.max(lo, x)"))
        .write(
            "test/calc.test.js",
            jsTest(false).replace("describe(", "describe(").replace("it(", "test("));
    String base = repo.commit("calc with add and clamp");
    String merge =
        repo.mergePullRequest(
            1,
            "Fix clamp ignoring the upper bound",
            r ->
                r.write("lib/calc.js", jsCalc("Math.min(hi, Math.max(lo, x))"))
                    .write("test/calc.test.js", jsTest(true).replace("it(", "test(")));
    return fixture(
        "jest",
        repo,
        new Stack(Language.JAVASCRIPT, BuildSystem.NPM, TestFramework.JEST, null, ""),
        base,
        merge,
        List.of("test/calc.test.js"),
        List.of("test/calc.test.js > calc > clamps to the upper bound"));
  }

  /** TypeScript-free ESM, npm, vitest: the same calc with vitest as the runner. */
  public static Fixture vitest(Path dir) {
    FixtureRepo repo = FixtureRepo.init(dir);
    String test =
        "import { describe, it, expect } from 'vitest';\nimport { add, clamp } from '../lib/calc.mjs';\n\n"
            + "describe('calc', () => {\n  it('adds', () => {\n    expect(add(2, 3)).toBe(5);\n  });\n%s});\n";
    String clampTest =
        "  it('clamps to the upper bound', () => {\n    expect(clamp(15, 0, 10)).toBe(10);\n  });\n";
    repo.write(
            "package.json",
            """
            {
              "name": "fixture-calc-vitest",
              "version": "1.0.0",
              "private": true,
              "type": "module",
              "scripts": { "test": "vitest run" },
              "devDependencies": { "vitest": "1.6.0" }
            }
            """)
        .write(
            "lib/calc.mjs",
            "export function add(a, b) {\n  return a + b;\n}\n\n"
                + "export function clamp(x, lo, hi) {\n  return Math.max(lo, x);\n}\n")
        .write("test/calc.test.mjs", test.formatted(""));
    String base = repo.commit("calc with add and clamp");
    String merge =
        repo.mergePullRequest(
            1,
            "Fix clamp ignoring the upper bound",
            r ->
                r.write(
                        "lib/calc.mjs",
                        "export function add(a, b) {\n  return a + b;\n}\n\n"
                            + "export function clamp(x, lo, hi) {\n  return Math.min(hi, Math.max(lo, x));\n}\n")
                    .write("test/calc.test.mjs", test.formatted(clampTest)));
    return fixture(
        "vitest",
        repo,
        new Stack(Language.JAVASCRIPT, BuildSystem.NPM, TestFramework.VITEST, null, ""),
        base,
        merge,
        List.of("test/calc.test.mjs"),
        List.of("calc clamps to the upper bound"));
  }

  /** Go modules with go test: Clamp ignores its upper bound. */
  public static Fixture go(Path dir) {
    FixtureRepo repo = FixtureRepo.init(dir);
    repo.write("go.mod", "module example.com/calc\n\ngo 1.19\n")
        .write("calc.go", goCalc("max(lo, x)"))
        .write("calc_test.go", goTest(false));
    String base = repo.commit("calc with Add and Clamp");
    String merge =
        repo.mergePullRequest(
            1,
            "Fix Clamp ignoring the upper bound",
            r ->
                r.write("calc.go", goCalc("min(hi, max(lo, x))"))
                    .write("calc_test.go", goTest(true)));
    return fixture(
        "go",
        repo,
        new Stack(Language.GO, BuildSystem.GO_MODULES, TestFramework.GO_TEST, "1.19", ""),
        base,
        merge,
        List.of("calc_test.go"),
        List.of("example.com/calc/TestClampUpper"));
  }

  /**
   * The go.mod of {@link #goModern}: Go 1.22 (range over an int, built-in min/max) and go-cmp from
   * the proxy.
   */
  static final String MODERN_GO_MOD =
      "module example.com/calc\n\ngo 1.22\n\ntoolchain go1.22.5\n\n"
          + "require github.com/google/go-cmp v0.6.0\n";

  static final String MODERN_GO_SUM =
      "github.com/google/go-cmp v0.6.0 h1:ofyhxvXcZhMsU5ulbFiLKl/XBFqE1GSq7atu8tAmTRI=\n"
          + "github.com/google/go-cmp v0.6.0/go.mod h1:17dUlkBOakJ0+DkrSSNjCkIjxS6bF9zb3elmeNGIjoY=\n";

  /**
   * A Go module that Go 1.19 refuses (go 1.22, toolchain go1.22.5; range over an int, built-in min
   * and max) with a third-party test dependency (github.com/google/go-cmp): Clamp ignores its upper
   * bound.
   */
  public static Fixture goModern(Path dir) {
    FixtureRepo repo = FixtureRepo.init(dir);
    repo.write("go.mod", MODERN_GO_MOD)
        .write("go.sum", MODERN_GO_SUM)
        .write("calc.go", modernGoCalc("max(lo, x)"))
        .write("calc_test.go", modernGoTest(false));
    String base = repo.commit("calc with Sum and Clamp");
    String merge =
        repo.mergePullRequest(
            1,
            "Fix Clamp ignoring the upper bound",
            r ->
                r.write("calc.go", modernGoCalc("min(hi, max(lo, x))"))
                    .write("calc_test.go", modernGoTest(true)));
    return fixture(
        "go-modern",
        repo,
        new Stack(Language.GO, BuildSystem.GO_MODULES, TestFramework.GO_TEST, "1.22.5", ""),
        base,
        merge,
        List.of("calc_test.go"),
        List.of("example.com/calc/TestClampUpper"));
  }

  private static String modernGoCalc(String clampBody) {
    return "package calc\n\n// Sum adds 0..n-1 (range over an int: Go 1.22).\nfunc Sum(n int) int {\n\ts := 0\n"
        + "\tfor i := range n {\n\t\ts += i\n\t}\n\treturn s\n}\n\n"
        + "// Clamp uses the built-in min and max (Go 1.21).\nfunc Clamp(x, lo, hi int) int { return "
        + clampBody
        + " }\n";
  }

  private static String modernGoTest(boolean withClamp) {
    return "package calc\n\nimport (\n\t\"testing\"\n\n\t\"github.com/google/go-cmp/cmp\"\n)\n\n"
        + "func TestSum(t *testing.T) {\n\tif d := cmp.Diff(6, Sum(4)); d != \"\" {\n\t\tt.Fatal(d)\n\t}\n}\n"
        + (withClamp
            ? "\nfunc TestClampUpper(t *testing.T) {\n\tif d := cmp.Diff(10, Clamp(15, 0, 10)); d != \"\" {\n"
                + "\t\tt.Fatal(d)\n\t}\n}\n"
            : "");
  }

  /**
   * TypeScript, npm, jest with ts-jest, Node 20 from engines: the project's own tsc checks the
   * types before the tests run; clamp ignores its upper bound.
   */
  public static Fixture typescript(Path dir) {
    return typescript(dir, "");
  }

  private static Fixture typescript(Path dir, String extraDevDependency) {
    FixtureRepo repo = FixtureRepo.init(dir);
    repo.write(
            "package.json",
            """
            {
              "name": "fixture-calc-ts",
              "version": "1.0.0",
              "private": true,
              "scripts": { "build": "tsc", "test": "jest" },
              "engines": { "node": ">=20" },
              "devDependencies": {
                %s
                "@types/jest": "29.5.12",
                "jest": "29.7.0",
                "ts-jest": "29.1.4",
                "typescript": "5.4.5"
              }
            }
            """
                .formatted(extraDevDependency))
        .write(
            "tsconfig.json",
            """
            {
              "compilerOptions": {
                "target": "ES2022", "module": "commonjs", "strict": true, "esModuleInterop": true,
                "types": ["jest"], "outDir": "dist"
              },
              "include": ["src", "test"]
            }
            """)
        .write(
            "jest.config.js", "module.exports = { preset: 'ts-jest', testEnvironment: 'node' };\n")
        .write("src/calc.ts", tsCalc("Math.max(lo, x)"))
        .write("test/calc.test.ts", tsTest(false));
    String base = repo.commit("calc with add and clamp");
    String merge =
        repo.mergePullRequest(
            1,
            "Fix clamp ignoring the upper bound",
            r ->
                r.write("src/calc.ts", tsCalc("Math.min(hi, Math.max(lo, x))"))
                    .write("test/calc.test.ts", tsTest(true)));
    return fixture(
        "typescript",
        repo,
        new Stack(Language.TYPESCRIPT, BuildSystem.NPM, TestFramework.JEST, "20", ""),
        base,
        merge,
        List.of("test/calc.test.ts"),
        List.of("test/calc.test.ts > calc > clamps to the upper bound"));
  }

  private static String tsCalc(String clampBody) {
    return "export function add(a: number, b: number): number {\n  return a + b;\n}\n\n"
        + "export function clamp(x: number, lo: number, hi: number): number {\n  return "
        + clampBody
        + ";\n}\n";
  }

  private static String tsTest(boolean withClamp) {
    return "import { add, clamp } from '../src/calc';\n\ndescribe('calc', () => {\n  test('adds', () => {\n"
        + "    expect(add(2, 3)).toBe(5);\n  });\n"
        + (withClamp
            ? "  test('clamps to the upper bound', () => {\n    expect(clamp(15, 0, 10)).toBe(10);\n  });\n"
            : "")
        + "  test('clamp is a function', () => {\n    expect(typeof clamp).toBe('function');\n  });\n"
        + "});\n";
  }

  /**
   * The modern Go fixture with {@code goMod} instead of its go.mod (and no go.sum): a module the
   * proxy does not have, or a Go release that does not exist. Its PR is #1 as in every fixture.
   */
  public static Fixture goModernWith(Path dir, String goMod) {
    FixtureRepo repo = FixtureRepo.init(dir);
    repo.write("go.mod", goMod)
        .write("calc.go", modernGoCalc("max(lo, x)"))
        .write("calc_test.go", modernGoTest(false));
    String base = repo.commit("calc with Sum and Clamp");
    String merge =
        repo.mergePullRequest(
            1,
            "Fix Clamp ignoring the upper bound",
            r ->
                r.write("calc.go", modernGoCalc("min(hi, max(lo, x))"))
                    .write("calc_test.go", modernGoTest(true)));
    return fixture(
        "go-broken",
        repo,
        new Stack(Language.GO, BuildSystem.GO_MODULES, TestFramework.GO_TEST, "1.22.5", ""),
        base,
        merge,
        List.of("calc_test.go"),
        List.of("example.com/calc/TestClampUpper"));
  }

  /** The TypeScript fixture with one more devDependency, a package that npm does not have. */
  public static Fixture typescriptWithMissingPackage(Path dir) {
    return typescript(dir, "\"taskmill-fixture-no-such-package-4f1c\": \"1.0.0\",");
  }

  /** Every fixture above by name, for parameterized tests. */
  public static Map<String, java.util.function.Function<Path, Fixture>> all() {
    return Map.of(
        "python",
        StackFixtures::python,
        "maven",
        StackFixtures::mavenJunit5,
        "maven-21",
        StackFixtures::mavenJava21,
        "mocha",
        StackFixtures::mocha,
        "go",
        StackFixtures::go,
        "jest",
        StackFixtures::jest,
        "vitest",
        StackFixtures::vitest,
        "go-modern",
        StackFixtures::goModern,
        "typescript",
        StackFixtures::typescript);
  }

  private static String goCalc(String clampBody) {
    // Go 1.19 has no built-in min/max.
    return "package calc\n\nfunc Add(a, b int) int { return a + b }\n\n"
        + "func max(a, b int) int {\n\tif a > b {\n\t\treturn a\n\t}\n\treturn b\n}\n\n"
        + "func min(a, b int) int {\n\tif a < b {\n\t\treturn a\n\t}\n\treturn b\n}\n\n"
        + "func Clamp(x, lo, hi int) int { return "
        + clampBody
        + " }\n";
  }

  private static String goTest(boolean withClamp) {
    return "package calc\n\nimport \"testing\"\n\nfunc TestAdd(t *testing.T) {\n\tif Add(2, 3) != 5 {\n"
        + "\t\tt.Fatal(\"add\")\n\t}\n}\n"
        + (withClamp
            ? "\nfunc TestClampUpper(t *testing.T) {\n\tif got := Clamp(15, 0, 10); got != 10 {\n"
                + "\t\tt.Fatalf(\"clamp = %d\", got)\n\t}\n}\n"
            : "");
  }

  /**
   * A fixture from a repository whose PR #1 goes from {@code base} to {@code merge}; the test files
   * make tests.patch.
   */
  public static Fixture fixture(
      String name,
      FixtureRepo repo,
      Stack stack,
      String base,
      String merge,
      List<String> testFiles,
      List<String> failToPass) {
    Predicate<String> isTest = testFiles::contains;
    return new Fixture(
        name,
        repo,
        stack,
        base,
        merge,
        1,
        diff(repo, base, merge, isTest),
        diff(repo, base, merge, isTest.negate()),
        testFiles,
        failToPass);
  }

  /**
   * The git diff base..head restricted to paths matching {@code include}, as `git apply` reads it.
   */
  public static String diff(FixtureRepo repo, String base, String head, Predicate<String> include) {
    Repository r = repo.git().getRepository();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RevWalk walk = new RevWalk(r);
        DiffFormatter formatter = new DiffFormatter(out)) {
      formatter.setRepository(r);
      List<DiffEntry> entries =
          formatter.scan(
              walk.parseCommit(ObjectId.fromString(base)).getTree(),
              walk.parseCommit(ObjectId.fromString(head)).getTree());
      for (DiffEntry entry : entries) {
        String path =
            entry.getChangeType() == DiffEntry.ChangeType.DELETE
                ? entry.getOldPath()
                : entry.getNewPath();
        if (include.test(path)) {
          formatter.format(entry);
        }
      }
      formatter.flush();
      return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String RELEASE_17 = "<maven.compiler.release>17</maven.compiler.release>";

  private static final String POM =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>fx</groupId>
        <artifactId>calc</artifactId>
        <version>1.0.0</version>
        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
        </properties>
        <dependencies>
          <dependency>
            <groupId>org.junit.jupiter</groupId>
            <artifactId>junit-jupiter</artifactId>
            <version>5.10.2</version>
            <scope>test</scope>
          </dependency>
        </dependencies>
        <build>
          <plugins>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-compiler-plugin</artifactId>
              <version>3.13.0</version>
            </plugin>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-surefire-plugin</artifactId>
              <version>3.2.5</version>
            </plugin>
          </plugins>
        </build>
      </project>
      """;

  private static String calc(String clampBody) {
    return "package fx;\n\npublic final class Calc {\n  public static int add(int a, int b) {\n    return a + b;\n  }\n\n"
        + "  public static int clamp(int x, int lo, int hi) {\n    return "
        + clampBody
        + ";\n  }\n}\n";
  }

  private static String javaTest(boolean withClamp) {
    return "package fx;\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
        + "import org.junit.jupiter.api.Test;\n\nclass CalcTest {\n  @Test\n  void adds() {\n"
        + "    assertEquals(5, Calc.add(2, 3));\n  }\n"
        + (withClamp
            ? "\n  @Test\n  void clampsToTheUpperBound() {\n    assertEquals(10, Calc.clamp(15, 0, 10));\n  }\n"
            : "")
        + "}\n";
  }

  private static String jsCalc(String clampBody) {
    return "'use strict';\n\nfunction add(a, b) {\n  return a + b;\n}\n\nfunction clamp(x, lo, hi) {\n  return "
        + clampBody
        + ";\n}\n\nmodule.exports = { add, clamp };\n";
  }

  private static String jsTest(boolean withClamp) {
    return "'use strict';\nconst assert = require('assert');\nconst { add, clamp } = require('../lib/calc');\n\n"
        + "describe('calc', () => {\n  it('adds', () => {\n    assert.strictEqual(add(2, 3), 5);\n  });\n"
        + (withClamp
            ? "  it('clamps to the upper bound', () => {\n    assert.strictEqual(clamp(15, 0, 10), 10);\n  });\n"
            : "")
        + "});\n";
  }
}
