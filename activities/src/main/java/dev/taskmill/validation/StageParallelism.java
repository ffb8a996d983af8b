package dev.taskmill.validation;

/**
 * How many stage containers of one sample run side by side: as many as the round has, bounded by
 * the Docker host's memory (each container keeps its whole memory limit) and never more than one on
 * a one-CPU host, where side by side only adds switching. The CPU limit is shared between them, so
 * that a sample never takes more than its {@code cpus}; and only for stacks where it pays ({@link
 * #paysFor}). {@code TASKMILL_STAGE_PARALLELISM} on the worker overrides both (1: one after the
 * other). The measurements behind the default are in docs/validation.md.
 */
public record StageParallelism(int width) {
  public static final String ENV = "TASKMILL_STAGE_PARALLELISM";

  /** A round has at most three independent stages (docs/stage-contract.md). */
  static final int MAX_WIDTH = 3;

  public StageParallelism {
    if (width < 1 || width > MAX_WIDTH) {
      throw new IllegalArgumentException(
          "stage parallelism must be between 1 and " + MAX_WIDTH + ": " + width);
    }
  }

  /**
   * Whether side by side pays for a stack: measured on 2 CPUs (docs/validation.md), three pytest or
   * mocha stages side by side take 0.6 of their time one after the other (one busy thread each),
   * while Maven's stages, which keep every CPU busy on their own (JIT, compiler, forked JVM), gain
   * nothing. Go builds in parallel too.
   */
  public static boolean paysFor(dev.taskmill.analysis.Stack stack) {
    return paysFor(stack.language());
  }

  /** As above, by language (metadata.json names it). */
  public static boolean paysFor(dev.taskmill.analysis.Language language) {
    return switch (language) {
      case PYTHON, JAVASCRIPT, TYPESCRIPT -> true;
      default -> false;
    };
  }

  /**
   * How many stages of one sample {@code engine}'s host runs side by side, unless {@code override}
   * says; one after the other when side by side does not pay ({@code pays} false) or the engine
   * does not say.
   */
  public static StageParallelism forEngine(
      dev.taskmill.docker.ContainerEngine engine,
      int memoryMbPerStage,
      String override,
      boolean pays) {
    if (override != null && !override.isBlank()) {
      return forHost(1, 0, memoryMbPerStage, override);
    }
    if (!pays) {
      return sequential();
    }
    return engine
        .host()
        .map(host -> forHost(host.cpus(), host.memoryBytes(), memoryMbPerStage, null))
        .orElseGet(StageParallelism::sequential);
  }

  /** One after the other. */
  public static StageParallelism sequential() {
    return new StageParallelism(1);
  }

  /**
   * The default for a Docker host with {@code hostCpus} CPUs and {@code hostMemoryBytes} of memory,
   * unless {@code override} (the environment variable's value) names a width.
   */
  public static StageParallelism forHost(
      int hostCpus, long hostMemoryBytes, int memoryMbPerStage, String override) {
    if (override != null && !override.isBlank()) {
      try {
        return new StageParallelism(
            Math.max(1, Math.min(MAX_WIDTH, Integer.parseInt(override.trim()))));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            ENV + " must be a number from 1 to " + MAX_WIDTH + ": " + override);
      }
    }
    if (hostCpus < 2) {
      return sequential();
    }
    // Leave a quarter of the host's memory to the engine, the worker and everything else.
    long byMemory =
        hostMemoryBytes <= 0 ? 1 : (hostMemoryBytes * 3 / 4) / (memoryMbPerStage * 1024L * 1024L);
    return new StageParallelism((int) Math.max(1, Math.min(MAX_WIDTH, byMemory)));
  }

  /**
   * The CPU limit of each of {@code running} side-by-side containers when the sample may use {@code
   * cpus}.
   */
  public double cpusEach(double cpus, int running) {
    return Math.max(0.5, cpus / Math.max(1, Math.min(width, running)));
  }
}
