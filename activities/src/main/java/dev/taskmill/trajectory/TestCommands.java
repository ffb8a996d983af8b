package dev.taskmill.trajectory;

import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Stack;
import dev.taskmill.stage.StageContract;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per stack: the shell command that runs only some tests (by the ids of docs/test-ids.md), the
 * session's environment, and the command that lists the test files. Offline settings match the
 * stage scripts.
 */
final class TestCommands {
  /**
   * The stage-maven.sh flags: offline, and the policy/report plugins that decide nothing about
   * tests skipped.
   */
  static final String MAVEN_FLAGS =
      "-o -B -ntp -q -Dmaven.test.redirectTestOutputToFile=false "
          + String.join(" ", StageContract.MAVEN_SKIP_FLAGS)
          + " -Djacoco.skip=true";

  private static final Pattern GO_ID = Pattern.compile("^(.*)/((?:Test|Example|Fuzz)[^/]*)(/.*)?$");

  private final Stack stack;
  private final boolean depsMounted;

  /**
   * @param depsMounted whether the dependency caches are under /taskmill/deps (else the image's own
   *     paths)
   */
  TestCommands(Stack stack, boolean depsMounted) {
    this.stack = stack;
    this.depsMounted = depsMounted;
  }

  String projectDir() {
    return stack.projectDir().isEmpty()
        ? SessionTools.ROOT
        : SessionTools.ROOT + "/" + stack.projectDir();
  }

  /** The variables every exec in the session gets. */
  Map<String, String> sessionEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", "/tmp");
    env.put("CI", "true");
    env.put("NO_COLOR", "1");
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    env.put("PIP_NO_INPUT", "1");
    switch (stack.language()) {
      case PYTHON -> env.put("PYTHONPATH", projectDir() + ":" + projectDir() + "/src");
      case GO -> {
        env.put("GOFLAGS", "-mod=mod");
        env.put("GOPROXY", "off");
        env.put("GOTOOLCHAIN", "local");
        env.put("GOCACHE", "/tmp/go-build");
        env.put("GOPATH", "/tmp/go");
        env.put(
            "GOMODCACHE",
            depsMounted ? StageContract.DependencyCache.GOMOD.containerPath() : "/taskmill/gomod");
      }
      default -> {}
    }
    return env;
  }

  /**
   * Setup that the stage's build step does and a session also needs (node_modules links); "" when
   * none.
   */
  String setup() {
    if (stack.buildSystem() == BuildSystem.NPM) {
      return "if [ ! -e node_modules ] && [ -d /taskmill/deps/node_modules ]; then mkdir node_modules && "
          + "for e in /taskmill/deps/node_modules/* /taskmill/deps/node_modules/.[!.]*; do [ -e \"$e\" ] && "
          + "ln -s \"$e\" \"node_modules/${e##*/}\"; done; fi";
    }
    if (stack.language() == dev.taskmill.analysis.Language.GO) {
      // A toolchain image from the Go module proxy carries the standard library's build cache
      // (stage-go.sh).
      return "if [ -n \"${TASKMILL_GOCACHE:-}\" ] && [ ! -e /tmp/go-build ]; then ln -s \"$TASKMILL_GOCACHE\" "
          + "/tmp/go-build; fi";
    }
    return "";
  }

  /** A command that lists the repository's test files. */
  String findTests() {
    String names =
        switch (stack.language()) {
          case PYTHON -> "-name 'test_*.py' -o -name '*_test.py'";
          case JAVA -> "-path '*/src/test/*' -name '*.java'";
          case GO -> "-name '*_test.go'";
          default -> "-name '*.test.*' -o -name '*.spec.*' -o -path '*/__tests__/*' -name '*.*s'";
        };
    return "find . -not -path '*/node_modules/*' -not -path './.git/*' -not -path '*/target/*' \\( "
        + names
        + " \\) -type f | sort | head -n 40";
  }

  /** The command that runs exactly the given tests. */
  String run(List<String> ids) {
    return switch (stack.testFramework()) {
      case PYTEST -> "python -m pytest -p no:cacheprovider -rA " + quoteAll(ids);
      case JUNIT4, JUNIT5 ->
          stack.buildSystem() == BuildSystem.GRADLE
              ? "gradle --offline -q test "
                  + String.join(
                      " ", ids.stream().map(i -> "--tests " + quote(i.replace('#', '.'))).toList())
              : "mvn "
                  + MAVEN_FLAGS
                  + " -Dmaven.repo.local="
                  + (depsMounted
                      ? StageContract.DependencyCache.M2.containerPath()
                      : "/taskmill/m2")
                  + " -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false -Dtest="
                  + quote(String.join(",", ids))
                  + " test";
      case MOCHA -> "node_modules/.bin/mocha " + quoteAll(files(ids));
      case JEST -> "node_modules/.bin/jest --ci " + quoteAll(files(ids));
      case VITEST -> "node_modules/.bin/vitest run " + quoteAll(files(ids));
      case GO_TEST -> go(ids);
      default -> throw new IllegalArgumentException("no test command for " + stack.describe());
    };
  }

  private static String go(List<String> ids) {
    Set<String> pkgs = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    for (String id : ids) {
      Matcher m = GO_ID.matcher(id);
      if (m.matches()) {
        pkgs.add(m.group(1));
        names.add(m.group(2));
      }
    }
    return "go test -count=1 -run "
        + quote("^(" + String.join("|", names) + ")$")
        + " "
        + quoteAll(List.copyOf(pkgs));
  }

  /** "file > suite > title" -> the distinct files. */
  static List<String> files(List<String> ids) {
    Set<String> files = new LinkedHashSet<>();
    for (String id : ids) {
      int cut = id.indexOf(" > ");
      files.add(cut < 0 ? id : id.substring(0, cut));
    }
    return List.copyOf(files);
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  static String quoteAll(List<String> items) {
    return String.join(" ", items.stream().map(TestCommands::quote).toList());
  }
}
