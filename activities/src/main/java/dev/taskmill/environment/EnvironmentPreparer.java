package dev.taskmill.environment;

import dev.taskmill.analysis.Stack;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.docker.ImageBuilder;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.files.FileTrees;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.metrics.TaskmillMetrics;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.stage.BindMount;
import dev.taskmill.stage.StageContract;
import dev.taskmill.workflow.RepoSlug;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Phase 4 without Temporal: picks the base image, exports the base commit into a build context,
 * prepares the host dependency caches, writes Dockerfile and run.sh, and builds the environment
 * image (keyed by the manifests, reused) and the sample image (per base commit).
 */
public final class EnvironmentPreparer {
  static final String OFFLINE_LABEL = "dev.taskmill.offline-image";

  private final ContainerEngine engine;
  private final RepositoryCache repositories;
  private final ToolchainResolver resolver;
  private final Path dependencyRoot;

  public EnvironmentPreparer(
      ContainerEngine engine,
      RepositoryCache repositories,
      BaseImages images,
      Path dependencyRoot) {
    this.engine = engine;
    this.repositories = repositories;
    this.resolver = new ToolchainResolver(images);
    this.dependencyRoot = dependencyRoot;
  }

  /** Does the work; idempotent: a second call with the same input reuses both images. */
  public EnvironmentOutput prepare(EnvironmentInput input, Heartbeat heartbeat) {
    Stack stack = input.stack();
    ResolvedToolchain resolved = resolver.resolve(stack);
    StackKind kind = resolved.kind();
    engine.ping();
    ImageBuilder images = engine.images(heartbeat);
    images.requireBase(resolved.image());
    if (kind == StackKind.GRADLE
        && "true".equals(images.labels(resolved.image().canonical()).get(OFFLINE_LABEL))) {
      throw Failures.of(
          FailureType.UNSUPPORTED_STACK,
          "Gradle projects cannot be validated with the offline images:"
              + " the Gradle wrapper downloads its distribution and the dependencies at run time, which test stages"
              + " without network cannot, and no registry package provides them yet; set TASKMILL_IMAGE_GRADLE to an"
              + " image with Gradle and its dependencies");
    }

    Path workDir = Path.of(input.workDir());
    Path contextDir = workDir.resolve(".taskmill-context");
    try {
      Files.createDirectories(workDir);
      heartbeat.beat("exporting " + input.baseCommit());
      BuildContext context;
      try (var repository = repositories.open(input.repoUrl(), null, input.baseCommit())) {
        context =
            BuildContext.export(
                repository, input.baseCommit(), kind, stack.projectDir(), contextDir);
      }
      heartbeat.beat("preparing dependencies");
      // What PyPI has only as an sdist is built in the image the stages run, never on the host.
      DependencyCache dependencies =
          new DependencyCache(
              dependencyRoot,
              heartbeat,
              kind == StackKind.PYTHON
                  ? new SdistBuilder(
                      engine,
                      resolved.image().canonical(),
                      SdistBuilder.configuredPypi(),
                      heartbeat)
                  : null);
      List<BindMount> mounts =
          dependencies.prepare(kind, context, stack.projectDir(), resolved.version());
      // A go.mod or engines version no configured image offers: that release layered on the stack's
      // image, after
      // the dependencies, so that a module or package that cannot be had fails before a toolchain
      // is fetched.
      ResolvedToolchain toolchain =
          new ToolchainImages(images, dependencyRoot.resolveSibling("toolchains"), heartbeat)
              .ensure(resolved);

      boolean offlineBase =
          "true".equals(images.labels(toolchain.image().canonical()).get(OFFLINE_LABEL));
      boolean online = !offlineBase && !(kind == StackKind.MAVEN || kind == StackKind.NPM);
      String dockerfile = new DockerfileTemplate(kind, toolchain.image()).render();
      Files.writeString(contextDir.resolve("Dockerfile"), dockerfile);
      Path dockerfilePath = workDir.resolve("Dockerfile");
      Files.writeString(dockerfilePath, dockerfile);

      String envKey =
          sha256(
                  context.manifestHash()
                      + "\0"
                      + toolchain.image().canonical()
                      + "\0"
                      + online
                      + "\0"
                      + dockerfile)
              .substring(0, 16);
      String environmentImage = "taskmill-env/" + kind.template() + ":" + envKey;
      String sampleImage =
          "taskmill-sample/"
              + imageName(input.repoUrl())
              + ":"
              + input.baseCommit().substring(0, 12)
              + "-"
              + envKey.substring(0, 8);
      Map<String, String> args = Map.of("TASKMILL_ONLINE_DEPS", online ? "1" : "0");
      boolean environmentBuilt = images.imageId(environmentImage).isPresent();
      TaskmillMetrics.cacheLookup("environment_image", environmentBuilt);
      if (!environmentBuilt) {
        images.build(
            contextDir,
            "environment",
            environmentImage,
            args,
            Map.of("dev.taskmill.environment", envKey));
      }
      boolean sampleBuilt = images.imageId(sampleImage).isPresent();
      TaskmillMetrics.cacheLookup("sample_image", sampleBuilt);
      if (!sampleBuilt) {
        images.build(
            contextDir,
            "sample",
            sampleImage,
            args,
            Map.of(
                "dev.taskmill.environment",
                envKey,
                "dev.taskmill.base-commit",
                input.baseCommit()));
      }

      if (kind == StackKind.MAVEN) {
        var m2 =
            mounts.stream()
                .filter(StageContract.DependencyCache.M2::isAt)
                .findFirst()
                .map(m -> Path.of(m.hostPath()));
        if (m2.isPresent()
            && new MavenWarmUp(engine, heartbeat).warm(sampleImage, m2.get(), stack.projectDir())) {
          // The warm-up brought the plugins the image's Maven binds; their providers come from the
          // host.
          dependencies.resolveMavenExtras(m2.get());
        }
      }

      Path runScript = workDir.resolve("run.sh");
      Files.writeString(
          runScript,
          new RunScript(
                  kind,
                  stack.testFramework().name(),
                  input.repoUrl(),
                  input.baseCommit(),
                  stack.projectDir(),
                  sampleImage,
                  context.manifests(),
                  mounts)
              .render());
      Files.setPosixFilePermissions(runScript, PosixFilePermissions.fromString("rwxr-xr-x"));
      return new EnvironmentOutput(
          dockerfilePath.toString(),
          runScript.toString(),
          toolchain.image().canonical(),
          environmentImage,
          sampleImage,
          toolchain.version(),
          mounts,
          StageContract.USER,
          dependencies.notes());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the environment into " + workDir + ": " + e.getMessage(), e);
    } finally {
      try {
        FileTrees.deleteRecursively(contextDir);
      } catch (IOException ignored) {
        // a leftover context is rewritten by the next attempt
      }
    }
  }

  /** A Docker-safe image name from a repository URL: lowercase [a-z0-9._-], never empty. */
  static String imageName(String repoUrl) {
    String name =
        RepoSlug.of(repoUrl)
            .fileSafe()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (name.isEmpty()) {
      name = "repo";
    }
    return name.length() > 100 ? name.substring(0, 100).replaceAll("-+$", "") : name;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
