package dev.taskmill.cli;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Temporal's in-memory server bound to a local port, for runs when no server is available. */
public final class EmbeddedTemporal implements AutoCloseable {
  private final TestServer.PortBoundTestServer server;
  private final int port;

  private EmbeddedTemporal(TestServer.PortBoundTestServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts the server on {@code port}, or on a free port when it is 0, with time skipping locked
   * off: a skipped clock would fire heartbeat and activity timeouts early.
   */
  public static EmbeddedTemporal start(int port) {
    int chosen = port == 0 ? freePort() : port;
    return new EmbeddedTemporal(TestServer.createPortBoundServer(chosen, true), chosen);
  }

  public String address() {
    return "localhost:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    server.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
