package dev.taskmill.validation;

import dev.taskmill.validation.report.TestResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a round of independent stages side by side (at most {@link StageParallelism#width()} at a
 * time), each in its own container with its share of the CPU limit, and returns their runs in the
 * round's order. When one stage fails (cancellation included), the others are interrupted, which
 * removes their containers.
 */
final class StageScheduler {
  /**
   * One stage of a round, the tests it selects (empty: the whole suite) and its use of snapshots.
   */
  record Request(PlannedStage stage, List<String> testIds, StageRunner.Snapshot snapshot) {
    Request {
      testIds = List.copyOf(testIds);
    }

    static Request wholeSuite(PlannedStage stage) {
      return new Request(stage, List.of(), StageRunner.Snapshot.NONE);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(StageScheduler.class);

  /** How long a failed round waits for its other containers to be removed before it reports. */
  private static final long REMOVAL_WAIT_SECONDS = 30;

  private final StageRunner runner;
  private final StageParallelism parallelism;

  StageScheduler(StageRunner runner, StageParallelism parallelism) {
    this.runner = runner;
    this.parallelism = parallelism;
  }

  List<StageRun> runAll(StageEnvironment env, List<Request> round, Path workDir)
      throws IOException, InterruptedException {
    return runAll(env, round, workDir, run -> false);
  }

  /**
   * As above; one after the other, the round stops after a run that {@code losesTheSample} (side by
   * side every stage has started by then, so all of them run).
   */
  List<StageRun> runAll(
      StageEnvironment env, List<Request> round, Path workDir, Predicate<StageRun> losesTheSample)
      throws IOException, InterruptedException {
    int width = Math.min(parallelism.width(), round.size());
    if (width <= 1) {
      List<StageRun> runs = new ArrayList<>();
      for (Request r : round) {
        StageRun run = runner.run(env, r.stage(), workDir, r.testIds(), r.snapshot());
        runs.add(run);
        if (losesTheSample.test(run)) {
          break;
        }
      }
      return runs;
    }
    StageRunner shared = runner.withCpus(parallelism.cpusEach(runner.cpus(), round.size()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            width,
            r -> {
              Thread t = new Thread(r, "taskmill-stage");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<StageRun>> futures = new ArrayList<>();
      for (Request r : round) {
        futures.add(
            pool.submit(() -> shared.run(env, r.stage(), workDir, r.testIds(), r.snapshot())));
      }
      List<StageRun> runs = new ArrayList<>();
      for (Future<StageRun> f : futures) {
        runs.add(f.get());
      }
      return runs;
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } finally {
      pool.shutdownNow(); // interrupts the stages still running; ContainerEngine removes their
      // containers
      if (!pool.awaitTermination(REMOVAL_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("stage threads still busy {} s after the round ended", REMOVAL_WAIT_SECONDS);
      }
    }
  }

  private static RuntimeException rethrow(Throwable cause)
      throws IOException, InterruptedException {
    if (cause instanceof IOException io) {
      throw io;
    }
    if (cause instanceof InterruptedException ie) {
      throw ie;
    }
    if (cause instanceof RuntimeException re) {
      throw re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    throw new UncheckedIOException(new IOException(cause));
  }

  /** The results of a rerun that may have selected only some tests, as if it had run them all. */
  static TestResults asWholeRun(TestResults first, StageRun rerun, List<String> selected) {
    return selected.isEmpty() ? rerun.tests() : first.overlay(rerun.tests(), selected);
  }
}
