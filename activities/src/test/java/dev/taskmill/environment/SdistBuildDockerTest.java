package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.sun.net.httpserver.HttpServer;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.docker.ContainerSpec;
import dev.taskmill.environment.python.PythonRequirement;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.stage.BindMount;
import dev.taskmill.stage.StageContract;
import dev.taskmill.testing.DockerRequirement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A requirement PyPI offers only as an sdist becomes a wheel built in a container of the Python
 * image and installs offline; one whose build fails is one line. PyPI is a local server (a simple
 * index and the JSON API) serving sdists this test makes; nothing reaches pypi.org.
 */
class SdistBuildDockerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  DockerClient docker;
  ContainerEngine engine;
  HttpServer server;
  URI pypi;
  final Map<String, byte[]> files = new LinkedHashMap<>();
  final Map<String, ObjectNode> projects = new LinkedHashMap<>();

  @BeforeEach
  void start() throws IOException {
    docker = DockerRequirement.client();
    engine = new ContainerEngine(docker, "test");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.start();
    pypi = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** /simple/&lt;name&gt;/ (pip), /pypi/&lt;name&gt;/json (taskmill), /files/&lt;file&gt;. */
  void serve(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body = null;
    String type = "text/html";
    String[] parts = path.split("/");
    if (path.startsWith("/simple/") && parts.length >= 3 && projects.containsKey(parts[2])) {
      StringBuilder html = new StringBuilder("<html><body>\n");
      projects
          .get(parts[2])
          .path("releases")
          .forEach(
              release ->
                  release.forEach(
                      f ->
                          html.append("<a href=\"/files/")
                              .append(f.path("filename").asText())
                              .append("#sha256=")
                              .append(f.path("digests").path("sha256").asText())
                              .append("\">")
                              .append(f.path("filename").asText())
                              .append("</a>\n")));
      body = html.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    } else if (path.startsWith("/pypi/") && path.endsWith("/json")) {
      ObjectNode doc = projects.get(PythonRequirement.normalize(parts[2]));
      if (doc != null) {
        body = JSON.writeValueAsBytes(doc);
        type = "application/json";
      }
    } else if (path.startsWith("/files/")) {
      body = files.get(path.substring("/files/".length()));
      type = "application/octet-stream";
    }
    exchange.getResponseHeaders().add("Content-Type", type);
    HttpReply.send(exchange, body);
  }

  /**
   * Publishes an sdist made here with setuptools' pyproject.toml; {@code setup} is its setup.py
   * (null: none).
   */
  void publish(String name, String version, List<String> dependencies, String setup)
      throws Exception {
    Path root = tmp.resolve("src").resolve(name + "-" + version);
    Files.createDirectories(root.resolve(name));
    Files.writeString(
        root.resolve("pyproject.toml"),
        "[build-system]\nrequires = [\"setuptools>=61\"]\n"
            + "build-backend = \"setuptools.build_meta\"\n\n[project]\nname = \""
            + name
            + "\"\nversion = \""
            + version
            + "\"\ndependencies = ["
            + String.join(", ", dependencies.stream().map(d -> "\"" + d + "\"").toList())
            + "]\n");
    Files.writeString(
        root.resolve(name).resolve("__init__.py"),
        "def hello():\n    return '" + name + " " + version + " says hello'\n");
    if (setup != null) {
      Files.writeString(root.resolve("setup.py"), setup);
    }
    String filename = name + "-" + version + ".tar.gz";
    Path tarball = tmp.resolve("src").resolve(filename);
    Process tar =
        new ProcessBuilder(
                "tar",
                "czf",
                tarball.toString(),
                "-C",
                root.getParent().toString(),
                name + "-" + version)
            .inheritIO()
            .start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0).isTrue();
    byte[] bytes = Files.readAllBytes(tarball);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    files.put(filename, bytes);
    ObjectNode doc = projects.computeIfAbsent(name, n -> JSON.createObjectNode());
    if (!doc.has("releases")) {
      doc.putObject("info").put("name", name);
      doc.putObject("releases");
    }
    var file =
        ((ObjectNode) doc.get("releases"))
            .putArray(version)
            .addObject()
            .put("packagetype", "sdist")
            .put("filename", filename)
            .put("url", pypi.resolve("files/" + filename).toString())
            .put("yanked", false)
            .put("requires_python", ">=3.7");
    file.putObject("digests").put("sha256", sha256);
  }

  static String pythonImage() {
    String config = System.getenv("TASKMILL_IMAGES_CONFIG");
    String images =
        config != null
            ? config
            : Path.of("..", "deploy", "offline-images", "stacks.properties")
                .toAbsolutePath()
                .normalize()
                .toString();
    return BaseImages.load(Map.of("TASKMILL_IMAGES_CONFIG", images)::get)
        .forKey("python")
        .get(0)
        .image()
        .canonical();
  }

  PipWheelhouse.Result download(String... specs) throws IOException {
    var builder = new SdistBuilder(engine, pythonImage(), pypi, Heartbeat.NONE);
    var requirements =
        java.util.Arrays.stream(specs)
            .map(s -> PythonRequirement.parse(s, "requirements.txt", false).orElseThrow())
            .toList();
    return new PipWheelhouse(Heartbeat.NONE, builder, pypi)
        .download(requirements, "3.11", tmp.resolve("deps").resolve("wheelhouse"));
  }

  @Test
  void anSdistOnlyRequirementAndItsSdistOnlyDependencyAreBuiltInAContainerAndInstallOffline()
      throws Exception {
    publish("tinydep", "1.0", List.of(), null);
    publish("tinyapp", "1.0", List.of("tinydep"), null);
    publish("tinyapp", "2.0", List.of("tinydep"), null);

    PipWheelhouse.Result result = download("tinyapp<2");

    assertThat(result.problems()).isEmpty();
    assertThat(result.downloaded())
        .extracting(PythonRequirement::spec)
        .containsExactly("tinyapp<2");
    Path wheelhouse = tmp.resolve("deps").resolve("wheelhouse");
    try (var listing = Files.list(wheelhouse)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .as("wheels only: the sdists stay next to the wheelhouse")
          .containsExactlyInAnyOrder(
              "tinyapp-1.0-py3-none-any.whl",
              "tinydep-1.0-py3-none-any.whl",
              PipWheelhouse.REQUIREMENTS);
    }
    assertThat(tmp.resolve("deps").resolve("sdists").resolve("tinyapp-1.0.tar.gz")).exists();

    // As the stage installs: the stages' user, no network, the wheelhouse read-only.
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    var run =
        engine.run(
            new ContainerSpec(
                "taskmill-test-sdist-install-" + System.nanoTime(),
                pythonImage(),
                List.of(
                    "sh",
                    "-c",
                    "PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet --no-index"
                        + " --disable-pip-version-check --target /tmp/site --find-links /wheelhouse"
                        + " -r /wheelhouse/"
                        + PipWheelhouse.REQUIREMENTS
                        + " && PYTHONPATH=/tmp/site python3 -c"
                        + " 'import tinyapp, tinydep; print(tinyapp.hello(), tinydep.hello())'"),
                Map.of("HOME", "/tmp"),
                List.of(BindMount.readOnly(wheelhouse.toString(), "/wheelhouse")),
                StageContract.USER,
                1_000_000_000L,
                1L << 30,
                256,
                Map.of()),
            log,
            Duration.ofMinutes(5),
            Heartbeat.NONE);
    assertThat(run.exitCode()).as(log.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("tinyapp 1.0 says hello tinydep 1.0 says hello");
  }

  @Test
  void anSdistWhoseBuildFailsIsOneLineNamingItAndTheBuildsError() throws Exception {
    publish("tinybad", "1.0", List.of(), "raise RuntimeError('tinybad refuses to build')\n");

    PipWheelhouse.Result result = download("tinybad>=1");

    assertThat(result.downloaded()).isEmpty();
    assertThat(result.problems())
        .singleElement()
        .extracting(PipWheelhouse.Problem::line)
        .asString()
        .startsWith("tinybad>=1 (requirements.txt): PyPI has no wheel of it for Python 3.11")
        .contains("the sdist tinybad-1.0.tar.gz did not build in a container")
        .contains("RuntimeError: tinybad refuses to build")
        .contains("No matching distribution found for tinybad")
        .doesNotContain("\n");
    try (var listing = Files.list(tmp.resolve("deps").resolve("wheelhouse"))) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .containsExactly(PipWheelhouse.REQUIREMENTS);
    }
  }

  @Test
  void aNameThatPypiDoesNotKnowStaysAProblemWithoutABuild() throws Exception {
    PipWheelhouse.Result result = download("taskmill-nowhere==1.0");

    assertThat(result.problems())
        .singleElement()
        .extracting(PipWheelhouse.Problem::line)
        .asString()
        .contains("PyPI has no wheel of it for Python 3.11 and PyPI does not know taskmill-nowhere")
        .doesNotContain("\n");
  }
}
