package dev.taskmill.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.phase.Phase;
import dev.taskmill.validation.ValidationSettings;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The builder makes the same records as the positional constructor, with the same ids and the same
 * JSON.
 */
class SampleRequestBuilderTest {
  @Test
  void buildsWhatThePositionalConstructorBuilds() {
    SampleRequest positional =
        new SampleRequest(
            "https://github.com/a/b",
            7,
            "/data/samples",
            null,
            null,
            "http://localhost:1",
            null,
            true,
            5);
    SampleRequest built =
        SampleRequest.builder("https://github.com/a/b", "/data/samples")
            .pr(7)
            .githubApiUrl("http://localhost:1")
            .searchAttributes(true)
            .maxCandidates(5)
            .build();

    assertThat(built).isEqualTo(positional);
    assertThat(built.toBuilder().build()).isEqualTo(built);
  }

  @Test
  void defaultsAreTheConstructorsDefaults() {
    SampleRequest request =
        SampleRequest.builder("https://github.com/a/b", "/data/samples").build();

    assertThat(request.prNumber()).isNull();
    assertThat(request.stopAfter()).isEqualTo(Phase.ENRICHMENT);
    assertThat(request.validation()).isEqualTo(ValidationSettings.DEFAULTS);
    assertThat(request.maxCandidates()).isEqualTo(SampleRequest.DEFAULT_MAX_CANDIDATES);
    assertThat(request.searchAttributes()).isFalse();
  }

  @Test
  void theWorkflowIdIsUnchanged() {
    // Pinned: runs submitted before the builder must be found (and attached to) by the same id.
    SampleRequest request =
        SampleRequest.builder("https://github.com/psf/requests", "/data/samples").pr(6767).build();

    assertThat(WorkflowIds.forRequest(request))
        .isEqualTo("taskmill/github.com/psf/requests/pr-6767/in-0690669e");
    assertThat(WorkflowIds.forRequest(request.toBuilder().searchAttributes(true).build()))
        .isEqualTo(WorkflowIds.forRequest(request));
  }

  @Test
  void theChecksStillRun() {
    assertThatThrownBy(() -> SampleRequest.builder("https://github.com/a/b", "relative").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SampleRequest.builder("https://github.com/a/b", "/s").pr(0).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePayloadHasOnlyTheRecordsFields() {
    // builder() and toBuilder() must not become JSON properties of a workflow input.
    SampleRequest request =
        SampleRequest.builder("https://github.com/a/b", "/data/samples").pr(7).build();
    var payload = DefaultDataConverter.STANDARD_INSTANCE.toPayload(request).orElseThrow();
    String json = payload.getData().toString(StandardCharsets.UTF_8);

    assertThat(json).doesNotContain("uilder");
    assertThat(
            DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                payload, SampleRequest.class, SampleRequest.class))
        .isEqualTo(request);
  }
}
