package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.client.ConnectionSettings;
import dev.taskmill.client.SearchAttributeRegistrar;
import dev.taskmill.client.TemporalConnections;
import dev.taskmill.workflow.SearchAttributeKeys;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * `taskmill list` on a real development server (filters) and on the in-memory one (plain listings).
 */
class ListCommandTest {
  static final String CLICK = "taskmill/github.com/pallets/click/pr-3764/in-5f1c2a9e";
  static final String LOCAL = "taskmill/local/tool-1a2b3c4d/auto/in-0000beef";

  /** Starts a run nobody works on: the listing only needs it to exist. */
  static void start(WorkflowClient client, String id, SearchAttributes attributes) {
    var options = WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue("nobody-polls");
    if (attributes != null) {
      options.setTypedSearchAttributes(attributes);
    }
    client.newUntypedWorkflowStub("SampleCreationWorkflow", options.build()).start();
  }

  @Nested
  class InMemoryServer {
    private final EmbeddedTemporal server = EmbeddedTemporal.start(0);
    private final WorkflowServiceStubs stubs =
        TemporalConnections.connect(new ConnectionSettings(server.address(), "default"), null);
    private final WorkflowClient client =
        TemporalConnections.client(stubs, new ConnectionSettings(server.address(), "default"));

    @AfterEach
    void stop() {
      stubs.shutdownNow();
      server.close();
    }

    @Test
    void listsOpenAndClosedRunsNewestFirstWithRepoAndPrFromTheIds() throws Exception {
      start(client, CLICK, null);
      Thread.sleep(20);
      start(client, LOCAL, null);
      client.newUntypedWorkflowStub(LOCAL).terminate("test");

      CliHelpTest.Outcome outcome = CliHelpTest.taskmill("list", "--address", server.address());

      assertThat(outcome.exit()).as(outcome.err()).isZero();
      List<String> lines = outcome.out().lines().toList();
      assertThat(lines.get(0)).contains("no advanced visibility");
      assertThat(lines.get(1))
          .startsWith("ID")
          .contains("STATUS", "REPO", "PR", "PHASE/OUTCOME", "STARTED");
      assertThat(lines.get(2))
          .startsWith(LOCAL)
          .contains("terminated", "local/tool-1a2b3c4d", "auto");
      assertThat(lines.get(3))
          .startsWith(CLICK)
          .contains("running", "github.com/pallets/click", "#3764");
      assertThat(lines).hasSize(4);
    }

    @Test
    void limitKeepsTheNewest() throws Exception {
      start(client, CLICK, null);
      Thread.sleep(20);
      start(client, LOCAL, null);

      CliHelpTest.Outcome outcome =
          CliHelpTest.taskmill("list", "--address", server.address(), "--limit", "1");

      assertThat(outcome.out().lines().skip(2).toList())
          .singleElement()
          .asString()
          .startsWith(LOCAL);
    }

    @Test
    void refusesAFilterItCannotApplyInOneLine() {
      CliHelpTest.Outcome outcome =
          CliHelpTest.taskmill(
              "list", "--address", server.address(), "--query", "TaskmillOutcome='failed'");

      assertThat(outcome.exit()).isEqualTo(3);
      assertThat(outcome.err().strip())
          .doesNotContain("\n")
          .contains("cannot filter")
          .contains("--query");
    }
  }

  @Nested
  class RealDevServer {
    @TempDir Path tmp;
    private Process process;
    private WorkflowServiceStubs stubs;

    @AfterEach
    void stop() throws InterruptedException {
      if (stubs != null) {
        stubs.shutdownNow();
      }
      if (process != null) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
    }

    @Test
    void filtersByTaskmillSearchAttributesAndShowsThem() throws Exception {
      DevServer server =
          new DevServer(
              DevServerTest.binary(),
              "127.0.0.1",
              freePort(),
              freePort(),
              tmp.resolve("temporal.db"));
      process = server.startDetached(tmp.resolve("server.log"));
      ConnectionSettings settings = new ConnectionSettings(server.address(), "default");
      stubs = TemporalConnections.connect(settings, null);
      assertThat(SearchAttributeRegistrar.ensure(stubs, "default")).isTrue();
      WorkflowClient client = TemporalConnections.client(stubs, settings);
      start(
          client,
          CLICK,
          SearchAttributes.newBuilder()
              .set(SearchAttributeKeys.REPO, "github.com/pallets/click")
              .set(SearchAttributeKeys.PR, 3764L)
              .set(SearchAttributeKeys.LANGUAGE, "python")
              .set(SearchAttributeKeys.PHASE, "validate")
              .set(SearchAttributeKeys.OUTCOME, "failed")
              .build());
      start(
          client,
          LOCAL,
          SearchAttributes.newBuilder()
              .set(SearchAttributeKeys.REPO, "local/tool-1a2b3c4d")
              .set(SearchAttributeKeys.PHASE, "environment")
              .build());

      CliHelpTest.Outcome all = awaitRows(server.address(), null, 2);
      CliHelpTest.Outcome failed = awaitRows(server.address(), "TaskmillOutcome='failed'", 1);

      assertThat(all.out()).doesNotContain("no advanced visibility");
      assertThat(all.out().lines().skip(1))
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith(LOCAL)
                      .contains("running", "local/tool-1a2b3c4d", "environment"));
      assertThat(failed.out().lines().skip(1).toList())
          .singleElement()
          .asString()
          .startsWith(CLICK)
          .contains("running", "github.com/pallets/click", "#3764", "failed at validate");
      CliHelpTest.Outcome bad =
          CliHelpTest.taskmill("list", "--address", server.address(), "--query", "Nope ==");
      assertThat(bad.exit()).isEqualTo(3);
      assertThat(bad.err()).contains("not a valid list filter");
    }

    /** Visibility is written after the start returns; wait until the listing has caught up. */
    private CliHelpTest.Outcome awaitRows(String address, String query, int rows)
        throws InterruptedException {
      Instant deadline = Instant.now().plusSeconds(20);
      while (true) {
        CliHelpTest.Outcome outcome =
            query == null
                ? CliHelpTest.taskmill("list", "--address", address)
                : CliHelpTest.taskmill("list", "--address", address, "--query", query);
        assertThat(outcome.exit()).as(outcome.err()).isZero();
        if (outcome.out().lines().filter(line -> line.startsWith("taskmill/")).count() == rows
            || Instant.now().isAfter(deadline)) {
          return outcome;
        }
        Thread.sleep(300);
      }
    }
  }

  @ParameterizedTest(name = "phase {0}, outcome {1} -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "null,     null,     -",
        "validate, null,     validate",
        "validate, failed,   failed at validate",
        "enrich,   created,  created",
        "null,     failed,   failed"
      })
  void phaseOrOutcome(String phase, String outcome, String shown) {
    assertThat(RunRow.phaseOrOutcome(phase, outcome)).isEqualTo(shown);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
