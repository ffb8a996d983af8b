package dev.taskmill.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the containers (stage, trajectory session, Maven warm-up) that a worker killed outright left running:
 * a stage that hangs would otherwise hold CPU and memory until its own timeout, long after its run was cancelled.
 */
public final class LeftoverContainers {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverContainers.class);

  private LeftoverContainers() {}

  /** Removes every taskmill container whose owner process is gone (ContainerOwner's rule); returns their names. */
  public static List<String> removeThoseOfDeadOwners(DockerClient client) {
    String host = ContainerOwner.hostName();
    List<String> removed = new ArrayList<>();
    List<Container> containers = client.listContainersCmd().withShowAll(true)
        .withLabelFilter(List.of(ContainerOwner.ROLE_LABEL)).exec();
    for (Container container : containers) {
      if (!ContainerOwner.ownerIsDead(container.getLabels(), host, ContainerOwner::livePid)) {
        continue;
      }
      String name = container.getNames() == null || container.getNames().length == 0
          ? container.getId() : container.getNames()[0].replaceFirst("^/", "");
      try {
        client.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
        removed.add(name);
      } catch (NotFoundException alreadyGone) {
        // another worker starting at the same time removed it
      } catch (RuntimeException e) {
        LOG.warn("could not remove leftover container {}: {}", name, e.getMessage());
      }
    }
    return removed;
  }
}
