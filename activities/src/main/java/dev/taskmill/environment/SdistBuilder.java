package dev.taskmill.environment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.docker.ContainerOwner;
import dev.taskmill.docker.ContainerRun;
import dev.taskmill.docker.ContainerSpec;
import dev.taskmill.environment.python.PythonRequirement;
import dev.taskmill.files.FileTrees;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.stage.BindMount;
import dev.taskmill.stage.StageContract;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a wheel from a requirement's sdist in a container of the stack's Python image, for what
 * PyPI offers only as an sdist. Building runs the sdist's build backend (setup.py), so it never
 * happens on the host: the sdist comes from PyPI's JSON API (not {@code pip download}, which would
 * run the backend for metadata), its sha256 is checked, and pip wheel runs without network with the
 * sdist read-only and only an output folder writable.
 */
final class SdistBuilder {
  static final String ROLE = "sdist-build";
  static final Duration TIMEOUT = Duration.ofMinutes(10);

  /** The PyPI taskmill asks when TASKMILL_PYPI_URL does not name another (a mirror, a test's). */
  static final URI PYPI = URI.create("https://pypi.org/");

  /** How one build went; {@code detail} says why it did not, in a phrase. */
  record Outcome(Kind kind, String detail) {
    enum Kind {
      /** The wheel is in the wheelhouse. */
      BUILT,
      /** PyPI has no sdist to build (an unknown name, no release that fits). */
      NO_SDIST,
      /** There was an sdist and it did not become a wheel. */
      FAILED
    }
  }

  private final ContainerEngine engine;
  private final String image;
  private final URI pypi;
  private final Heartbeat heartbeat;
  private final PypiFiles files;

  /**
   * @param image the Python image the environment is built on, so that the wheel fits its Python
   * @param pypi PyPI's base URL; its {@code pypi/<name>/json} is asked
   */
  SdistBuilder(ContainerEngine engine, String image, URI pypi, Heartbeat heartbeat) {
    this.engine = engine;
    this.image = image;
    this.pypi = pypi.toString().endsWith("/") ? pypi : URI.create(pypi + "/");
    this.heartbeat = heartbeat;
    this.files = new PypiFiles(this.pypi, heartbeat);
  }

  /** TASKMILL_PYPI_URL (-Dtaskmill.pypi.url), else pypi.org. */
  static URI configuredPypi() {
    String url = System.getProperty("taskmill.pypi.url", System.getenv("TASKMILL_PYPI_URL"));
    return url == null || url.isBlank() ? PYPI : URI.create(url.strip());
  }

  /**
   * Builds the newest sdist {@code requirement} allows for Python {@code pythonVersion} into {@code
   * wheelhouse}; the sdist and the build log go to the folder next to it.
   */
  Outcome build(String requirement, String pythonVersion, Path wheelhouse) throws IOException {
    Optional<PythonRequirement> parsed = PythonRequirement.parse(requirement, "pip", false);
    if (parsed.isEmpty()) {
      return new Outcome(Outcome.Kind.NO_SDIST, "not a requirement taskmill can look up");
    }
    String name = parsed.get().name();
    heartbeat.beat("looking for an sdist of " + name + " on " + pypi.getHost());
    PypiFiles.Project project = files.project(name);
    if (project.document() == null) {
      return new Outcome(Outcome.Kind.NO_SDIST, project.why());
    }
    JsonNode document = project.document();
    Optional<SdistRelease> release =
        SdistRelease.pick(document, requirement, pythonVersion, heartbeat);
    if (release.isEmpty()) {
      return new Outcome(
          Outcome.Kind.NO_SDIST, "no release of " + name + " that fits has an sdist either");
    }
    SdistRelease sdist = release.get();
    if (!sdist.filename().matches("[A-Za-z0-9][A-Za-z0-9._+-]*\\.(tar\\.gz|zip|tar\\.bz2)")) {
      return new Outcome(
          Outcome.Kind.FAILED, "PyPI names the sdist of " + name + " oddly: " + sdist.filename());
    }
    Path sdists = wheelhouse.resolveSibling("sdists");
    Files.createDirectories(sdists);
    Path file = sdists.resolve(sdist.filename());
    String failure = files.download(sdist, file);
    if (failure != null) {
      return new Outcome(Outcome.Kind.FAILED, failure);
    }
    return buildInContainer(file, wheelhouse);
  }

  private Outcome buildInContainer(Path sdist, Path wheelhouse) throws IOException {
    Path out = sdist.resolveSibling("out-" + sdist.getFileName());
    FileTrees.deleteRecursively(out);
    Files.createDirectories(out);
    // The build runs as the stages' user, not root; the host folder must let it write.
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path log = sdist.resolveSibling(sdist.getFileName() + ".log");
    heartbeat.beat("building " + sdist.getFileName() + " in a container");
    ContainerRun run;
    try (OutputStream stream = Files.newOutputStream(log)) {
      run = engine.run(spec(sdist, wheelhouse, out), stream, TIMEOUT, heartbeat);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building " + sdist.getFileName(), e);
    }
    List<Path> wheels;
    try (var files = Files.list(out)) {
      wheels = files.filter(p -> p.getFileName().toString().endsWith(".whl")).toList();
    }
    if (run.exitCode() != 0 || run.timedOut() || wheels.isEmpty()) {
      FileTrees.deleteRecursively(out);
      String why =
          run.timedOut()
              ? "timed out after " + TIMEOUT.toMinutes() + " min"
              : "pip wheel exit "
                  + run.exitCode()
                  + ": "
                  + lastMeaningfulLine(Files.readAllLines(log));
      return new Outcome(
          Outcome.Kind.FAILED,
          "the sdist " + sdist.getFileName() + " did not build in a container (" + why + ")");
    }
    for (Path wheel : wheels) {
      Files.move(
          wheel, wheelhouse.resolve(wheel.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    FileTrees.deleteRecursively(out);
    return new Outcome(Outcome.Kind.BUILT, wheels.get(0).getFileName().toString());
  }

  /**
   * The container: the image's Python, no network, the stages' user, the sdist and the wheelhouse
   * read-only, only {@code out} writable.
   */
  ContainerSpec spec(Path sdist, Path wheelhouse, Path out) {
    String file = "/taskmill/sdist/" + sdist.getFileName();
    List<String> command =
        List.of(
            "python3",
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--no-cache-dir",
            "--disable-pip-version-check",
            "--find-links",
            "/taskmill/wheelhouse",
            "-w",
            "/taskmill/out",
            file);
    Map<String, String> labels = new LinkedHashMap<>(ContainerOwner.labels());
    labels.put(ContainerOwner.ROLE_LABEL, ROLE);
    labels.put(ContainerSpec.STAGE_LABEL, "sdist build of " + sdist.getFileName());
    return new ContainerSpec(
            "taskmill-sdist-" + java.util.UUID.randomUUID().toString().substring(0, 8),
            image,
            command,
            Map.of("PIP_NO_INPUT", "1", "HOME", "/tmp", "PYTHONDONTWRITEBYTECODE", "1"),
            List.of(
                BindMount.readOnly(sdist.toAbsolutePath().toString(), file),
                BindMount.readOnly(wheelhouse.toAbsolutePath().toString(), "/taskmill/wheelhouse"),
                BindMount.readWrite(out.toAbsolutePath().toString(), "/taskmill/out")),
            StageContract.USER,
            2_000_000_000L,
            2L << 30,
            512,
            labels)
        .inDirectory("/tmp");
  }

  /**
   * What the build said last: the backend's last line before pip's "[end of output]" (the
   * exception), else pip's last ERROR line, else the last line.
   */
  static String lastMeaningfulLine(List<String> log) {
    for (int i = log.size() - 1; i > 0; i--) {
      if (log.get(i).strip().equals("[end of output]")) {
        for (int j = i - 1; j >= 0; j--) {
          String line = log.get(j).strip();
          if (!line.isEmpty() && !line.equals("[output]")) {
            return cut(line);
          }
        }
      }
    }
    for (int i = log.size() - 1; i >= 0; i--) {
      String line = log.get(i).strip();
      if (line.startsWith("ERROR:")) {
        return cut(line.replaceFirst("^ERROR:\\s*", ""));
      }
    }
    return log.stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .reduce((a, b) -> b)
        .map(SdistBuilder::cut)
        .orElse("(no output)");
  }

  private static String cut(String line) {
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
