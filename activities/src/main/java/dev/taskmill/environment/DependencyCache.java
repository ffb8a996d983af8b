package dev.taskmill.environment;

import dev.taskmill.progress.Heartbeat;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dependency caches prepared on the worker host, because containers here cannot download: a Maven repository
 * (dependency:go-offline), node_modules (npm ci --ignore-scripts), a pip wheelhouse (binary wheels only) or a Go
 * module cache, keyed by the manifest hash under $TASKMILL_CACHE_DIR/deps and mounted read-only. The tools read
 * only the manifests, in a folder holding nothing else, so no repository code runs on the host.
 */
public final class DependencyCache {
  /**
   * What a cache holds besides the manifests' dependencies (MavenExtras: Surefire providers, the JaCoCo agent and
   * command-line tool); a cache made by an older recipe is made again.
   */
  static final int RECIPE = 2;

  private static final Duration TIMEOUT = Duration.ofMinutes(15);
  static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";

  private final Path root;
  private final Heartbeat heartbeat;

  public DependencyCache(Path root, Heartbeat heartbeat) {
    this.root = root.toAbsolutePath();
    this.heartbeat = heartbeat;
  }

  /** -Dtaskmill.cache.dir or $TASKMILL_CACHE_DIR, then /deps; else ~/.cache/taskmill/deps. */
  public static Path defaultRoot() {
    String dir = System.getProperty("taskmill.cache.dir", System.getenv("TASKMILL_CACHE_DIR"));
    return (dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".cache",
        "taskmill")).resolve("deps");
  }

  /** Prepares (or reuses) the cache for these manifests; returns the mounts "host:container:ro". */
  public List<String> prepare(StackKind kind, BuildContext context, String projectDir) {
    if (kind == StackKind.GRADLE) {
      return List.of(); // Gradle needs its distribution too; see docs/offline-and-proxies.md
    }
    Path dir = root.resolve(kind.template() + "-" + context.manifestHash().substring(0, 16));
    try {
      Files.createDirectories(root);
      try (FileChannel channel = FileChannel.open(root.resolve(dir.getFileName() + ".lock"),
              StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        Path complete = dir.resolve(".complete");
        String marker = context.manifestHash() + " recipe " + RECIPE;
        if (!Files.exists(complete) || !Files.readString(complete).equals(marker)) {
          BuildContext.deleteRecursively(dir);
          Path manifests = dir.resolve("manifests");
          if (kind == StackKind.MAVEN) {
            // Maven profiles switch on when files exist (commons-parent turns JaCoCo on from
            // src/site/resources/profile.jacoco), so go-offline must see the real tree to resolve what the build
            // will use. It reads files but runs none of them; .mvn/ (extensions, JVM options) is left out.
            copyTree(context.dir().resolve("repo"), manifests);
            BuildContext.deleteRecursively(manifests.resolve(".mvn"));
          } else {
            copyTree(context.dir().resolve("manifests"), manifests);
          }
          Path project = projectDir.isEmpty() ? manifests : BuildContext.inside(manifests, projectDir);
          Files.createDirectories(project);
          switch (kind) {
            case MAVEN -> maven(dir, project);
            case NPM -> npm(project);
            case PYTHON -> pip(dir, project);
            case GO -> go(dir, project);
            default -> { }
          }
          Files.writeString(complete, marker);
        }
      }
      return mounts(kind, dir, projectDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the dependency cache in " + dir + ": " + e.getMessage(), e);
    }
  }

  private List<String> mounts(StackKind kind, Path dir, String projectDir) throws IOException {
    Path project = projectDir.isEmpty() ? dir.resolve("manifests") : dir.resolve("manifests").resolve(projectDir);
    List<String> mounts = new ArrayList<>();
    switch (kind) {
      case MAVEN -> mounts.add(dir.resolve("m2") + ":/taskmill/deps/m2:ro");
      case NPM -> {
        if (Files.isDirectory(project.resolve("node_modules"))) {
          mounts.add(project.resolve("node_modules") + ":/taskmill/deps/node_modules:ro");
        }
      }
      case PYTHON -> {
        try (var files = Files.list(dir.resolve("wheelhouse"))) {
          if (files.findAny().isPresent()) {
            mounts.add(dir.resolve("wheelhouse") + ":/taskmill/deps/wheelhouse:ro");
          }
        }
      }
      case GO -> {
        if (Files.isDirectory(dir.resolve("gomod"))) {
          mounts.add(dir.resolve("gomod") + ":/taskmill/deps/gomod:ro");
        }
      }
      default -> { }
    }
    return mounts;
  }

  private void maven(Path dir, Path project) throws IOException {
    String repo = "-Dmaven.repo.local=" + dir.resolve("m2");
    if (!Files.exists(project.resolve("pom.xml"))) {
      throw Failures.of(FailureType.ENVIRONMENT_BUILD_FAILED, "no pom.xml in the project directory " + project);
    }
    // Pinned: the 2.8 that Maven 3.8 picks by default misses plugins' own dependencies (resources 2.6 needs
    // maven-profile 2.0.6); 3.x resolves each plugin as Maven will at run time.
    require(HostCommand.run(List.of("mvn", "-B", "-ntp", repo, DEPENDENCY_PLUGIN + ":go-offline"), project,
        Map.of(), TIMEOUT, heartbeat), "mvn dependency:go-offline");
    // go-offline misses what plugins pick at run time: Surefire's JUnit provider, plexus-utils 1.1 (injected by
    // Maven), JaCoCo's agent for coverage. A synthetic reactor resolves them in one run, with no plugin executed.
    Path synthetic = Files.createDirectories(dir.resolve("synthetic"));
    MavenExtras.writeReactor(dir.resolve("m2"), synthetic);
    HostCommand.Result extras = HostCommand.run(List.of("mvn", "-B", "-ntp", repo, "-fae",
        DEPENDENCY_PLUGIN + ":resolve"),
        synthetic, Map.of(), TIMEOUT, heartbeat);
    if (!extras.ok()) {
      heartbeat.beat("some plugin dependencies did not resolve: " + extras.lastMeaningfulLine());
    }
  }

  private void npm(Path project) {
    if (!Files.exists(project.resolve("package.json"))) {
      return;
    }
    NodePackageManager manager = NodePackageManager.of(project);
    HostCommand.Result result = HostCommand.run(manager.command(project), project, Map.of(), TIMEOUT, heartbeat);
    if (!result.ok()) {
      throw Failures.of(FailureType.DEPENDENCY_UNAVAILABLE, manager.label() + " failed on the host (exit "
          + result.exitCode() + "): " + result.installError());
    }
  }

  private void pip(Path dir, Path project) throws IOException {
    Path wheelhouse = Files.createDirectories(dir.resolve("wheelhouse"));
    try (var files = Files.list(project)) {
      for (Path requirements : files.filter(f -> f.getFileName().toString().matches("requirements[^/]*\\.txt"))
          .toList()) {
        // Binary wheels only: building an sdist would run its setup.py on the host. Best effort (PyPI may be
        // unreachable): the image's online step or a mounted wheelhouse are the other ways in.
        HostCommand.run(List.of("python3", "-m", "pip", "download", "--quiet", "--only-binary=:all:",
            "--timeout", "15", "-d", wheelhouse.toString(), "-r", requirements.toString()), project, Map.of(),
            TIMEOUT, heartbeat);
      }
    }
  }

  /**
   * go mod download of what go.mod requires, verified against go.sum and the checksum database. GOFLAGS=-mod=mod
   * so that a vendor/ folder or a stale go.sum in the copy does not stop the download, GOTOOLCHAIN=local so that
   * no toolchain is fetched and run on the host (the image gets it: ToolchainImages).
   */
  private void go(Path dir, Path project) throws IOException {
    if (!Files.exists(project.resolve("go.mod"))) {
      return;
    }
    if (!Files.readString(project.resolve("go.mod")).matches("(?s).*(^|\\n)require\\b.*")) {
      return; // nothing to download, whatever Go the host has
    }
    HostCommand.Result result = HostCommand.run(List.of("go", "mod", "download"), project, Map.of(
        "GOMODCACHE", dir.resolve("gomod").toString(), "GOFLAGS", "-mod=mod", "GOTOOLCHAIN", "local",
        "GO111MODULE", "on", "GOWORK", "off"), TIMEOUT, heartbeat);
    if (result.ok()) {
      return;
    }
    String why = result.tail().stream().map(String::strip).filter(l -> l.startsWith("go: ")).findFirst()
        .orElse(result.lastMeaningfulLine());
    throw Failures.of(FailureType.DEPENDENCY_UNAVAILABLE, "a Go module cannot be downloaded (go mod download, exit "
        + result.exitCode() + "): " + why);
  }

  private static void require(HostCommand.Result result, String what) {
    if (!result.ok()) {
      throw Failures.of(FailureType.ENVIRONMENT_BUILD_FAILED, what + " failed on the host (exit "
          + result.exitCode() + "): " + result.lastMeaningfulLine());
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
