package dev.taskmill.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.progress.Heartbeat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds, inspects and pulls images through docker-java, heartbeating while the engine works. */
public final class ImageBuilder {
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration PULL_TIMEOUT = Duration.ofMinutes(10);

  private final DockerClient docker;
  private final Heartbeat heartbeat;

  public ImageBuilder(DockerClient docker, Heartbeat heartbeat) {
    this.docker = docker;
    this.heartbeat = heartbeat;
  }

  /** The image id of a tag, when the engine has it. */
  public Optional<String> imageId(String tag) {
    try {
      return Optional.of(docker.inspectImageCmd(tag).exec().getId());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** The labels of a local image (empty when it has none). */
  public Map<String, String> labels(String tag) {
    var config = docker.inspectImageCmd(tag).exec().getConfig();
    return config == null || config.getLabels() == null ? Map.of() : config.getLabels();
  }

  /**
   * Makes sure the base image is local: pulls it when missing, else fails in one line saying what
   * to do.
   */
  public void requireBase(ImageRef image) {
    if (imageId(image.canonical()).isPresent()) {
      return;
    }
    heartbeat.beat("pulling " + image);
    try (Pull pull =
        docker.pullImageCmd(image.repository()).withTag(image.tag()).exec(new Pull())) {
      if (!EngineWait.await(pull, PULL_TIMEOUT, heartbeat, () -> "pulling " + image)) {
        throw new IllegalStateException("no answer in " + PULL_TIMEOUT.toMinutes() + " min");
      }
      if (pull.error() != null) {
        throw new IllegalStateException(pull.error().getMessage(), pull.error());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.of(FailureType.CANCELLED, "interrupted while pulling " + image);
    } catch (RuntimeException | IOException e) {
      if (EngineWait.passesThrough(e)) {
        throw (RuntimeException)
            e; // a cancellation must reach the activity as itself, not as a build failure
      }
      throw Failures.of(
          FailureType.ENVIRONMENT_BUILD_FAILED,
          "the base image "
              + image
              + " is not on this engine"
              + " and cannot be pulled ("
              + oneLine(e.getMessage())
              + "); build local images with"
              + " deploy/offline-images/build.sh and set TASKMILL_IMAGES_CONFIG=deploy/offline-images/stacks.properties");
    }
  }

  /**
   * Builds {@code context} (holding "Dockerfile") up to {@code target} and tags it. Replacing an
   * existing tag removes the image it pointed to when nothing else uses it, so rebuilds leave no
   * dangling images.
   */
  public String build(
      Path context,
      String target,
      String tag,
      Map<String, String> buildArgs,
      Map<String, String> labels) {
    Optional<String> previous = imageId(tag);
    var cmd =
        docker
            .buildImageCmd()
            .withBaseDirectory(context.toFile())
            .withDockerfile(context.resolve("Dockerfile").toFile())
            .withTarget(target)
            .withTags(Set.of(tag))
            .withPull(false)
            .withRemove(true)
            .withForcerm(true)
            .withLabels(labels);
    buildArgs.forEach(cmd::withBuildArg);
    LogTail tail = new LogTail();
    try (LogTail callback = cmd.exec(tail)) {
      if (!EngineWait.await(callback, BUILD_TIMEOUT, heartbeat, () -> "building " + tag)) {
        throw Failures.of(
            FailureType.ENVIRONMENT_BUILD_FAILED,
            "docker build of "
                + tag
                + " did not finish in "
                + BUILD_TIMEOUT.toMinutes()
                + " min; last output: "
                + tail.lastMeaningfulLine());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.of(FailureType.CANCELLED, "interrupted while building " + tag);
    } catch (IOException e) {
      // Closing the finished stream failed: the build's outcome is read from the engine below.
    } catch (RuntimeException e) {
      if (EngineWait.passesThrough(e)) {
        throw e; // a cancellation must reach the activity as itself, not as a build failure
      }
      throw Failures.of(
          FailureType.ENVIRONMENT_BUILD_FAILED,
          "docker build of "
              + tag
              + " failed: "
              + oneLine(tail.error != null ? tail.error : tail.lastMeaningfulLine()));
    }
    if (tail.error != null) {
      throw Failures.of(
          FailureType.ENVIRONMENT_BUILD_FAILED,
          "docker build of "
              + tag
              + " failed: "
              + oneLine(tail.error)
              + " (after: "
              + tail.lastMeaningfulLine()
              + ")");
    }
    String id =
        imageId(tag)
            .orElseThrow(
                () ->
                    Failures.of(
                        FailureType.ENVIRONMENT_BUILD_FAILED,
                        "docker build of "
                            + tag
                            + " ended without an image: "
                            + tail.lastMeaningfulLine()));
    previous.filter(old -> !old.equals(id)).ifPresent(this::removeQuietly);
    return id;
  }

  private void removeQuietly(String imageId) {
    try {
      docker.removeImageCmd(imageId).withForce(false).exec();
    } catch (RuntimeException e) {
      // Still used by a container or another tag: then it is not dangling and stays.
    }
  }

  static String oneLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    String[] lines = message.strip().split("\\R");
    return lines.length == 0 ? "(no message)" : lines[lines.length - 1].strip();
  }

  /** A pull's progress is not shown: only its end and its error matter. */
  private static final class Pull extends EngineWait.Stream<PullResponseItem> {}

  /** Keeps the last lines of the build output and the engine's error, if any. */
  private static final class LogTail extends EngineWait.Stream<BuildResponseItem> {
    private final Deque<String> lines = new ArrayDeque<>();
    private volatile String error;

    @Override
    public void onNext(BuildResponseItem item) {
      if (item.getErrorDetail() != null || item.getError() != null) {
        error =
            item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                ? item.getErrorDetail().getMessage()
                : item.getError();
      }
      if (item.getStream() != null) {
        for (String line : item.getStream().split("\\R")) {
          if (!line.isBlank()) {
            synchronized (lines) {
              lines.addLast(line.strip());
              if (lines.size() > 50) {
                lines.removeFirst();
              }
            }
          }
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      if (error == null) {
        error = throwable.getMessage();
      }
      super.onError(throwable);
    }

    /**
     * The last line that is not a step header or a layer id, which is where a failing RUN says why.
     */
    String lastMeaningfulLine() {
      synchronized (lines) {
        var it = lines.descendingIterator();
        while (it.hasNext()) {
          String line = it.next();
          if (!line.startsWith("--->")
              && !line.startsWith("Step ")
              && !line.startsWith("Removing intermediate")
              && !line.startsWith("Successfully")) {
            return line;
          }
        }
      }
      return "(no output)";
    }
  }
}
