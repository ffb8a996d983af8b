package dev.taskmill.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * taskmill's own metrics, recorded on Micrometer's global registry so that the code that knows a
 * fact records it without a registry threaded through every class; the worker adds its Prometheus
 * registry to the global one. Labels are bounded sets (phases, outcomes, failure types, languages,
 * stage roles, caches): never a repository or a PR.
 */
public final class TaskmillMetrics {
  /** Wall time of each activity, by phase and outcome ("ok" or the failure type). */
  public static final String PHASE = "taskmill.phase";

  /** Samples that ended, by outcome (created, rejected) and language. */
  public static final String SAMPLES = "taskmill.samples";

  /** Rejected samples by reason (the failure type) and the phase that failed. */
  public static final String REJECTIONS = "taskmill.rejections";

  /** The environment phase when it succeeds: dependency caches and both images, built or reused. */
  public static final String IMAGE_BUILD = "taskmill.image.build";

  /**
   * One test stage in a container, by stage role (PASS_pre_tests, FAIL_pre_patch, PASS_post_patch).
   */
  public static final String STAGE_RUN = "taskmill.stage.run";

  /** Cache lookups by cache (clone, image, dependencies) and result (hit, miss). */
  public static final String CACHE_LOOKUPS = "taskmill.cache.lookups";

  /**
   * The names under which Prometheus exposes these meters (timers add _count, _sum, _max, _bucket).
   */
  public static final List<String> PROMETHEUS_NAMES =
      List.of(
          "taskmill_phase_seconds",
          "taskmill_samples_total",
          "taskmill_rejections_total",
          "taskmill_image_build_seconds",
          "taskmill_stage_run_seconds",
          "taskmill_cache_lookups_total");

  /**
   * Buckets from a second to two hours: phases and stages range from sub-second git work to long
   * builds.
   */
  private static final Duration[] BUCKETS = {
    Duration.ofSeconds(1),
    Duration.ofSeconds(5),
    Duration.ofSeconds(15),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(2),
    Duration.ofMinutes(5),
    Duration.ofMinutes(10),
    Duration.ofMinutes(30),
    Duration.ofHours(1),
    Duration.ofHours(2)
  };

  private static final List<String> STAGES =
      List.of("PASS_pre_tests", "FAIL_pre_patch", "PASS_post_patch");

  private TaskmillMetrics() {}

  public static void phase(String phase, String outcome, Duration took) {
    timer(
        PHASE,
        "Wall time of a taskmill activity",
        took,
        "phase",
        label(phase),
        "outcome",
        label(outcome));
  }

  public static void sample(String outcome, String language) {
    counter(SAMPLES, "Samples that ended", "outcome", label(outcome), "language", label(language));
  }

  public static void rejection(String reason, String phase) {
    counter(REJECTIONS, "Rejected samples", "reason", label(reason), "phase", label(phase));
  }

  public static void imageBuild(String language, Duration took) {
    timer(
        IMAGE_BUILD,
        "Environment phase: dependency caches and images",
        took,
        "language",
        label(language));
  }

  public static void stageRun(String stageName, Duration took) {
    timer(STAGE_RUN, "One test stage in a container", took, "stage", stageRole(stageName));
  }

  public static void cacheLookup(String cache, boolean hit) {
    counter(CACHE_LOOKUPS, "Cache lookups", "cache", label(cache), "result", hit ? "hit" : "miss");
  }

  /** A stage's role: its name without a rerun suffix, so reruns do not add label values. */
  static String stageRole(String stageName) {
    return STAGES.stream()
        .filter(role -> stageName != null && stageName.startsWith(role))
        .findFirst()
        .orElse("other");
  }

  static String label(String value) {
    return value == null || value.isBlank() ? "unknown" : value.toLowerCase(Locale.ROOT);
  }

  private static MeterRegistry registry() {
    return Metrics.globalRegistry;
  }

  private static void counter(String name, String description, String... tags) {
    Counter.builder(name).description(description).tags(tags).register(registry()).increment();
  }

  private static void timer(String name, String description, Duration took, String... tags) {
    Timer.builder(name)
        .description(description)
        .tags(tags)
        .serviceLevelObjectives(BUCKETS)
        .register(registry())
        .record(took);
  }
}
