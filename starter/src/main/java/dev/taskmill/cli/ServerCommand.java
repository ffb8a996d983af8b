package dev.taskmill.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the embedded in-memory Temporal server so that several processes on one machine can share it. */
@Command(name = "server", description = "Run the embedded in-memory Temporal server until stopped.")
final class ServerCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--port", defaultValue = "7233", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    EmbeddedTemporal server;
    try {
      server = EmbeddedTemporal.start(port);
    } catch (RuntimeException e) {
      throw new UserError(3, "cannot listen on port " + port + " (" + e.getMessage()
          + "); pick another with --port");
    }
    System.out.println("Temporal in-memory server on " + server.address()
        + " (state is lost on exit; the Web UI needs a real server, see docs/operations.md). Ctrl-C stops it.");
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stop.countDown();
    }));
    stop.await();
    return 0;
  }
}
