package dev.taskmill.environment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a bash snippet in a folder and returns its stdout (test helper). */
final class Bash {
  private Bash() {}

  static String run(Path dir, String script) throws Exception {
    return run(dir, script, List.of()).out();
  }

  record Result(int exitCode, String out) {}

  static Result run(Path dir, String script, List<String> args) throws Exception {
    Path file = Files.createTempFile("taskmill-test-", ".sh");
    try {
      Files.writeString(file, script);
      var command = new java.util.ArrayList<>(List.of("bash", file.toString()));
      command.addAll(args);
      Process p =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("bash did not finish");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
