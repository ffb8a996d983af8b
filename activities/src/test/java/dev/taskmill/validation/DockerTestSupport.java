package dev.taskmill.validation;

import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.testing.DockerRequirement;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Docker for tests: with CI=true a missing engine or base image fails the test; otherwise it skips.
 * Builds the test-only pytest toolchain image and the fixture sample images through docker-java.
 */
final class DockerTestSupport {
  static final String DEBIAN = "taskmill/debian:bookworm";
  static final String TOOLCHAIN = "taskmill-test/pytest:bookworm";

  private DockerTestSupport() {}

  static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** A client on a reachable engine, or a skipped (local) / failed (CI) test. */
  static DockerClient clientOrSkip() {
    return DockerRequirement.client();
  }

  static void unavailable(String why) {
    if (ci()) {
      fail("CI=true requires Docker for this test: " + why);
    }
    Assumptions.abort(why);
  }

  static boolean hasImage(DockerClient client, String image) {
    return new ContainerEngine(client, "test").imageExists(image);
  }

  /** The python3 + pytest + coverage image, built on the offline Debian base when missing. */
  static String toolchainImage(DockerClient client) throws Exception {
    if (!hasImage(client, TOOLCHAIN)) {
      if (!hasImage(client, DEBIAN)) {
        unavailable(
            "base image " + DEBIAN + " is missing: build it with deploy/offline-images/build.sh");
      }
      build(client, resource("validation/pytest-image"), TOOLCHAIN);
    }
    return TOOLCHAIN;
  }

  /**
   * The fixture repository at its base commit in /testbed, plus an optional overlay of extra files.
   */
  static String sampleImage(DockerClient client, String tag, Path overlay) throws Exception {
    toolchainImage(client);
    Path repo = resource("validation/pytest-repo");
    Path context = Files.createTempDirectory("taskmill-sample-context");
    try {
      copyTree(repo.resolve("base"), context.resolve("base"));
      Files.createDirectories(context.resolve("overlay"));
      Files.writeString(context.resolve("overlay/.keep"), "");
      if (overlay != null) {
        copyTree(overlay, context.resolve("overlay"));
      }
      Files.copy(repo.resolve("Dockerfile"), context.resolve("Dockerfile"));
      return build(client, context, tag);
    } finally {
      deleteTree(context);
    }
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(DockerTestSupport.class.getClassLoader().getResource(name).toURI());
  }

  private static String build(DockerClient client, Path context, String tag) {
    client
        .buildImageCmd(context.toFile())
        .withDockerfile(context.resolve("Dockerfile").toFile())
        .withTags(Set.of(tag))
        .withPull(false)
        .exec(new BuildImageResultCallback())
        .awaitImageId();
    return tag;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
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

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
