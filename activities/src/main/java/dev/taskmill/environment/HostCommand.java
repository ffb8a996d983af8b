package dev.taskmill.environment;

import dev.taskmill.progress.Heartbeat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a dependency tool (mvn, npm, pip, go) on the host with a timeout, heartbeating while it
 * runs. Never used for repository code: the commands it gets resolve dependencies with scripts and
 * plugins disabled.
 */
final class HostCommand {
  /** The exit code and the last lines of the output. */
  record Result(int exitCode, List<String> tail) {
    boolean ok() {
      return exitCode == 0;
    }

    /**
     * npm's, pnpm's or Yarn's own account of an install failure: the first lines of its error that
     * name something (the package and the registry's answer, or the git command and why it failed),
     * without the code line, the log's path or the advice; the last meaningful line when there are
     * none.
     */
    String installError() {
      List<String> said =
          tail.stream()
              .map(String::strip)
              .filter(
                  l ->
                      l.startsWith("npm error")
                          || l.startsWith("npm ERR!")
                          || l.startsWith("ERR_PNPM")
                          || l.startsWith(" ERR_PNPM")
                          || l.startsWith("error "))
              .map(l -> l.replaceFirst("^(npm error|npm ERR!|error)\\s*", "").strip())
              .filter(
                  l ->
                      !l.isEmpty()
                          && !l.matches(
                              "(?i)(code \\S+|404|A complete log of this run.*"
                                  + "|(404\\s+)?Note that you can.*|(404\\s+)?tarball, folder, .*|Please make sure .*"
                                  + "|and the repository exists\\.?|Command failed\\..*|Exit code: .*|info Visit .*)"))
              .distinct()
              .limit(3)
              .toList();
      if (said.isEmpty()) {
        return lastMeaningfulLine();
      }
      String line = String.join("; ", said).replaceAll("\\s+", " ");
      return line.length() > 400 ? line.substring(0, 400) + "..." : line;
    }

    /**
     * The line that says what went wrong: Maven's "Failed to execute goal" (or a resolution error)
     * where there is one, else the last line that says something, preferring Maven/npm error lines.
     */
    String lastMeaningfulLine() {
      for (String raw : tail) {
        String line = raw.strip();
        if (line.startsWith("[ERROR]") && MAVEN_CAUSE.matcher(line).find()) {
          return line;
        }
      }
      for (int i = tail.size() - 1; i >= 0; i--) {
        String line = tail.get(i).strip();
        if (line.startsWith("[ERROR]") && !MAVEN_BOILERPLATE.matcher(line).matches()) {
          return line;
        }
        if ((line.startsWith("npm ERR!") || line.startsWith("npm error"))
            && !NPM_BOILERPLATE.matcher(line).find()) {
          return line;
        }
        if (line.startsWith("ERROR:")) {
          return line;
        }
      }
      return tail.stream()
          .filter(l -> !l.isBlank())
          .reduce((a, b) -> b)
          .orElse("(no output)")
          .strip();
    }
  }

  /** Maven's lines that name the cause of a failed build. */
  private static final java.util.regex.Pattern MAVEN_CAUSE =
      java.util.regex.Pattern.compile(
          "Failed to execute goal|Non-resolvable|Could not resolve|Could not find artifact"
              + "|The build could not read|Unresolveable build extension");

  /** Maven's closing lines that say nothing about the cause (help links, how to resume). */
  private static final java.util.regex.Pattern MAVEN_BOILERPLATE =
      java.util.regex.Pattern.compile(
          "\\[ERROR\\]\\s*(->.*|Re-run.*|To see.*|For more.*|\\[Help \\d+\\].*"
              + "|After correcting the problems.*|mvn <args> -rf .*|See .* for the individual.*)?");

  /**
   * npm's closing lines that say nothing about the cause (the log's path, git's generic advice).
   */
  private static final java.util.regex.Pattern NPM_BOILERPLATE =
      java.util.regex.Pattern.compile(
          "^npm (ERR!|error)\\s*($|A complete log of this run|Please make sure you have the correct access rights"
              + "|and the repository exists|fatal: Could not read from remote repository|code \\d+$)");

  private HostCommand() {}

  static Result run(
      List<String> command,
      Path cwd,
      Map<String, String> env,
      Duration timeout,
      Heartbeat heartbeat) {
    Path log = null;
    Process process = null;
    try {
      log = Files.createTempFile("taskmill-host-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(cwd.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(env);
      process = builder.start();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!process.waitFor(5, TimeUnit.SECONDS)) {
        heartbeat.beat("running " + command.get(0));
        if (System.nanoTime() > deadline) {
          process.destroyForcibly();
          return new Result(
              124, List.of(command.get(0) + " timed out after " + timeout.toSeconds() + " s"));
        }
      }
      List<String> lines = Files.readAllLines(log);
      return new Result(
          process.exitValue(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      if (process == null) {
        return new Result(127, List.of("cannot run " + command.get(0) + ": " + e.getMessage()));
      }
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
      if (log != null) {
        try {
          Files.deleteIfExists(log);
        } catch (IOException ignored) {
          // a leftover temp log is harmless
        }
      }
    }
  }
}
