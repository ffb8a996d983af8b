package dev.taskmill.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the containers (stage, trajectory session, Maven warm-up) that a worker killed outright
 * left running: a stage that hangs would otherwise hold CPU and memory until its own timeout, long
 * after its run was cancelled.
 */
public final class LeftoverContainers {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverContainers.class);

  /**
   * The repository of the images that keep a stage's end state for its reruns
   * (StageRunner.snapshotImage).
   */
  public static final String SNAPSHOT_REPOSITORY = "taskmill-snapshot/";

  private LeftoverContainers() {}

  /**
   * Removes every taskmill container whose owner process is gone (ContainerOwner's rule); returns
   * their names.
   */
  public static List<String> removeThoseOfDeadOwners(DockerClient client) {
    String host = ContainerOwner.hostName();
    List<String> removed = new ArrayList<>();
    List<Container> containers =
        client
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(List.of(ContainerOwner.ROLE_LABEL))
            .exec();
    for (Container container : containers) {
      if (!ContainerOwner.ownerIsDead(container.getLabels(), host, ContainerOwner::livePid)) {
        continue;
      }
      String name =
          container.getNames() == null || container.getNames().length == 0
              ? container.getId()
              : container.getNames()[0].replaceFirst("^/", "");
      try {
        client.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
        removed.add(name);
      } catch (NotFoundException alreadyGone) {
        // another worker starting at the same time removed it
      } catch (RuntimeException e) {
        LOG.warn("could not remove leftover container {}: {}", name, e.getMessage());
      }
    }
    removed.addAll(removeSnapshotsOfDeadOwners(client, host));
    return removed;
  }

  /**
   * Validation commits a stage's end state to a taskmill-snapshot image for its reruns and removes
   * it at the end; a worker killed in between leaves it behind. The image carries its stage
   * container's owner labels.
   */
  private static List<String> removeSnapshotsOfDeadOwners(DockerClient client, String host) {
    List<String> removed = new ArrayList<>();
    for (var image : client.listImagesCmd().withLabelFilter(ContainerOwner.ROLE_LABEL).exec()) {
      String[] tags = image.getRepoTags();
      if (tags == null
          || tags.length == 0
          || !tags[0].startsWith(SNAPSHOT_REPOSITORY)
          || !ContainerOwner.ownerIsDead(image.getLabels(), host, ContainerOwner::livePid)) {
        continue;
      }
      try {
        client.removeImageCmd(image.getId()).withForce(true).exec();
        removed.add(tags[0]);
      } catch (NotFoundException alreadyGone) {
        // another worker starting at the same time removed it
      } catch (RuntimeException e) {
        LOG.warn("could not remove leftover snapshot image {}: {}", tags[0], e.getMessage());
      }
    }
    return removed;
  }
}
