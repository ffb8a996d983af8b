package dev.taskmill.cli;

import dev.taskmill.client.ConnectionSettings;
import dev.taskmill.client.SearchAttributeRegistrar;
import dev.taskmill.client.TaskmillClient;
import dev.taskmill.client.TemporalConnections;
import dev.taskmill.worker.ActivityWiring;
import dev.taskmill.worker.QueueRole;
import dev.taskmill.worker.TaskmillWorkers;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;

/**
 * A connection for one CLI command: to the named server, to one answering at the default address,
 * or to an embedded in-memory server started for this process; optionally with an in-process
 * worker.
 */
final class TemporalSession implements AutoCloseable {
  private final EmbeddedTemporal embedded;
  private final WorkflowServiceStubs stubs;
  private final WorkerFactory worker;
  private final TaskmillClient client;
  private final ServerWatch serverWatch;

  private TemporalSession(
      EmbeddedTemporal embedded,
      WorkflowServiceStubs stubs,
      WorkerFactory worker,
      TaskmillClient client,
      String address) {
    this.embedded = embedded;
    this.stubs = stubs;
    this.worker = worker;
    this.client = client;
    this.serverWatch =
        new ServerWatch(
            address,
            () -> TemporalConnections.answers(stubs, 2),
            System::currentTimeMillis,
            ServerWatch.PATIENCE);
  }

  /** Connects to an existing server only; not finding one is a user error. */
  static TemporalSession connect(ConnectionOptions options) {
    ConnectionSettings settings = options.settings();
    WorkflowServiceStubs stubs = open(settings);
    if (!TemporalConnections.answers(stubs, 5)) {
      stubs.shutdownNow();
      throw new UserError(
          UserError.SERVER_UNREACHABLE,
          "no Temporal server answers at "
              + settings.address()
              + "; start one (taskmill server) or pass --address HOST:PORT");
    }
    boolean attributes = SearchAttributeRegistrar.ensure(stubs, settings.namespace());
    return new TemporalSession(
        null,
        stubs,
        null,
        new TaskmillClient(TemporalConnections.client(stubs, settings), attributes),
        settings.address());
  }

  /**
   * For run and analyze: the named server, else one answering at the default address, else an
   * embedded one. An in-process worker serves the run unless {@code remoteWorkers}.
   */
  static TemporalSession forLocalRun(
      ConnectionOptions options, boolean remoteWorkers, PrintStream out) {
    ConnectionSettings settings = options.settings();
    WorkflowServiceStubs stubs = open(settings);
    EmbeddedTemporal embedded = null;
    // A first gRPC call of a fresh JVM on a loaded machine can take seconds: a port that accepts
    // connections gets
    // that long, and only a closed one is answered at once by starting a server (which would find
    // the port taken).
    if (!TemporalConnections.answers(
        stubs, options.explicit() || accepts(settings.address()) ? 15 : 1)) {
      stubs.shutdownNow();
      if (options.explicit()) {
        throw new UserError(
            UserError.SERVER_UNREACHABLE,
            "no Temporal server answers at "
                + settings.address()
                + "; start one (taskmill server) or leave out --address to use an embedded one");
      }
      DevServer dev = startDevServer(settings, out);
      if (dev != null) {
        stubs = open(settings);
      } else {
        embedded = EmbeddedTemporal.start(0);
        settings = new ConnectionSettings(embedded.address(), settings.namespace());
        stubs = open(settings);
        out.println(
            "No Temporal server at "
                + options.settings().address()
                + ": started an embedded in-memory"
                + " server on "
                + embedded.address()
                + " and an in-process worker (install the development server"
                + " with bash deploy/temporal/install.sh for the Web UI).");
      }
    }
    boolean testServer = embedded != null || TemporalConnections.isTestServer(stubs);
    boolean attributes =
        !testServer && SearchAttributeRegistrar.ensure(stubs, settings.namespace());
    var workflowClient = TemporalConnections.client(stubs, settings);
    boolean ownWorker = !remoteWorkers || embedded != null;
    if (ownWorker) {
      TaskmillWorkers.removeLeftoverContainers(out);
    }
    WorkerFactory worker =
        !ownWorker
            ? null
            : TaskmillWorkers.start(
                workflowClient,
                EnumSet.allOf(QueueRole.class),
                ActivityWiring.fromEnvironment(),
                testServer);
    return new TemporalSession(
        embedded,
        stubs,
        worker,
        new TaskmillClient(workflowClient, attributes),
        settings.address());
  }

  /**
   * Whether something accepts TCP connections at "host:port" (not yet whether it speaks Temporal's
   * API).
   */
  static boolean accepts(String address) {
    int colon = address.lastIndexOf(':');
    try (var socket = new java.net.Socket()) {
      socket.connect(
          new java.net.InetSocketAddress(
              address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
          500);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Starts the development server at the default local address when its binary is installed, and
   * leaves it running for the next runs; null when it is not installed or the address is not local.
   */
  private static DevServer startDevServer(ConnectionSettings settings, PrintStream out) {
    var binary = DevServer.binary();
    String address = settings.address();
    int colon = address.lastIndexOf(':');
    String host = address.substring(0, colon);
    if (binary.isEmpty() || !(host.equals("localhost") || host.equals("127.0.0.1"))) {
      return null;
    }
    DevServer dev =
        new DevServer(
            binary.get(),
            "127.0.0.1",
            Integer.parseInt(address.substring(colon + 1)),
            DevServer.DEFAULT_UI_PORT,
            DevServer.defaultDb());
    java.nio.file.Path log = dev.db().resolveSibling("temporal-dev-server.log");
    try {
      Process process = dev.startDetached(log);
      out.println(
          "No Temporal server at "
              + address
              + ": started the Temporal development server there (pid "
              + process.pid()
              + ", state in "
              + dev.db()
              + "); it keeps running for the next runs. Web UI: "
              + dev.uiUrl());
      return dev;
    } catch (java.io.IOException e) {
      out.println(
          "The Temporal development server did not start ("
              + e.getMessage()
              + "); using the in-memory server.");
      return null;
    }
  }

  /**
   * Stubs for {@code settings}; a TLS file that cannot be read is the user's one line, not an
   * internal error.
   */
  private static WorkflowServiceStubs open(ConnectionSettings settings) {
    try {
      return TemporalConnections.connect(settings, null);
    } catch (IllegalArgumentException e) {
      throw new UserError(3, e.getMessage());
    }
  }

  TaskmillClient client() {
    return client;
  }

  /** Tells a follower when this session's server has stopped answering. */
  ServerWatch serverWatch() {
    return serverWatch;
  }

  @Override
  public void close() {
    if (serverWatch.isGone()) {
      // Nothing left to finish with a dead server; a graceful stop would only retry it.
      if (worker != null) {
        worker.shutdownNow();
      }
      stubs.shutdownNow();
      return;
    }
    if (worker != null) {
      TaskmillWorkers.shutdown(worker, Duration.ofSeconds(5));
    }
    stubs.shutdown();
    stubs.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    if (embedded != null) {
      embedded.close();
    }
  }
}
