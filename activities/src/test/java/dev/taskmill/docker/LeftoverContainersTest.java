package dev.taskmill.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.taskmill.testing.DockerRequirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker start removes the containers of owners that are gone and nothing else (a real Docker
 * engine).
 */
class LeftoverContainersTest {
  static final String IMAGE = "taskmill/debian:bookworm";
  final String tag = UUID.randomUUID().toString().substring(0, 8);
  DockerClient client;
  final List<String> made = new java.util.ArrayList<>();

  @AfterEach
  void removeWhatIsLeft() {
    for (String name : made) {
      try {
        client.removeContainerCmd(name).withForce(true).exec();
      } catch (NotFoundException gone) {
        // removed by the test itself
      }
    }
  }

  @Test
  void removesOnlyContainersWhoseOwnerIsGone() throws Exception {
    client = DockerRequirement.client();
    Map<String, String> deadOwner = deadOwnerLabels();
    Map<String, String> otherHost = new LinkedHashMap<>(deadOwner);
    otherHost.put(ContainerOwner.HOST_LABEL, "another-machine");

    String orphan = start("orphan", deadOwner);
    String mine = start("mine", ContainerOwner.labels());
    String foreign = start("foreign", otherHost);
    String legacy = start("legacy", Map.of());

    List<String> removed = LeftoverContainers.removeThoseOfDeadOwners(client);

    assertThat(removed).contains(orphan).doesNotContain(mine, foreign, legacy);
    assertThat(exists(orphan)).isFalse();
    assertThat(exists(mine)).isTrue();
    assertThat(exists(foreign)).isTrue();
    assertThat(exists(legacy)).isTrue();
  }

  @Test
  void removesTheSnapshotImagesOfOwnersThatAreGone() throws Exception {
    client = DockerRequirement.client();
    Map<String, String> deadOwner = deadOwnerLabels();
    String dead = snapshot("dead", deadOwner);
    String mine = snapshot("mine", ContainerOwner.labels());
    try {
      List<String> removed = LeftoverContainers.removeThoseOfDeadOwners(client);

      assertThat(removed).contains(dead).doesNotContain(mine);
      assertThat(imageExists(dead)).isFalse();
      assertThat(imageExists(mine)).isTrue();
    } finally {
      for (String image : List.of(dead, mine)) {
        try {
          client.removeImageCmd(image).withForce(true).exec();
        } catch (NotFoundException gone) {
          // removed by the test itself
        }
      }
    }
  }

  /**
   * An image committed from a stage container with these owner labels, as validation's snapshots
   * are.
   */
  private String snapshot(String what, Map<String, String> owner) {
    Map<String, String> labels = new LinkedHashMap<>(owner);
    labels.put(ContainerOwner.ROLE_LABEL, "validation-stage");
    String name = "taskmill-leftover-test-" + tag + "-snap-" + what;
    String id =
        client
            .createContainerCmd(IMAGE)
            .withName(name)
            .withCmd("true")
            .withLabels(labels)
            .exec()
            .getId();
    made.add(name);
    String image = LeftoverContainers.SNAPSHOT_REPOSITORY + "leftover-test-" + tag + ":" + what;
    client
        .commitCmd(id)
        .withRepository(image.substring(0, image.lastIndexOf(':')))
        .withTag(what)
        .withLabels(labels)
        .exec();
    return image;
  }

  private boolean imageExists(String image) {
    try {
      client.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** This host's owner labels with the pid of a process that has ended. */
  private static Map<String, String> deadOwnerLabels() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Map<String, String> deadOwner = new LinkedHashMap<>(ContainerOwner.labels());
    deadOwner.put(ContainerOwner.PID_LABEL, String.valueOf(finished.pid()));
    deadOwner.put(
        ContainerOwner.STARTED_LABEL,
        String.valueOf(
            finished.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(1L)));
    return deadOwner;
  }

  private String start(String what, Map<String, String> owner) {
    String name = "taskmill-leftover-test-" + tag + "-" + what;
    Map<String, String> labels = new LinkedHashMap<>(owner);
    labels.put(ContainerOwner.ROLE_LABEL, "validation-stage");
    String id =
        client
            .createContainerCmd(IMAGE)
            .withName(name)
            .withCmd("sleep", "300")
            .withLabels(labels)
            .withHostConfig(
                com.github.dockerjava.api.model.HostConfig.newHostConfig().withNetworkMode("none"))
            .exec()
            .getId();
    client.startContainerCmd(id).exec();
    made.add(name);
    return name;
  }

  private boolean exists(String name) {
    try {
      client.inspectContainerCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
