package dev.taskmill.environment;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The package manager whose lockfile the project keeps, and the host command that fills
 * node_modules from it with no install script run: npm ci, pnpm (hoisted, so node_modules is flat
 * as npm makes it) or Yarn 1, the last two fetched from npm by npm exec. Yarn 2+ is refused: its
 * default Plug'n'Play has no node_modules, and its yarnPath would run a file from the repository on
 * the host.
 */
enum NodePackageManager {
  NPM,
  NPM_WITHOUT_LOCKFILE,
  PNPM,
  YARN_CLASSIC;

  /**
   * The manager the lockfiles in {@code project} (a folder of manifests) name; refuses Yarn 2+ in
   * one line.
   */
  static NodePackageManager of(Path project) {
    if (Files.exists(project.resolve("package-lock.json"))
        || Files.exists(project.resolve("npm-shrinkwrap.json"))) {
      return NPM;
    }
    if (Files.exists(project.resolve("pnpm-lock.yaml"))) {
      return PNPM;
    }
    Path yarnLock = project.resolve("yarn.lock");
    if (Files.exists(yarnLock)) {
      if (berry(yarnLock)) {
        throw Failures.of(
            FailureType.PACKAGE_MANAGER_UNSUPPORTED,
            "the project's yarn.lock is Yarn 2 or later"
                + " (it has __metadata), which taskmill does not run: its Plug'n'Play leaves no node_modules for the"
                + " test stages, and its yarnPath would run repository code on the host");
      }
      return YARN_CLASSIC;
    }
    return NPM_WITHOUT_LOCKFILE;
  }

  /**
   * The command, run in {@code project} (the folder of manifests). pnpm and Yarn 1 come from npm
   * through {@code npm exec}, which checks their integrity as it does every package's (corepack
   * insists on registry signatures, which a mirror may not serve): the version package.json's
   * packageManager pins, else the pnpm that writes the lockfile's version, else Yarn 1.22.22.
   */
  List<String> command(Path project) {
    return switch (this) {
      case NPM ->
          List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error");
      case NPM_WITHOUT_LOCKFILE ->
          List.of(
              "npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error");
      case PNPM ->
          List.of(
              "npm",
              "exec",
              "--yes",
              "--package=pnpm@" + pinned(project, "pnpm").orElseGet(() -> pnpmForLockfile(project)),
              "--",
              "pnpm",
              "install",
              "--frozen-lockfile",
              "--ignore-scripts",
              "--config.node-linker=hoisted",
              "--reporter=append-only");
      case YARN_CLASSIC ->
          List.of(
              "npm",
              "exec",
              "--yes",
              "--package=yarn@"
                  + pinned(project, "yarn").filter(v -> v.startsWith("1.")).orElse("1.22.22"),
              "--",
              "yarn",
              "install",
              "--frozen-lockfile",
              "--ignore-scripts",
              // Yarn 1 refuses a lockfile whose dev tools ask for another Node than the host's
              // (immer: semantic-release wants Node 22); the tests' Node is chosen for the image.
              "--ignore-engines",
              "--non-interactive",
              "--no-progress");
    };
  }

  /**
   * The version of {@code tool} in package.json's packageManager ("pnpm@8.15.4+sha256.ab..." gives
   * 8.15.4).
   */
  static java.util.Optional<String> pinned(Path project, String tool) {
    try {
      String field =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(project.resolve("package.json").toFile())
              .path("packageManager")
              .asText("");
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("^" + tool + "@(\\d+\\.\\d+\\.\\d+[^+]*)").matcher(field);
      return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional
          .empty(); // an unreadable package.json fails in the install, with npm's message
    }
  }

  /** lockfileVersion 9.x is pnpm 9, 6.x pnpm 8, 5.x pnpm 7. */
  static String pnpmForLockfile(Path project) {
    try (var lines = Files.lines(project.resolve("pnpm-lock.yaml"))) {
      String version =
          lines
              .limit(5)
              .filter(l -> l.startsWith("lockfileVersion:"))
              .findFirst()
              .orElse("")
              .replaceAll("[^0-9.]", "");
      return version.startsWith("5") ? "7" : version.startsWith("6") ? "8" : "9";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the one-line error calls the command. */
  String label() {
    return switch (this) {
      case NPM -> "npm ci";
      case NPM_WITHOUT_LOCKFILE -> "npm install";
      case PNPM -> "pnpm install --frozen-lockfile (pnpm-lock.yaml)";
      case YARN_CLASSIC -> "yarn install (yarn.lock)";
    };
  }

  private static boolean berry(Path yarnLock) {
    try (var lines = Files.lines(yarnLock)) {
      return lines.limit(40).anyMatch(l -> l.startsWith("__metadata:"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
