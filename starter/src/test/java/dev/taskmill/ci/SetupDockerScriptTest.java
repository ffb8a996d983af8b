package dev.taskmill.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code .ci/setup-docker.sh} against stubbed {@code apt-get}, {@code dockerd} and {@code
 * docker} on a PATH that holds nothing else, so it needs neither root nor network, and asserts what
 * it installs or starts.
 */
class SetupDockerScriptTest {

  private static final Path SCRIPT = locateScript();

  @TempDir Path dir;
  private Path bin;
  private Path calls;
  private Path state;

  @BeforeEach
  void stubs() throws IOException {
    bin = Files.createDirectories(dir.resolve("bin"));
    state = Files.createDirectories(dir.resolve("state"));
    calls = dir.resolve("calls.log");
    Files.writeString(calls, "");
    // The few real tools the script needs besides the stubs; the rest of the host's PATH stays out
    // of reach.
    for (String tool : List.of("sleep", "rm", "cat", "sed", "dirname", "env", "chmod")) {
      Files.createSymbolicLink(bin.resolve(tool), Path.of(which(tool)));
    }
    // sudo runs its command as is: the test runs as root in CI and as a user elsewhere.
    stub("sudo", "\"$@\"");
    stub("pgrep", "[ -f '" + state + "/dockerd.running' ]");
    stub("setsid", "\"$@\"");
  }

  @Nested
  class ClientPresentEngineAbsent {
    @Test
    void installsDockerIoAndStartsTheEngine() throws Exception {
      client();
      aptGetThatInstallsEngine();

      Result result = run(Map.of());

      assertThat(result.exit).as(result.stderr).isZero();
      assertThat(result.calls).contains("apt-get install -y -q docker.io", "dockerd");
      assertThat(result.stderr).contains("installing docker.io", "starting dockerd");
      assertThat(result.stdout).isEmpty();
    }
  }

  @Nested
  class BothPresentEngineNotRunning {
    @Test
    void startsTheEngineWithoutInstallingAnything() throws Exception {
      client();
      engine();

      Result result = run(Map.of());

      assertThat(result.exit).as(result.stderr).isZero();
      assertThat(result.calls).noneMatch(call -> call.startsWith("apt-get"));
      assertThat(result.calls).contains("dockerd");
      assertThat(result.stderr).contains("docker engine answers (API 1.41)");
    }

    @Test
    void failsInOneLineNamingTheLogWhenTheEngineNeverAnswers() throws Exception {
      client();
      stub("dockerd", "echo dockerd >>'" + calls + "'");

      Result result = run(Map.of("SETUP_DOCKER_WAIT_SECONDS", "2"));

      assertThat(result.exit).isEqualTo(1);
      assertThat(result.stderr.strip().lines().reduce((first, last) -> last))
          .hasValue(
              "setup-docker.sh: the Docker engine did not answer within 2 s; see "
                  + dir.resolve("dockerd.log"));
    }
  }

  @Nested
  class BothPresentAndRunning {
    @Test
    void installsAndStartsNothing() throws Exception {
      client();
      engine();
      Files.writeString(state.resolve("dockerd.running"), "");

      Result result = run(Map.of());

      assertThat(result.exit).as(result.stderr).isZero();
      assertThat(result.calls)
          .noneMatch(call -> call.startsWith("apt-get") || call.equals("dockerd"));
      assertThat(result.stdout).isEmpty();
    }

    @Test
    void pinsTheApiVersionOnlyWhenTheClientIsTooNewForTheEngine() throws Exception {
      stub(
          "docker",
          "echo \"docker $* api=${DOCKER_API_VERSION:-}\" >>'"
              + calls
              + "'\n"
              + "if [ -z \"${DOCKER_API_VERSION:-}\" ]; then\n"
              + "  echo 'Error response from daemon: client version 1.50 is too new. Maximum supported API"
              + " version is 1.41' >&2; exit 1\n"
              + "fi\n"
              + "echo 1.41");
      engine();
      Files.writeString(state.resolve("dockerd.running"), "");

      Result result = run(Map.of());

      assertThat(result.exit).as(result.stderr).isZero();
      assertThat(result.stdout.strip()).isEqualTo("export DOCKER_API_VERSION=1.41");
      assertThat(result.calls).noneMatch(call -> call.equals("dockerd"));
    }
  }

  @Nested
  class RemoteEngine {
    @Test
    void neverInstallsOrStartsALocalEngine() throws Exception {
      stub(
          "docker",
          "echo \"docker $* host=$DOCKER_HOST\" >>'"
              + calls
              + "'\n"
              + "[ \"$DOCKER_HOST\" = tcp://build-host:2376 ] && echo 1.43");

      Result result = run(Map.of("DOCKER_HOST", "tcp://build-host:2376"));

      assertThat(result.exit).as(result.stderr).isZero();
      assertThat(result.calls)
          .noneMatch(call -> call.startsWith("apt-get") || call.equals("dockerd"));
      assertThat(result.calls).anyMatch(call -> call.endsWith("host=tcp://build-host:2376"));
      assertThat(result.stderr).contains("API 1.43");
    }

    @Test
    void saysWhichEngineDidNotAnswer() throws Exception {
      stub("docker", "echo 'Cannot connect to the Docker daemon' >&2; exit 1");

      Result result =
          run(Map.of("DOCKER_HOST", "tcp://build-host:2376", "SETUP_DOCKER_WAIT_SECONDS", "1"));

      assertThat(result.exit).isEqualTo(1);
      assertThat(result.calls)
          .noneMatch(call -> call.startsWith("apt-get") || call.equals("dockerd"));
      assertThat(result.stderr)
          .contains(
              "the Docker engine at DOCKER_HOST=tcp://build-host:2376 did not answer within 1 s");
    }
  }

  /** A docker client that answers once the stub engine has been started. */
  private void client() throws IOException {
    stub(
        "docker",
        "echo \"docker $*\" >>'"
            + calls
            + "'\n"
            + "[ -f '"
            + state
            + "/dockerd.running' ] || { echo 'Cannot connect to the Docker daemon' >&2; exit 1; }\n"
            + "echo 1.41");
  }

  /** An installed engine: starting it makes the client answer. */
  private void engine() throws IOException {
    stub(
        "dockerd",
        "echo dockerd >>'"
            + calls
            + "'\ntouch_file='"
            + state
            + "/dockerd.running'\n: >\"$touch_file\"");
  }

  /**
   * apt-get that records its call and, on install, puts a dockerd stub on the PATH as Debian's
   * package does.
   */
  private void aptGetThatInstallsEngine() throws IOException {
    String dockerd =
        "#!/bin/bash\\necho dockerd >>'" + calls + "'\\n: >'" + state + "/dockerd.running'\\n";
    stub(
        "apt-get",
        "echo \"apt-get $*\" >>'"
            + calls
            + "'\n"
            + "if [ \"$1\" = install ]; then printf '"
            + dockerd
            + "' >'"
            + bin
            + "/dockerd'; "
            + "chmod +x '"
            + bin
            + "/dockerd'; fi");
  }

  private void stub(String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.deleteIfExists(file);
    Files.writeString(file, "#!/bin/bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Result run(Map<String, String> env) throws Exception {
    List<String> command =
        new ArrayList<>(List.of(which("bash"), SCRIPT.toString(), "--no-images"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().put("PATH", bin.toString());
    builder.environment().put("SETUP_DOCKER_WAIT_SECONDS", "5");
    builder.environment().put("SETUP_DOCKER_DOCKERD_LOG", dir.resolve("dockerd.log").toString());
    builder.environment().putAll(env);
    builder.redirectOutput(dir.resolve("stdout").toFile());
    builder.redirectError(dir.resolve("stderr").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("script finished").isTrue();
    // dockerd is started in the background: give its stub a moment to write its line.
    Thread.sleep(100);
    return new Result(
        process.exitValue(),
        Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8),
        Files.readAllLines(calls));
  }

  private static String which(String tool) {
    for (String folder : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
      Path candidate = Path.of(folder, tool);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException("no " + tool + " on this machine");
  }

  private static Path locateScript() {
    Path folder = Path.of("").toAbsolutePath();
    while (folder != null && !Files.exists(folder.resolve(".ci/setup-docker.sh"))) {
      folder = folder.getParent();
    }
    if (folder == null) {
      throw new IllegalStateException(
          "no .ci/setup-docker.sh above " + Path.of("").toAbsolutePath());
    }
    return folder.resolve(".ci/setup-docker.sh");
  }

  private record Result(int exit, String stdout, String stderr, List<String> calls) {}
}
