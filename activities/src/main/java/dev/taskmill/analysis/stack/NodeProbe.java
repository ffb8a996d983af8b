package dev.taskmill.analysis.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.TestFramework;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * JavaScript and TypeScript projects with npm: the runner from scripts.test or devDependencies,
 * engines.node.
 */
final class NodeProbe implements StackProbe {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Checked in this order: a project that has jest and mocha usually runs what it lists first here.
   */
  private static final List<TestFramework> RUNNERS =
      List.of(TestFramework.VITEST, TestFramework.JEST, TestFramework.MOCHA);

  @Override
  public Language family() {
    return Language.JAVASCRIPT;
  }

  @Override
  public boolean isBuildFile(String fileName) {
    return fileName.equals("package.json");
  }

  @Override
  public Stack read(CommitTree tree, String dir) {
    JsonNode pkg = parse(tree.read(dir, "package.json").orElse("{}"));
    Set<String> deps = new HashSet<>();
    for (String section : List.of("dependencies", "devDependencies", "peerDependencies")) {
      pkg.path(section).fieldNames().forEachRemaining(deps::add);
    }
    boolean typescript = deps.contains("typescript") || tree.exists(path(dir, "tsconfig.json"));
    String testScript = pkg.path("scripts").path("test").asText("").toLowerCase(Locale.ROOT);
    String engine = pkg.path("engines").path("node").asText(null);
    String version =
        Optional.ofNullable(engine)
            .or(() -> tree.read(dir, ".nvmrc"))
            .or(() -> tree.read(dir, ".node-version"))
            .flatMap(v -> VersionSpec.minimum(v.trim().replaceFirst("^v", "")))
            .orElse(null);
    return new Stack(
        typescript ? Language.TYPESCRIPT : Language.JAVASCRIPT,
        BuildSystem.NPM,
        runner(testScript, deps),
        version,
        dir);
  }

  static TestFramework runner(String testScript, Set<String> deps) {
    for (TestFramework runner : RUNNERS) {
      if (testScript.matches("(?s).*\\b" + runner.name().toLowerCase(Locale.ROOT) + "\\b.*")) {
        return runner;
      }
    }
    if (testScript.contains("react-scripts test")) {
      return TestFramework.JEST;
    }
    for (TestFramework runner : RUNNERS) {
      if (deps.contains(runner.name().toLowerCase(Locale.ROOT))) {
        return runner;
      }
    }
    return deps.contains("ts-jest") || deps.contains("react-scripts")
        ? TestFramework.JEST
        : TestFramework.UNKNOWN;
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      // A broken package.json still says "npm"; the runner is then unknown.
      return JSON.createObjectNode();
    }
  }

  private static String path(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }
}
