package dev.taskmill.cli;

import dev.taskmill.client.ConnectionSettings;
import dev.taskmill.client.TemporalConnections;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Temporal CLI's development server (the real server, SQLite persistence, the Web UI) as a
 * separate process. The binary comes from {@code deploy/temporal/install.sh}; see
 * docs/operations.md.
 */
final class DevServer {
  static final int DEFAULT_UI_PORT = 8233;

  /** Set to "none" to never use the development server (the in-memory one is used instead). */
  static final String BINARY_VARIABLE = "TASKMILL_TEMPORAL_BIN";

  private final Path binary;
  private final String ip;
  private final int port;
  private final int uiPort;
  private final Path db;

  DevServer(Path binary, String ip, int port, int uiPort, Path db) {
    this.binary = binary;
    this.ip = ip;
    this.port = port;
    this.uiPort = uiPort;
    this.db = db;
  }

  /**
   * The CLI binary: $TASKMILL_TEMPORAL_BIN, else the project's .tools/bin/temporal next to this
   * jar's checkout, else {@code temporal} on the PATH; empty when none is there or the variable
   * says "none".
   */
  static Optional<Path> binary() {
    String configured = System.getenv(BINARY_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      if (configured.equals("none")) {
        return Optional.empty();
      }
      Path path = Path.of(configured);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    Optional<Path> local = projectTools().filter(Files::isExecutable);
    if (local.isPresent()) {
      return local;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "temporal");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** {@code <checkout>/.tools/bin/temporal}, found from starter/target/(taskmill.jar|classes). */
  private static Optional<Path> projectTools() {
    try {
      Path code =
          Path.of(DevServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path target = code.getParent();
      Path checkout =
          target == null || target.getParent() == null ? null : target.getParent().getParent();
      return checkout == null
          ? Optional.empty()
          : Optional.of(checkout.resolve(".tools/bin/temporal"));
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The default database: $XDG_DATA_HOME/taskmill/temporal.db or
   * ~/.local/share/taskmill/temporal.db.
   */
  static Path defaultDb() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path data =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return data.resolve("taskmill").resolve("temporal.db");
  }

  String address() {
    return hostForClients() + ":" + port;
  }

  String uiUrl() {
    return "http://" + hostForClients() + ":" + uiPort;
  }

  Path db() {
    return db;
  }

  private String hostForClients() {
    return ip.equals("127.0.0.1") || ip.equals("0.0.0.0") ? "localhost" : ip;
  }

  /** The command line: loopback only unless asked, persistent state in {@link #db}. */
  List<String> command() {
    return new ArrayList<>(
        List.of(
            binary.toString(),
            "server",
            "start-dev",
            "--ip",
            ip,
            "--port",
            String.valueOf(port),
            "--ui-port",
            String.valueOf(uiPort),
            "--db-filename",
            db.toString(),
            "--log-level",
            "warn",
            "--ui-disable-news-fetch"));
  }

  /**
   * Starts the server in its own session (so that Ctrl-C on this command leaves it running) with
   * its output in {@code log}, and waits until it answers.
   */
  Process startDetached(Path log) throws IOException {
    Files.createDirectories(db.toAbsolutePath().getParent());
    List<String> command = command();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add(0, "/usr/bin/setsid");
    }
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    awaitAnswer(process, log);
    return process;
  }

  /**
   * Starts the server as a child whose output is this process's; it stops when this process stops
   * it.
   */
  Process startAttached() throws IOException {
    Files.createDirectories(db.toAbsolutePath().getParent());
    Process process = new ProcessBuilder(command()).inheritIO().start();
    awaitAnswer(process, null);
    return process;
  }

  private void awaitAnswer(Process process, Path log) {
    WorkflowServiceStubs stubs =
        TemporalConnections.connect(new ConnectionSettings(address(), "default"), null);
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new UserError(
              UserError.SERVER_UNREACHABLE,
              "the Temporal development server exited with code "
                  + process.exitValue()
                  + " at start"
                  + (log == null ? "" : "; see " + log)
                  + " (is port "
                  + port
                  + " or "
                  + uiPort
                  + " taken?)");
        }
        if (TemporalConnections.answers(stubs, 1)) {
          return;
        }
        Thread.sleep(250);
      }
      process.destroy();
      throw new UserError(
          UserError.SERVER_UNREACHABLE,
          "the Temporal development server did not answer on "
              + address()
              + " within 60 s"
              + (log == null ? "" : "; see " + log));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
      throw new UserError(
          UserError.SERVER_UNREACHABLE, "interrupted while the Temporal server started");
    } finally {
      stubs.shutdownNow();
    }
  }
}
