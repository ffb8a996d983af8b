package dev.taskmill.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivityOptionsCatalogTest {
  @Test
  void aShorterHeartbeatTimeoutTouchesOnlyTheActivitiesThatBeatOften() {
    var overrides = ActivityOptionsCatalog.withHeartbeatTimeout(Duration.ofSeconds(15));

    assertThat(overrides)
        .containsOnlyKeys("AnalyzeRepository", "PrepareEnvironment", "ValidateSample");
    assertThat(overrides.values())
        .allSatisfy(
            o -> {
              assertThat(o.getHeartbeatTimeout()).isEqualTo(Duration.ofSeconds(15));
              assertThat(o.getStartToCloseTimeout())
                  .as("merged over the catalog: only the heartbeat changes")
                  .isNull();
              assertThat(o.getRetryOptions()).isNull();
            });
  }

  @Test
  void aTimeoutTheHeartbeatsCannotMeetIsRefused() {
    assertThatThrownBy(() -> ActivityOptionsCatalog.withHeartbeatTimeout(Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10 s");
  }

  /** Each activity type and the options the workflows schedule it with. */
  static final java.util.Map<String, io.temporal.activity.ActivityOptions> SCHEDULED_WITH =
      java.util.Map.of(
          "AnalyzeRepository",
          ActivityOptionsCatalog.ANALYSIS,
          "ExtractPatches",
          ActivityOptionsCatalog.PATCHES,
          "PrepareEnvironment",
          ActivityOptionsCatalog.ENVIRONMENT,
          "ValidateSample",
          ActivityOptionsCatalog.VALIDATION,
          "WriteTrajectories",
          ActivityOptionsCatalog.TRAJECTORIES,
          "EnrichMetadata",
          ActivityOptionsCatalog.ENRICHMENT,
          "AssembleSample",
          ActivityOptionsCatalog.ASSEMBLY,
          "RejectSample",
          ActivityOptionsCatalog.ASSEMBLY,
          "EvaluatePrediction",
          ActivityOptionsCatalog.EVALUATION);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AnalyzeRepository",
        "ExtractPatches",
        "PrepareEnvironment",
        "ValidateSample",
        "WriteTrajectories",
        "EnrichMetadata",
        "AssembleSample",
        "RejectSample",
        "EvaluatePrediction"
      })
  void eachActivityTypeIsOnTheQueueItsOptionsName(String type) {
    assertThat(ActivityOptionsCatalog.taskQueueOf(type))
        .isEqualTo(SCHEDULED_WITH.get(type).getTaskQueue());
  }

  @Test
  void theShortenedTypesHaveAHeartbeatTimeoutToShorten() {
    assertThat(ActivityOptionsCatalog.HEARTBEATING_TYPES)
        .allSatisfy(type -> assertThat(SCHEDULED_WITH.get(type).getHeartbeatTimeout()).isNotNull());
  }

  /**
   * The sample run's docker phases time out before they start when no worker takes them, so that
   * the workflow can say it waits; the evaluation and the light queue keep waiting silently.
   */
  @Test
  void theSampleRunsDockerPhasesHaveAPickupTimeout() {
    assertThat(
            java.util.List.of(
                ActivityOptionsCatalog.ENVIRONMENT,
                ActivityOptionsCatalog.VALIDATION,
                ActivityOptionsCatalog.TRAJECTORIES))
        .allSatisfy(
            o ->
                assertThat(o.getScheduleToStartTimeout())
                    .isEqualTo(ActivityOptionsCatalog.DOCKER_PICKUP));
    assertThat(SCHEDULED_WITH.values())
        .filteredOn(o -> o.getTaskQueue().equals(TaskQueues.LIGHT))
        .allSatisfy(o -> assertThat(o.getScheduleToStartTimeout()).isNull());
  }
}
