package dev.taskmill.worker;

import java.util.List;

/** Builds the real activity implementations from the worker's environment (cache dirs, image config). */
public final class ActivityWiring {
  private ActivityWiring() {}

  public static ActivityImplementations fromEnvironment() {
    // Filled in when the phase implementations land.
    return new ActivityImplementations(List.of(), List.of());
  }
}
