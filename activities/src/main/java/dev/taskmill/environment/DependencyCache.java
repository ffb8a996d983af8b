package dev.taskmill.environment;

import dev.taskmill.environment.npm.GitDependencies;
import dev.taskmill.environment.python.PythonImports;
import dev.taskmill.environment.python.PythonRequirements;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.files.FileTrees;
import dev.taskmill.metrics.TaskmillMetrics;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.stage.BindMount;
import dev.taskmill.stage.StageContract;
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
import java.util.Set;

/**
 * Dependency caches prepared on the worker host, because containers here cannot download: a Maven
 * repository (dependency:go-offline), node_modules (npm ci --ignore-scripts), a pip wheelhouse
 * (wheels; sdists are built in a container) or a Go module cache, keyed by the manifest hash under
 * $TASKMILL_CACHE_DIR/deps and mounted read-only. The tools read only the manifests, in a folder
 * holding nothing else, so no repository code runs on the host.
 */
public final class DependencyCache {
  /**
   * What a cache holds besides the manifests' dependencies (MavenExtras: Surefire providers, the
   * JaCoCo agent and command-line tool; 3: the providers of the Surefire the image's Maven picks,
   * Python's collected requirements; 4: wheels built in a container from sdists); a cache made by
   * an older recipe is made again.
   */
  static final int RECIPE = 4;

  private static final Duration TIMEOUT = Duration.ofMinutes(15);
  static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";

  /** The notes of a Python cache, kept next to it so that a reused cache reports them again. */
  static final String NOTES = "notes.txt";

  private final Path root;
  private final Heartbeat heartbeat;
  private final SdistBuilder sdists;
  private final List<String> notes = new ArrayList<>();

  /** A cache that takes Python wheels only as PyPI offers them. */
  public DependencyCache(Path root, Heartbeat heartbeat) {
    this(root, heartbeat, null);
  }

  /**
   * @param sdists builds a wheel in a container for what PyPI offers only as an sdist; null: none
   */
  DependencyCache(Path root, Heartbeat heartbeat, SdistBuilder sdists) {
    this.root = root.toAbsolutePath();
    this.heartbeat = heartbeat;
    this.sdists = sdists;
  }

  /** -Dtaskmill.cache.dir or $TASKMILL_CACHE_DIR, then /deps; else ~/.cache/taskmill/deps. */
  public static Path defaultRoot() {
    String dir = System.getProperty("taskmill.cache.dir", System.getenv("TASKMILL_CACHE_DIR"));
    return (dir != null && !dir.isBlank()
            ? Path.of(dir)
            : Path.of(System.getProperty("user.home"), ".cache", "taskmill"))
        .resolve("deps");
  }

  /**
   * Prepares (or reuses) the cache for these manifests; returns the read-only mounts of its caches.
   */
  public List<BindMount> prepare(StackKind kind, BuildContext context, String projectDir) {
    return prepare(kind, context, projectDir, null);
  }

  /**
   * Prepares (or reuses) the cache for these manifests and the toolchain version the image runs
   * (pip downloads wheels for that Python); returns the read-only mounts of its caches. What was
   * left out is in {@link #notes()}.
   */
  public List<BindMount> prepare(
      StackKind kind, BuildContext context, String projectDir, String toolchainVersion) {
    if (kind == StackKind.GRADLE) {
      return List.of(); // Gradle needs its distribution too; see docs/offline-and-proxies.md
    }
    String suffix =
        kind == StackKind.PYTHON && toolchainVersion != null ? "-py" + toolchainVersion : "";
    Path dir =
        root.resolve(kind.template() + "-" + context.manifestHash().substring(0, 16) + suffix);
    try {
      Files.createDirectories(root);
      try (FileChannel channel =
              FileChannel.open(
                  root.resolve(dir.getFileName() + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        Path complete = dir.resolve(".complete");
        String marker = context.manifestHash() + " recipe " + RECIPE;
        boolean cached = Files.exists(complete) && Files.readString(complete).equals(marker);
        TaskmillMetrics.cacheLookup("dependencies", cached);
        if (!cached) {
          FileTrees.deleteRecursively(dir);
          Path manifests = dir.resolve("manifests");
          if (kind == StackKind.MAVEN) {
            // Maven profiles switch on when files exist (commons-parent turns JaCoCo on from
            // src/site/resources/profile.jacoco), so go-offline must see the real tree to resolve
            // what the build
            // will use. It reads files but runs none of them; .mvn/ (extensions, JVM options) is
            // left out.
            copyTree(context.dir().resolve("repo"), manifests);
            FileTrees.deleteRecursively(manifests.resolve(".mvn"));
          } else {
            copyTree(context.dir().resolve("manifests"), manifests);
          }
          Path project =
              projectDir.isEmpty() ? manifests : BuildContext.inside(manifests, projectDir);
          Files.createDirectories(project);
          switch (kind) {
            case MAVEN -> maven(dir, project);
            case NPM -> npm(project, context.dir().resolve("repo"));
            case PYTHON -> pip(dir, project, context.dir().resolve("repo"), toolchainVersion);
            case GO -> go(dir, project);
            default -> {}
          }
          Files.write(dir.resolve(NOTES), notes);
          Files.writeString(complete, marker);
        } else if (Files.exists(dir.resolve(NOTES))) {
          notes.addAll(Files.readAllLines(dir.resolve(NOTES)));
        }
      }
      return mounts(kind, dir, projectDir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot prepare the dependency cache in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * One line per dependency left out by the last {@link #prepare}, for metadata.json and the
   * report.
   */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  private List<BindMount> mounts(StackKind kind, Path dir, String projectDir) throws IOException {
    Path project =
        projectDir.isEmpty()
            ? dir.resolve("manifests")
            : dir.resolve("manifests").resolve(projectDir);
    List<BindMount> mounts = new ArrayList<>();
    switch (kind) {
      case MAVEN ->
          mounts.add(StageContract.DependencyCache.M2.mount(dir.resolve("m2").toString()));
      case NPM -> {
        if (Files.isDirectory(project.resolve("node_modules"))) {
          mounts.add(
              StageContract.DependencyCache.NODE_MODULES.mount(
                  project.resolve("node_modules").toString()));
        }
      }
      case PYTHON -> {
        try (var files = Files.list(dir.resolve("wheelhouse"))) {
          if (files.findAny().isPresent()) {
            mounts.add(
                StageContract.DependencyCache.WHEELHOUSE.mount(
                    dir.resolve("wheelhouse").toString()));
          }
        }
      }
      case GO -> {
        if (Files.isDirectory(dir.resolve("gomod"))) {
          mounts.add(StageContract.DependencyCache.GOMOD.mount(dir.resolve("gomod").toString()));
        }
      }
      default -> {}
    }
    return mounts;
  }

  private void maven(Path dir, Path project) throws IOException {
    String repo = "-Dmaven.repo.local=" + dir.resolve("m2");
    if (!Files.exists(project.resolve("pom.xml"))) {
      throw Failures.of(
          FailureType.ENVIRONMENT_BUILD_FAILED, "no pom.xml in the project directory " + project);
    }
    // Pinned: the 2.8 that Maven 3.8 picks by default misses plugins' own dependencies (resources
    // 2.6 needs
    // maven-profile 2.0.6); 3.x resolves each plugin as Maven will at run time.
    HostCommand.Result offline =
        HostCommand.run(
            List.of("mvn", "-B", "-ntp", repo, DEPENDENCY_PLUGIN + ":go-offline"),
            project,
            Map.of(),
            TIMEOUT,
            heartbeat);
    if (!offline.ok() && offline.lastMeaningfulLine().contains("${")) {
      // go-offline also walks optional dependencies that no build of the project loads, some with
      // coordinates only a build extension fills in (jsoup: netty's tcnative with
      // ${os.detected.classifier}). No such artifact can exist; the warm-up build, with network,
      // resolves what the build really uses, and the stages show anything still missing.
      notes.add(
          "mvn dependency:go-offline on the host asked for an artifact named by an unset property,"
              + " left to the warm-up build: "
              + offline.lastMeaningfulLine());
    } else {
      require(offline, "mvn dependency:go-offline");
    }
    resolveMavenExtras(dir.resolve("m2"));
  }

  /**
   * Resolves what plugins pick at run time and go-offline misses: Surefire's JUnit providers for
   * every Surefire version in {@code m2}, plexus-utils 1.1 (injected by Maven), JaCoCo's agent. A
   * synthetic reactor resolves them in one run, with no plugin executed. Run again after the
   * warm-up: the image's Maven binds its own default Surefire (3.9.9: 3.2.5, the host's 3.8:
   * 2.12.4) and the warm-up, selecting no test, never asks for its provider.
   */
  void resolveMavenExtras(Path m2) throws IOException {
    Path synthetic = m2.resolveSibling("synthetic");
    FileTrees.deleteRecursively(synthetic);
    Files.createDirectories(synthetic);
    MavenExtras.writeReactor(m2, synthetic);
    HostCommand.Result extras =
        HostCommand.run(
            List.of(
                "mvn",
                "-B",
                "-ntp",
                "-Dmaven.repo.local=" + m2,
                "-fae",
                DEPENDENCY_PLUGIN + ":resolve"),
            synthetic,
            Map.of(),
            TIMEOUT,
            heartbeat);
    if (!extras.ok()) {
      heartbeat.beat("some plugin dependencies did not resolve: " + extras.lastMeaningfulLine());
    }
  }

  private void npm(Path project, Path repo) throws IOException {
    if (!Files.exists(project.resolve("package.json"))) {
      return;
    }
    NodePackageManager manager = NodePackageManager.of(project);
    HostCommand.Result result =
        HostCommand.run(manager.command(project), project, Map.of(), TIMEOUT, heartbeat);
    List<GitDependencies.GitDependency> git = GitDependencies.find(project.resolve("package.json"));
    if (result.ok() || git.isEmpty()) {
      if (!result.ok()) {
        throw Failures.of(
            FailureType.DEPENDENCY_UNAVAILABLE,
            manager.label()
                + " failed on the host (exit "
                + result.exitCode()
                + "): "
                + result.installError());
      }
      return;
    }
    // A dependency from a git host cannot be fetched here (no git host is reachable). The tests can
    // do without
    // one they never load: leave it out of the manifests' copy, note it, install the rest.
    String cause =
        "from a git host, which the worker cannot fetch (npm exit "
            + result.exitCode()
            + ": "
            + result.lastMeaningfulLine().replaceFirst("^npm (error|ERR!)\\s*", "")
            + ")";
    List<GitDependencies.GitDependency> used =
        git.stream().filter(d -> GitDependencies.used(repo, d.name())).toList();
    if (!used.isEmpty()) {
      throw Failures.of(
          FailureType.DEPENDENCY_UNAVAILABLE,
          "the tests need the "
              + used.get(0).describe()
              + " of package.json, "
              + cause
              + "; the repository loads it");
    }
    GitDependencies.remove(project.resolve("package.json"), git);
    // The lockfile pins the git dependency too: npm install brings it in line with the edited
    // package.json.
    List<String> install =
        List.of(
            "npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error");
    require(
        HostCommand.run(install, project, Map.of(), TIMEOUT, heartbeat),
        "npm install (without "
            + String.join(", ", git.stream().map(GitDependencies.GitDependency::name).toList())
            + ")");
    git.forEach(
        d ->
            notes.add(
                "left out the "
                    + d.describe()
                    + " of package.json: "
                    + cause
                    + "; nothing the tests run loads it"));
  }

  /**
   * The wheelhouse: every requirement the project declares for its tests, as wheels. One that
   * cannot be had stops the run when the repository imports it or the pytest configuration needs
   * it; otherwise it is left out, noted.
   */
  private void pip(Path dir, Path project, Path repo, String pythonVersion) throws IOException {
    PythonRequirements.Collected collected = PythonRequirements.collect(project);
    notes.addAll(collected.notes());
    PipWheelhouse.Result result =
        new PipWheelhouse(heartbeat, sdists, SdistBuilder.configuredPypi())
            .download(collected.requirements(), pythonVersion, dir.resolve("wheelhouse"));
    if (result.problems().isEmpty()) {
      return;
    }
    Set<String> imported = PythonImports.scan(repo);
    List<PipWheelhouse.Problem> needed =
        result.problems().stream()
            .filter(
                p ->
                    p.requirement().plugin()
                        || PythonImports.modulesOf(p.requirement().name()).stream()
                            .anyMatch(imported::contains))
            .toList();
    if (!needed.isEmpty()) {
      FileTrees.deleteRecursively(dir);
      String more =
          needed.size() == 1
              ? ""
              : " (and "
                  + (needed.size() - 1)
                  + " more: "
                  + String.join(
                      ", ",
                      needed.subList(1, needed.size()).stream()
                          .map(p -> p.requirement().name())
                          .toList())
                  + ")";
      PipWheelhouse.Problem first = needed.get(0);
      throw Failures.of(
          FailureType.DEPENDENCY_UNAVAILABLE,
          "the tests need "
              + first.line()
              + more
              + (first.requirement().plugin() ? "" : "; the repository imports it"));
    }
    result
        .problems()
        .forEach(p -> notes.add("left out " + p.line() + "; nothing in the repository imports it"));
  }

  /**
   * go mod download of what go.mod requires, verified against go.sum and the checksum database.
   * GOFLAGS=-mod=mod so that a vendor/ folder or a stale go.sum in the copy does not stop the
   * download, GOTOOLCHAIN=local so that no toolchain is fetched and run on the host (the image gets
   * it: ToolchainImages).
   */
  private void go(Path dir, Path project) throws IOException {
    if (!Files.exists(project.resolve("go.mod"))) {
      return;
    }
    if (!Files.readString(project.resolve("go.mod")).matches("(?s).*(^|\\n)require\\b.*")) {
      return; // nothing to download, whatever Go the host has
    }
    HostCommand.Result result =
        HostCommand.run(
            List.of("go", "mod", "download"),
            project,
            Map.of(
                "GOMODCACHE",
                dir.resolve("gomod").toString(),
                "GOFLAGS",
                "-mod=mod",
                "GOTOOLCHAIN",
                "local",
                "GO111MODULE",
                "on",
                "GOWORK",
                "off"),
            TIMEOUT,
            heartbeat);
    if (result.ok()) {
      return;
    }
    String why =
        result.tail().stream()
            .map(String::strip)
            .filter(l -> l.startsWith("go: "))
            .findFirst()
            .orElse(result.lastMeaningfulLine());
    throw Failures.of(
        FailureType.DEPENDENCY_UNAVAILABLE,
        "a Go module cannot be downloaded (go mod download, exit "
            + result.exitCode()
            + "): "
            + why);
  }

  private static void require(HostCommand.Result result, String what) {
    if (!result.ok()) {
      throw Failures.of(
          FailureType.ENVIRONMENT_BUILD_FAILED,
          what
              + " failed on the host (exit "
              + result.exitCode()
              + "): "
              + result.lastMeaningfulLine());
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
