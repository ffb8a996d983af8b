package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * How a local run tells a busy server (a port that accepts) from no server at all (a closed port).
 */
class TemporalSessionTest {
  @Test
  void aListeningPortAccepts() throws Exception {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(TemporalSession.accepts("127.0.0.1:" + socket.getLocalPort())).isTrue();
    }
  }

  @Test
  void aClosedPortDoesNot() throws Exception {
    int port;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    assertThat(TemporalSession.accepts("127.0.0.1:" + port)).isFalse();
  }
}
