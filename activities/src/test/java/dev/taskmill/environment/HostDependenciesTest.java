package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.progress.Heartbeat;
import dev.taskmill.testing.FixtureRepo;
import dev.taskmill.testing.StackFixtures;
import dev.taskmill.testing.StackFixtures.Fixture;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The host side of the dependency caches against the real registries (go, npm and the Go module
 * proxy, which CI machines reach): what cannot be had is one line naming it, and no cache is marked
 * complete.
 */
class HostDependenciesTest {
  @TempDir Path tmp;

  BuildContext context(Fixture fixture, StackKind kind) {
    return BuildContext.export(
        fixture.repo().git().getRepository(), fixture.baseCommit(), kind, "", tmp.resolve("ctx"));
  }

  static void isOneLine(ApplicationFailure f, String type, String... parts) {
    assertThat(f.getType()).isEqualTo(type);
    assertThat(f.getOriginalMessage()).contains(parts).doesNotContain("\n");
  }

  @Nested
  class Go {
    @Test
    void aThirdPartyModuleLandsInTheModuleCache() throws Exception {
      Fixture fixture = StackFixtures.goModern(tmp.resolve("repo"));
      var mounts =
          new DependencyCache(tmp.resolve("deps"), Heartbeat.NONE)
              .prepare(StackKind.GO, context(fixture, StackKind.GO), "");
      assertThat(mounts)
          .singleElement()
          .extracting(m -> m.spec())
          .asString()
          .endsWith(":/taskmill/deps/gomod:ro");
      Path gomod = Path.of(mounts.get(0).hostPath());
      assertThat(gomod.resolve("github.com/google/go-cmp@v0.6.0/cmp")).isDirectory();
    }

    @Test
    void aModuleTheProxyDoesNotHaveIsOneLineNamingIt() throws Exception {
      Fixture fixture =
          StackFixtures.goModernWith(
              tmp.resolve("repo"),
              "module example.com/calc\n\ngo 1.22\n\n"
                  + "require example.com/taskmill-no-such-module v1.0.0\n");
      Path deps = tmp.resolve("deps");
      assertThatThrownBy(
              () ->
                  new DependencyCache(deps, Heartbeat.NONE)
                      .prepare(StackKind.GO, context(fixture, StackKind.GO), ""))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f ->
                  isOneLine(
                      f,
                      "DEPENDENCY_UNAVAILABLE",
                      "a Go module cannot be downloaded",
                      "example.com/taskmill-no-such-module@v1.0.0"));
      try (var dirs = Files.list(deps)) {
        assertThat(dirs.filter(Files::isDirectory))
            .allSatisfy(
                d ->
                    assertThat(d.resolve(".complete"))
                        .as("no cache is marked complete")
                        .doesNotExist());
      }
    }
  }

  @Nested
  class Node {
    @Test
    void aPackageNpmDoesNotHaveIsOneLineNamingIt() {
      Fixture fixture = StackFixtures.typescriptWithMissingPackage(tmp.resolve("repo"));
      assertThatThrownBy(
              () ->
                  new DependencyCache(tmp.resolve("deps"), Heartbeat.NONE)
                      .prepare(StackKind.NPM, context(fixture, StackKind.NPM), ""))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f ->
                  isOneLine(
                      f,
                      "DEPENDENCY_UNAVAILABLE",
                      "npm install failed on the host",
                      "taskmill-fixture-no-such-package-4f1c"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
      "package-lock.json, NPM",
      "npm-shrinkwrap.json, NPM",
      "pnpm-lock.yaml, PNPM",
      "yarn.lock, YARN_CLASSIC",
      "none, NPM_WITHOUT_LOCKFILE",
    })
    void theLockfileNamesTheTool(String lockfile, NodePackageManager expected) throws Exception {
      Path project = Files.createDirectories(tmp.resolve("p"));
      Files.writeString(project.resolve("package.json"), "{}");
      if (!lockfile.equals("none")) {
        Files.writeString(project.resolve(lockfile), "# yarn lockfile v1\n");
      }
      assertThat(NodePackageManager.of(project)).isEqualTo(expected);
    }

    /**
     * immerjs/immer: semantic-release in devDependencies asks for Node 22; the host has another.
     */
    @Test
    void yarnIgnoresTheEnginesOfTheLockfilesPackages() throws Exception {
      Path project = Files.createDirectories(tmp.resolve("y"));
      Files.writeString(project.resolve("package.json"), "{}");
      Files.writeString(project.resolve("yarn.lock"), "# yarn lockfile v1\n");
      assertThat(NodePackageManager.YARN_CLASSIC.command(project))
          .contains("install", "--frozen-lockfile", "--ignore-scripts", "--ignore-engines");
    }

    @ParameterizedTest(name = "{0} / {1} -> pnpm@{2}")
    @CsvSource({
      "'',                              '9.0', 9",
      "'',                              '6.1', 8",
      "'',                              '5.4', 7",
      "'\"packageManager\":\"pnpm@8.15.4+sha256.ab\"', '9.0', 8.15.4",
    })
    void pnpmIsThePinnedOneOrTheOneThatWritesTheLockfile(
        String field, String lockfile, String version) throws Exception {
      Path project = Files.createDirectories(tmp.resolve("p"));
      Files.writeString(project.resolve("package.json"), "{" + field + "}");
      Files.writeString(project.resolve("pnpm-lock.yaml"), "lockfileVersion: '" + lockfile + "'\n");
      assertThat(NodePackageManager.PNPM.command(project))
          .contains("--package=pnpm@" + version, "--ignore-scripts", "--frozen-lockfile");
    }

    @Test
    void aYarnBerryLockfileIsRefusedInOneLineSayingWhy() throws Exception {
      Path project = Files.createDirectories(tmp.resolve("p"));
      Files.writeString(project.resolve("package.json"), "{}");
      Files.writeString(
          project.resolve("yarn.lock"),
          "# This file is generated by running \"yarn install\"\n\n"
              + "__metadata:\n  version: 8\n  cacheKey: 10c0\n");
      assertThatThrownBy(() -> NodePackageManager.of(project))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> isOneLine(f, "PACKAGE_MANAGER_UNSUPPORTED", "Yarn 2 or later", "node_modules"));
    }

    @Test
    void aYarnClassicLockfileInstallsWithYarnOne() throws Exception {
      try (FixtureRepo repo = FixtureRepo.init(tmp.resolve("yarn"))) {
        repo.write(
                "package.json",
                "{\"name\":\"y\",\"version\":\"1.0.0\",\"devDependencies\":{\"is-number\":\"7.0.0\"}}")
            .write("yarn.lock", YARN_LOCK);
        String commit = repo.commit("yarn project");
        BuildContext ctx =
            BuildContext.export(
                repo.git().getRepository(), commit, StackKind.NPM, "", tmp.resolve("ctx"));
        var mounts =
            new DependencyCache(tmp.resolve("deps"), Heartbeat.NONE)
                .prepare(StackKind.NPM, ctx, "");
        Path modules = Path.of(mounts.get(0).hostPath());
        assertThat(modules.resolve("is-number/package.json")).exists();
      }
    }
  }

  @Nested
  class InstallErrors {
    @Test
    void aMissingPackageIsNamedWithTheRegistrysAnswer() {
      var result =
          new HostCommand.Result(
              1,
              java.util.List.of(
                  "npm error code E404",
                  "npm error 404 Not Found - GET https://registry.npmjs.org/no-such-pkg",
                  "npm error 404",
                  "npm error 404  The requested resource 'no-such-pkg@1.0.0' could not be found.",
                  "npm error 404",
                  "npm error 404 Note that you can also install from a",
                  "npm error 404 tarball, folder, http url, or git url.",
                  "npm error A complete log of this run can be found in: /root/.npm/_logs/x-debug-0.log"));
      assertThat(result.installError())
          .isEqualTo(
              "404 Not Found - GET https://registry.npmjs.org/no-such-pkg; 404 The"
                  + " requested resource 'no-such-pkg@1.0.0' could not be found.");
    }

    /** jhy/jsoup's go-offline failure ended "[ERROR] [Help 1] http://cwiki.apache.org/...". */
    @Test
    void aMavenFailureIsNamedByItsGoalNotByTheHelpLink() {
      var result =
          new HostCommand.Result(
              1,
              java.util.List.of(
                  "[INFO] BUILD FAILURE",
                  "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-dependency-plugin:3.8.1:"
                      + "go-offline (default-cli) on project jsoup: Cannot resolve x:y:1.0",
                  "[ERROR] ",
                  "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
                  "[ERROR] Re-run Maven using the -X switch to enable full debug logging.",
                  "[ERROR] ",
                  "[ERROR] For more information about the errors and possible solutions, please read",
                  "[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoExecutionException"));
      assertThat(result.lastMeaningfulLine())
          .startsWith("[ERROR] Failed to execute goal")
          .contains("Cannot resolve x:y:1.0");
    }

    @Test
    void aMavenTailWithoutAGoalLineSkipsTheHelpLink() {
      var result =
          new HostCommand.Result(
              1,
              java.util.List.of(
                  "[ERROR] The project x:y:1 has 1 error",
                  "[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/ProjectBuildingException"));
      assertThat(result.lastMeaningfulLine()).isEqualTo("[ERROR] The project x:y:1 has 1 error");
    }

    @Test
    void aGitDependencyIsNamedWithTheCause() {
      var result =
          new HostCommand.Result(
              128,
              java.util.List.of(
                  "npm error code 128",
                  "npm error An unknown git error occurred",
                  "npm error command git --no-replace-objects ls-remote ssh://git@github.com/user/repo.git",
                  "npm error ssh: Could not resolve hostname github.com: Name or service not known",
                  "npm error fatal: Could not read from remote repository.",
                  "npm error",
                  "npm error Please make sure you have the correct access rights",
                  "npm error A complete log of this run can be found in: /root/.npm/_logs/x-debug-0.log"));
      assertThat(result.installError())
          .contains("ssh://git@github.com/user/repo.git", "Could not resolve hostname github.com")
          .doesNotContain("A complete log", "\n");
    }
  }

  static final String YARN_LOCK =
      """
      # THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
      # yarn lockfile v1


      is-number@7.0.0:
        version "7.0.0"
        resolved "https://registry.yarnpkg.com/is-number/-/is-number-7.0.0.tgz#7535345b896734d5f80c4d06c50955527a14f12b"
        integrity sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==
      """;
}
