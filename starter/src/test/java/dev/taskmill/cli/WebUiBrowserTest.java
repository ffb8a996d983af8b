package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskmill.client.ConnectionSettings;
import dev.taskmill.client.SearchAttributeRegistrar;
import dev.taskmill.client.Submission;
import dev.taskmill.client.TaskmillClient;
import dev.taskmill.client.TemporalConnections;
import dev.taskmill.testing.DockerRequirement;
import dev.taskmill.testing.StackFixtures;
import dev.taskmill.worker.ActivityWiring;
import dev.taskmill.worker.QueueRole;
import dev.taskmill.worker.TaskmillWorkers;
import dev.taskmill.workflow.Outcome;
import dev.taskmill.workflow.RepoSlug;
import dev.taskmill.workflow.SampleRequest;
import dev.taskmill.workflow.SampleResult;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Temporal Web UI in a real browser: a sample is made on the development server by a worker,
 * then headless Chromium (Debian's) renders the workflow list filtered by a taskmill search
 * attribute and the run's page. Screenshots are kept in starter/target/web-ui/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SHOTS = Path.of("target/web-ui");
  private static final Pattern PANEL =
      Pattern.compile("<iframe[^>]*src=\"/render\\?content=([^\"&]*)[^\"]*\"[^>]*id=\"([^\"]+)\"");

  @TempDir static Path tmp;
  private Process server;
  private WorkflowServiceStubs stubs;
  private WorkerFactory worker;
  private DevServer dev;
  private TaskmillClient client;

  @BeforeAll
  void start() throws Exception {
    Path binary = DevServerTest.binary();
    DockerRequirement.client();
    if (!Files.isExecutable(CHROMIUM)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but Chromium is not installed: .ci/run installs Debian's chromium");
      }
      assumeTrue(false, "Chromium is not installed (skipped outside CI)");
    }
    dev = new DevServer(binary, "127.0.0.1", freePort(), freePort(), tmp.resolve("temporal.db"));
    server = dev.startDetached(tmp.resolve("server.log"));
    ConnectionSettings settings = new ConnectionSettings(dev.address(), "default");
    stubs = TemporalConnections.connect(settings, null);
    boolean attributes = SearchAttributeRegistrar.ensure(stubs, "default");
    assertThat(attributes).isTrue();
    var workflowClient = TemporalConnections.client(stubs, settings);
    worker =
        TaskmillWorkers.start(
            workflowClient,
            EnumSet.allOf(QueueRole.class),
            ActivityWiring.create(tmp.resolve("cache")),
            false);
    client = new TaskmillClient(workflowClient, true);
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (worker != null) {
      TaskmillWorkers.shutdown(worker, Duration.ofSeconds(5));
    }
    if (stubs != null) {
      stubs.shutdownNow();
    }
    if (server != null) {
      server.descendants().forEach(ProcessHandle::destroyForcibly);
      server.destroyForcibly().waitFor();
    }
  }

  @Test
  void theRunIsFoundByItsSearchAttributeAndItsPageShowsTheBoardAndTheActivities() throws Exception {
    StackFixtures.Fixture fixture = StackFixtures.python(tmp.resolve("repo"));
    Path samples = tmp.resolve("samples");
    Submission run =
        client.submit(
            SampleRequest.builder(fixture.url(), samples.toString())
                .searchAttributes(true)
                .build());
    SampleResult result = client.await(run.workflowId());
    assertThat(result.outcome()).isEqualTo(Outcome.SAMPLE_CREATED);
    String repo = RepoSlug.of(fixture.url()).value();

    String query =
        URLEncoder.encode("TaskmillRepo=\"" + repo + "\"", StandardCharsets.UTF_8)
            .replace("+", "%20");
    String listUrl = dev.uiUrl() + "/namespaces/default/workflows?query=" + query;
    String list = render(listUrl, SHOTS.resolve("workflow-list.png"));
    assertThat(list).contains(run.workflowId()).contains("TaskmillRepo");

    String runId =
        stubs
            .blockingStub()
            .describeWorkflowExecution(
                io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace("default")
                    .setExecution(
                        io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                            .setWorkflowId(run.workflowId()))
                    .build())
            .getWorkflowExecutionInfo()
            .getExecution()
            .getRunId();
    assertThat(runId).isNotBlank();
    String runUrl =
        dev.uiUrl()
            + "/namespaces/default/workflows/"
            + URLEncoder.encode(run.workflowId(), StandardCharsets.UTF_8)
            + "/"
            + runId
            + "/history";
    String page = render(runUrl, SHOTS.resolve("workflow-run.png"));
    assertThat(page)
        .as("activity summaries on " + runUrl)
        .contains("Validate PR #1")
        .contains("Trajectories for PR #1");
    Map<String, String> metadata =
        renderedPanels(
            render(
                runUrl.replace("/history", "/user-metadata"),
                SHOTS.resolve("workflow-details.png")));
    assertThat(metadata.get("user-metadata-summary"))
        .as("the static summary")
        .contains("Sample from " + repo);
    assertThat(metadata.get("user-metadata-details"))
        .as("the static details")
        .contains("repository: " + fixture.url());
    assertThat(metadata.get("user-metadata-current-details"))
        .as("the phase board in the current details, queried from the live worker")
        .contains("1. Analyse repository: done")
        .contains("3. Write trajectories: done")
        .contains("6. Enrich metadata: done");
  }

  /**
   * The UI renders each metadata panel in an iframe whose src carries the text: panel id to text.
   */
  private static Map<String, String> renderedPanels(String dom) {
    Map<String, String> panels = new HashMap<>();
    Matcher m = PANEL.matcher(dom);
    while (m.find()) {
      panels.put(m.group(2), URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
    }
    return panels;
  }

  /** The DOM after the page's scripts ran, and a screenshot of it. */
  private String render(String url, Path screenshot) throws IOException, InterruptedException {
    List<String> common =
        List.of(
            CHROMIUM.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1400,1000",
            "--virtual-time-budget=20000");
    List<String> shot = new ArrayList<>(common);
    shot.add("--screenshot=" + screenshot.toAbsolutePath());
    shot.add(url);
    run(shot, tmp.resolve("shot.out"));
    List<String> dump = new ArrayList<>(common);
    dump.add("--dump-dom");
    dump.add(url);
    Path out = tmp.resolve("dom.html");
    run(dump, out);
    return Files.readString(out);
  }

  private static void run(List<String> command, Path out) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(false)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish: " + command);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
