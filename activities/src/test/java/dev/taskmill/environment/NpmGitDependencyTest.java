package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.failure.FailureType;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.testing.FixtureRepo;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A devDependency given as a GitHub shorthand, which npm cannot fetch here (no git host is
 * reachable): left out and noted when nothing loads it, one line naming it otherwise. Runs npm on
 * the host against the registry.
 */
class NpmGitDependencyTest {
  static final String PACKAGE =
      """
      {"name": "fx", "version": "1.0.0", "private": true,
       "devDependencies": {"some-tool": "someuser/some-tool", "is-number": "7.0.0"}}
      """;

  @TempDir Path tmp;

  BuildContext context(String testFile) {
    FixtureRepo repo =
        FixtureRepo.init(tmp.resolve("repo"))
            .write("package.json", PACKAGE)
            .write("lib/calc.js", "module.exports = { add: (a, b) => a + b };\n")
            .write("test/calc.test.js", testFile);
    String commit = repo.commit("calc");
    return BuildContext.export(
        repo.git().getRepository(), commit, StackKind.NPM, "", tmp.resolve("context"));
  }

  @Test
  void aGitDependencyNothingLoadsIsLeftOutNotedAndTheRestInstalled() throws Exception {
    DependencyCache cache = new DependencyCache(tmp.resolve("deps"), Heartbeat.NONE);
    var mounts =
        cache.prepare(StackKind.NPM, context("const isNumber = require('is-number');\n"), "");

    Path modules = Path.of(mounts.get(0).hostPath());
    assertThat(modules.resolve("is-number/package.json")).exists();
    assertThat(modules.resolve("some-tool")).doesNotExist();
    assertThat(cache.notes())
        .singleElement()
        .asString()
        .startsWith(
            "left out the devDependency some-tool (\"someuser/some-tool\") of package.json: from a git host,"
                + " which the worker cannot fetch (npm exit 128: ")
        .contains("github.com")
        .endsWith("; nothing the tests run loads it")
        .doesNotContain("complete log");
  }

  @Test
  void aGitDependencyTheTestsLoadIsOneLineNamingIt() {
    DependencyCache cache = new DependencyCache(tmp.resolve("deps"), Heartbeat.NONE);
    BuildContext context = context("const tool = require('some-tool');\n");

    assertThatThrownBy(() -> cache.prepare(StackKind.NPM, context, ""))
        .isInstanceOf(ApplicationFailure.class)
        .satisfies(
            e -> {
              ApplicationFailure failure = (ApplicationFailure) e;
              assertThat(failure.getType()).isEqualTo(FailureType.DEPENDENCY_UNAVAILABLE.name());
              assertThat(failure.getOriginalMessage())
                  .startsWith(
                      "the tests need the devDependency some-tool"
                          + " (\"someuser/some-tool\") of package.json, from a git host")
                  .endsWith("the repository loads it")
                  .doesNotContain("\n")
                  .doesNotContain("complete log");
            });
    assertThat(
            Files.exists(
                tmp.resolve("deps")
                    .resolve("npm-" + context.manifestHash().substring(0, 16))
                    .resolve(".complete")))
        .as("no cache is marked complete")
        .isFalse();
  }
}
