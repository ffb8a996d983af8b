package dev.taskmill.environment;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The package manager whose lockfile the project keeps, and the host command that fills node_modules from it
 * with no install script run: npm ci, pnpm (hoisted, so node_modules is flat as npm makes it) or Yarn 1, the last
 * two through Node's corepack (which fetches the pinned pnpm or Yarn from npm). Yarn 2+ is refused: its default
 * Plug'n'Play has no node_modules, and its yarnPath would run a file from the repository on the host.
 */
enum NodePackageManager {
  NPM, NPM_WITHOUT_LOCKFILE, PNPM, YARN_CLASSIC;

  /** The manager the lockfiles in {@code project} (a folder of manifests) name; refuses Yarn 2+ in one line. */
  static NodePackageManager of(Path project) {
    if (Files.exists(project.resolve("package-lock.json")) || Files.exists(project.resolve("npm-shrinkwrap.json"))) {
      return NPM;
    }
    if (Files.exists(project.resolve("pnpm-lock.yaml"))) {
      return PNPM;
    }
    Path yarnLock = project.resolve("yarn.lock");
    if (Files.exists(yarnLock)) {
      if (berry(yarnLock)) {
        throw Failures.of(FailureType.PACKAGE_MANAGER_UNSUPPORTED, "the project's yarn.lock is Yarn 2 or later"
            + " (it has __metadata), which taskmill does not run: its Plug'n'Play leaves no node_modules for the"
            + " test stages, and its yarnPath would run repository code on the host");
      }
      return YARN_CLASSIC;
    }
    return NPM_WITHOUT_LOCKFILE;
  }

  /** The command, run in the folder of manifests. */
  List<String> command() {
    return switch (this) {
      case NPM -> List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error");
      case NPM_WITHOUT_LOCKFILE -> List.of("npm", "install", "--ignore-scripts", "--no-audit", "--no-fund",
          "--loglevel=error");
      case PNPM -> List.of("corepack", "pnpm", "install", "--frozen-lockfile", "--ignore-scripts",
          "--config.node-linker=hoisted", "--reporter=append-only");
      case YARN_CLASSIC -> List.of("corepack", "yarn@1.22.22", "install", "--frozen-lockfile", "--ignore-scripts",
          "--non-interactive", "--no-progress");
    };
  }

  /** What the one-line error calls the command. */
  String label() {
    return switch (this) {
      case NPM -> "npm ci";
      case NPM_WITHOUT_LOCKFILE -> "npm install";
      case PNPM -> "pnpm install (pnpm-lock.yaml)";
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
