package dev.taskmill.cli;

import dev.taskmill.client.ConnectionSettings;
import dev.taskmill.client.SearchAttributeRegistrar;
import dev.taskmill.client.TemporalConnections;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs a Temporal server for several processes on one machine: the development server, or the
 * in-memory one.
 */
@Command(
    footer = {
      "",
      "Example:",
      "  taskmill server",
      "  taskmill server --port 7233 --ui-port 8233 --db /data/temporal.db"
    },
    name = "server",
    description = {
      "Run a Temporal server until stopped: the Temporal CLI's development server (persistent, with the Web UI)"
          + " when it is installed (bash deploy/temporal/install.sh), else the in-memory server.",
      "Example: taskmill server --port 7233 --ui-port 8233"
    })
final class ServerCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--port",
      defaultValue = "7233",
      description = "gRPC port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--ui-port",
      defaultValue = "8233",
      description = "Web UI port (default: ${DEFAULT-VALUE}).")
  int uiPort;

  @Option(
      names = "--db",
      paramLabel = "FILE",
      description =
          "SQLite file that keeps the server's state (default: ~/.local/share/taskmill/temporal.db).")
  Path db;

  @Option(
      names = "--ip",
      defaultValue = "127.0.0.1",
      description =
          "Interface to listen on (default: ${DEFAULT-VALUE}; the server has no authentication, so"
              + " another interface exposes it to the network).")
  String ip;

  @Option(
      names = "--in-memory",
      description = "Use the in-memory server even when the CLI is installed.")
  boolean inMemory;

  @Override
  public Integer call() throws Exception {
    Optional<Path> binary = inMemory ? Optional.empty() : DevServer.binary();
    if (binary.isEmpty()) {
      return inMemory();
    }
    DevServer server =
        new DevServer(
            binary.get(),
            ip,
            port,
            uiPort,
            (db == null ? DevServer.defaultDb() : db).toAbsolutePath());
    Process process = server.startAttached();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    var stubs =
        TemporalConnections.connect(new ConnectionSettings(server.address(), "default"), null);
    boolean attributes = SearchAttributeRegistrar.ensure(stubs, "default");
    stubs.shutdown();
    System.out.println(
        "Temporal development server on "
            + server.address()
            + " (state in "
            + server.db()
            + (attributes ? ", taskmill search attributes registered" : "")
            + ")");
    System.out.println("Web UI: " + server.uiUrl() + "   Ctrl-C stops it.");
    return process.waitFor() == 0 ? 0 : 1;
  }

  private int inMemory() throws InterruptedException {
    EmbeddedTemporal server;
    try {
      server = EmbeddedTemporal.start(port);
    } catch (RuntimeException e) {
      throw new UserError(
          3,
          "cannot listen on port " + port + " (" + bindReason(e) + "); pick another with --port");
    }
    System.out.println(
        (inMemory ? "" : "The Temporal CLI is not installed (bash deploy/temporal/install.sh): ")
            + "Temporal in-memory server on "
            + server.address()
            + " (state is lost on exit, no Web UI). Ctrl-C stops it.");
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stop.countDown();
                }));
    stop.await();
    return 0;
  }

  /**
   * Why a port cannot be bound, in words: the SDK's message is "java.io.IOException: Failed to bind
   * to ...".
   */
  static String bindReason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return "it is already in use";
      }
      if (t instanceof SecurityException
          || String.valueOf(t.getMessage()).contains("Permission denied")) {
        return "permission denied";
      }
      if (String.valueOf(t.getMessage()).contains("Failed to bind")) {
        return "it is already in use";
      }
    }
    return "the server did not start";
  }
}
