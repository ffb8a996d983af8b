package dev.taskmill.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The facade records on the global registry with bounded, lower-case labels. */
class TaskmillMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void attach() {
    Metrics.addRegistry(registry);
  }

  @AfterEach
  void detach() {
    Metrics.removeRegistry(registry);
  }

  @Test
  void countsSamplesAndRejectionsByLowerCaseLabels() {
    TaskmillMetrics.sample("created", "PYTHON");
    TaskmillMetrics.sample("created", "PYTHON");
    TaskmillMetrics.rejection("NO_TEST_FLIPS", "VALIDATION");

    assertThat(
            registry
                .get(TaskmillMetrics.SAMPLES)
                .tag("outcome", "created")
                .tag("language", "python")
                .counter()
                .count())
        .isEqualTo(2.0);
    assertThat(
            registry
                .get(TaskmillMetrics.REJECTIONS)
                .tag("reason", "no_test_flips")
                .tag("phase", "validation")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void timesStagesByRoleAndCountsCacheHits() {
    TaskmillMetrics.stageRun("PASS_post_patch_rerun2", Duration.ofSeconds(3));
    TaskmillMetrics.cacheLookup("clone", true);
    TaskmillMetrics.cacheLookup("clone", false);

    assertThat(
            registry
                .get(TaskmillMetrics.STAGE_RUN)
                .tag("stage", "PASS_post_patch")
                .timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(3.0);
    assertThat(registry.get(TaskmillMetrics.CACHE_LOOKUPS).tag("result", "hit").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get(TaskmillMetrics.CACHE_LOOKUPS).tag("result", "miss").counter().count())
        .isEqualTo(1.0);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "null",
      value = {
        "PASS_pre_tests,           PASS_pre_tests",
        "FAIL_pre_patch,           FAIL_pre_patch",
        "PASS_post_patch_rerun-1,  PASS_post_patch",
        "something else,           other",
        "null,                     other"
      })
  void stageRoleKeepsTheLabelSetBounded(String name, String role) {
    assertThat(TaskmillMetrics.stageRole(name)).isEqualTo(role);
  }
}
