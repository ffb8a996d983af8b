package dev.taskmill.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.enrichment.EnrichmentOutput;
import dev.taskmill.trajectory.TrajectoryOutput;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The sample is whole: both trajectory files, and metadata.json with the seven enrichment sections.
 */
class EnrichedSampleAssemblyTest extends SampleAssemblerTest {
  static final List<String> SEVEN =
      List.of(
          "taskGoal",
          "failureModeAnalysis",
          "stepLevelMetrics",
          "diffSemantics",
          "testExecution",
          "navigationMetrics",
          "planAndMemorySignals");

  AssemblyInput enriched(Path work) throws Exception {
    Files.writeString(work.resolve("ideal_trajectory.json"), "{\"kind\": \"ideal\"}\n");
    Files.writeString(work.resolve("failed_trajectory.json"), "{\"kind\": \"failed\"}\n");
    StringBuilder sections = new StringBuilder("{");
    for (String key : SEVEN) {
      sections
          .append(sections.length() > 1 ? "," : "")
          .append('"')
          .append(key)
          .append("\": {\"from\": \"")
          .append(key)
          .append("\"}");
    }
    Files.writeString(work.resolve("enrichment.json"), sections.append("}").toString());
    AssemblyInput plain = input("acme_calc__pr-42", work);
    return new AssemblyInput(
        plain.samplesDir(),
        plain.workDir(),
        plain.sampleKey(),
        plain.analysis(),
        plain.patches(),
        plain.environment(),
        plain.validation(),
        plain.phaseMillis(),
        plain.toolVersion(),
        new TrajectoryOutput(
            work.resolve("ideal_trajectory.json").toString(),
            work.resolve("failed_trajectory.json").toString(),
            7,
            7,
            true,
            "WRONG_LOCATION",
            3,
            false,
            List.of(),
            10),
        new EnrichmentOutput(
            work.resolve("enrichment.json").toString(), List.of(), 1.0, 0.75, "o200k_base"));
  }

  @Nested
  class Enriched {
    @Test
    void metadataHasTheSevenKeysAndTheSampleBothTrajectories() throws Exception {
      AssemblyOutput out = activity.assemble(enriched(workArea("enriched")));

      Path dir = samples().resolve("task-1");
      assertThat(out.files())
          .contains("ideal_trajectory.json", "failed_trajectory.json", "metadata.json");
      assertThat(dir.resolve("failed_trajectory.json")).hasContent("{\"kind\": \"failed\"}");
      JsonNode meta = new ObjectMapper().readTree(dir.resolve("metadata.json").toFile());
      for (String key : SEVEN) {
        assertThat(meta.at("/" + key + "/from").asText()).as(key).isEqualTo(key);
      }
      assertThat(meta.at("/pullRequest/number").asInt()).isEqualTo(42);
    }

    @Test
    void anEnrichmentFileWithoutASectionLeavesNoSample() throws Exception {
      Path work = workArea("partial");
      AssemblyInput input = enriched(work);
      Files.writeString(work.resolve("enrichment.json"), "{\"taskGoal\": {}}");

      assertThatThrownBy(() -> activity.assemble(input))
          .isInstanceOf(ApplicationFailure.class)
          .hasMessageContaining("has no failureModeAnalysis section");
      assertThat(sampleFolderNames()).containsExactly(".work");
    }

    @Test
    void theInputSurvivesAJsonRoundTripAsTemporalSendsIt() throws Exception {
      ObjectMapper json = new ObjectMapper();
      AssemblyInput input = enriched(workArea("json"));
      AssemblyInput back = json.readValue(json.writeValueAsString(input), AssemblyInput.class);
      assertThat(back.trajectories()).isEqualTo(input.trajectories());
      assertThat(back.enrichment()).isEqualTo(input.enrichment());
    }

    @Test
    void theNineArgumentInputStillAssemblesWithoutTrajectories() throws Exception {
      AssemblyOutput out = activity.assemble(input("acme_calc__pr-43", workArea("plain")));
      assertThat(out.files()).doesNotContain("ideal_trajectory.json", "failed_trajectory.json");
      JsonNode meta =
          new ObjectMapper().readTree(Path.of(out.sampleDir(), "metadata.json").toFile());
      assertThat(meta.has("taskGoal")).isFalse();
    }
  }
}
