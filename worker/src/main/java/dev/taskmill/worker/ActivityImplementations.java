package dev.taskmill.worker;

import java.util.List;

/**
 * The activity objects a worker registers, split by the task queue they belong on.
 *
 * @param light analysis, patch extraction and assembly
 * @param docker environment, validation, trajectories and evaluation
 */
public record ActivityImplementations(List<Object> light, List<Object> docker) {
  public ActivityImplementations {
    light = List.copyOf(light);
    docker = List.copyOf(docker);
  }
}
