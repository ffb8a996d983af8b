package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskmill.client.ConnectionSettings;
import dev.taskmill.client.SearchAttributeRegistrar;
import dev.taskmill.client.TemporalConnections;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Temporal development server, installed by deploy/temporal/install.sh (required when
 * CI=true).
 */
class DevServerTest {
  @TempDir Path tmp;
  private Process process;

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
  }

  static Path binary() {
    Optional<Path> binary = DevServer.binary();
    if (binary.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but the Temporal CLI is not installed: run bash deploy/temporal/install.sh");
    }
    assumeTrue(binary.isPresent(), "the Temporal CLI is not installed (skipped outside CI)");
    return binary.get();
  }

  @Test
  void startsTheRealServerWithItsWebUiAndKeepsStateInItsDatabase() throws Exception {
    Path db = tmp.resolve("state/temporal.db");
    DevServer server = new DevServer(binary(), "127.0.0.1", freePort(), freePort(), db);

    process = server.startDetached(tmp.resolve("server.log"));

    var stubs =
        TemporalConnections.connect(new ConnectionSettings(server.address(), "default"), null);
    try {
      assertThat(TemporalConnections.isTestServer(stubs))
          .as("a real server answers GetClusterInfo")
          .isFalse();
      assertThat(SearchAttributeRegistrar.ensure(stubs, "default")).isTrue();
      var operator =
          io.temporal.serviceclient.OperatorServiceStubs.newServiceStubs(
              io.temporal.serviceclient.OperatorServiceStubsOptions.newBuilder()
                  .setChannel(stubs.getRawChannel())
                  .validateAndBuildWithDefaults());
      var attributes =
          operator
              .blockingStub()
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder().setNamespace("default").build())
              .getCustomAttributesMap();
      assertThat(attributes)
          .containsKeys("TaskmillRepo", "TaskmillPr", "TaskmillPhase", "TaskmillOutcome");
      operator.shutdownNow();
    } finally {
      stubs.shutdownNow();
    }
    HttpResponse<String> ui =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.uiUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).startsWith("<!doctype html>");
    assertThat(db).as("state is kept in the SQLite file").isNotEmptyFile();
    assertThat(Files.readString(tmp.resolve("server.log"))).doesNotContain("panic");
  }

  @Test
  void saysInOneLineWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      DevServer server =
          new DevServer(
              binary(), "127.0.0.1", taken.getLocalPort(), freePort(), tmp.resolve("t.db"));
      try {
        process = server.startDetached(tmp.resolve("server.log"));
        fail("the server started on a taken port");
      } catch (UserError e) {
        assertThat(e.getMessage()).doesNotContain("\n").contains("exited").contains("server.log");
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
