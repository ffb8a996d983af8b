package dev.taskmill.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmill.testing.SampleDocuments;
import dev.taskmill.trajectory.Trajectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleSchemasTest {
  static final String BASE = "150d1071d69c5cdad7de78590013ffe56cf9e3bb";
  static final String MERGE = "fc5c7f45da0a4443f60ba2d322fe4bf829977739";
  final SampleSchemas schemas = SampleSchemas.get();

  static ObjectNode trajectoryJson(String kind) {
    return SampleDocuments.JSON.valueToTree(
        SampleDocuments.trajectory(kind, "local__calc__pr-1", BASE));
  }

  @Nested
  class TheSchemaFiles {
    @ParameterizedTest
    @ValueSource(strings = {SampleSchemas.TRAJECTORY, SampleSchemas.METADATA})
    void onTheClasspathAreTheOnesInDocs(String name) throws IOException {
      Path docs = Path.of("..", "docs", "schemas", name);
      try (InputStream in =
          SampleSchemas.class.getResourceAsStream(SampleSchemas.RESOURCE_DIR + name)) {
        assertThat(in).as(name + " on the classpath").isNotNull();
        assertThat(new String(in.readAllBytes())).isEqualTo(Files.readString(docs));
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {SampleSchemas.TRAJECTORY, SampleSchemas.METADATA})
    void declareDraft202012(String name) {
      assertThat(SampleSchemas.read(name).path("$schema").asText())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }
  }

  @Nested
  class Trajectories {
    @ParameterizedTest
    @ValueSource(strings = {Trajectory.IDEAL, Trajectory.FAILED})
    void aHandMadeTrajectoryFromTheRecordsPasses(String kind) {
      assertThat(schemas.validateTrajectory(trajectoryJson(kind))).isEmpty();
    }

    @Test
    void aMissingOutcomeIsRefused() {
      ObjectNode doc = trajectoryJson(Trajectory.IDEAL);
      doc.remove("outcome");
      assertThat(schemas.validateTrajectory(doc)).singleElement().asString().contains("outcome");
    }

    @Test
    void anUnknownPhaseIsRefusedWithItsPath() {
      ObjectNode doc = trajectoryJson(Trajectory.IDEAL);
      ((ObjectNode) doc.get("steps").get(2)).put("phase", "daydream");
      assertThat(schemas.validateTrajectory(doc))
          .singleElement()
          .asString()
          .startsWith("$.steps[2].phase")
          .contains("enum");
    }

    @Test
    void aFailedTrajectoryWithoutDivergenceIsRefused() {
      ObjectNode doc = trajectoryJson(Trajectory.FAILED);
      doc.remove("divergence");
      assertThat(schemas.validateTrajectory(doc))
          .isNotEmpty()
          .anySatisfy(e -> assertThat(e).contains("divergence"));
    }

    @Test
    void anIdealTrajectoryNeedsNoDivergence() {
      ObjectNode doc = trajectoryJson(Trajectory.IDEAL);
      assertThat(doc.has("divergence")).isFalse();
      assertThat(schemas.validateTrajectory(doc)).isEmpty();
    }

    @Test
    void anUnknownFailureModeIsRefused() {
      ObjectNode doc = trajectoryJson(Trajectory.FAILED);
      ((ObjectNode) doc.get("divergence")).put("mode", "BAD_LUCK");
      assertThat(schemas.validateTrajectory(doc))
          .singleElement()
          .asString()
          .startsWith("$.divergence.mode");
    }
  }

  @Nested
  class Metadata {
    JsonNode valid() {
      return SampleDocuments.metadata(
          "local__calc__pr-1",
          "/tmp/calc",
          BASE,
          MERGE,
          List.of("tests/test_calc.py::test_clamp_upper"));
    }

    @Test
    void aCompleteMetadataPasses() {
      assertThat(schemas.validateMetadata(valid())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "taskGoal",
          "failureModeAnalysis",
          "stepLevelMetrics",
          "diffSemantics",
          "testExecution",
          "navigationMetrics",
          "planAndMemorySignals"
        })
    void withoutAnEnrichmentKeyIsRefusedNamingIt(String key) {
      ObjectNode doc = (ObjectNode) valid();
      doc.remove(key);
      assertThat(schemas.validateMetadata(doc)).singleElement().asString().contains(key);
    }

    @Test
    void aMissingSubKeyOfAnEnrichmentSectionIsNamedWithItsPath() {
      ObjectNode doc = (ObjectNode) valid();
      ((ObjectNode) doc.get("stepLevelMetrics").get("totalSteps")).remove("failedTrajectory");
      assertThat(schemas.validateMetadata(doc))
          .singleElement()
          .asString()
          .startsWith("$.stepLevelMetrics.totalSteps")
          .contains("failedTrajectory");
    }

    @Test
    void extraKeysAreAllowed() {
      ObjectNode doc = (ObjectNode) valid();
      doc.put("somethingNew", 1);
      ((ObjectNode) doc.get("taskGoal")).put("language", "en");
      assertThat(schemas.validateMetadata(doc)).isEmpty();
    }
  }
}
