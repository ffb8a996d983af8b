package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmill.docker.ContainerSpec;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.stage.BindMount;
import dev.taskmill.stage.StageContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which sdist PyPI's JSON API offers for a requirement: the newest release the specifier allows,
 * not yanked, with an sdist, for the image's Python (PEP 440 from the host pip's packaging).
 */
class SdistReleaseTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A JSON API document; each release "version:kinds:requires_python", kinds "s", "w", "y". */
  static JsonNode document(String... releases) {
    ObjectNode doc = JSON.createObjectNode();
    doc.putObject("info").put("name", "demo");
    ObjectNode all = doc.putObject("releases");
    for (String release : releases) {
      String[] parts = release.split(":", -1);
      var files = all.putArray(parts[0]);
      for (char kind : parts[1].toCharArray()) {
        boolean sdist = kind != 'w';
        var file =
            files
                .addObject()
                .put("packagetype", sdist ? "sdist" : "bdist_wheel")
                .put(
                    "filename",
                    sdist ? "demo-" + parts[0] + ".tar.gz" : "demo-" + parts[0] + "-cp27-none.whl")
                .put("url", "https://files.example/demo-" + parts[0])
                .put("yanked", kind == 'y')
                .put("requires_python", parts.length > 2 ? parts[2] : "");
        file.putObject("digests").put("sha256", "ab".repeat(32));
      }
    }
    return doc;
  }

  static String pick(JsonNode doc, String requirement, String python) {
    return SdistRelease.pick(doc, requirement, python, Heartbeat.NONE)
        .map(SdistRelease::version)
        .orElse("none");
  }

  @Nested
  class Picking {
    @ParameterizedTest(name = "{0} on Python {1} -> {2}")
    @CsvSource(
        delimiter = '|',
        value = {
          "demo              | 3.11 | 2.1",
          "demo>=1.0         | 3.11 | 2.1",
          "demo<2            | 3.11 | 1.10",
          "demo~=1.2         | 3.11 | 1.10",
          "demo==1.2.*       | 3.11 | 1.2.1",
          "demo!=2.1,>=2     | 3.11 | 2.0",
          "demo>=3           | 3.11 | none",
          "demo[extra]>=1    | 3.11 | 2.1",
          "demo; python_version >= '3' | 3.11 | 2.1",
        })
    void theNewestReleaseTheSpecifierAllows(String requirement, String python, String expected) {
      JsonNode doc = document("1.0:s", "1.2.1:s", "1.10:s", "2.0:s", "2.1:s");
      assertThat(pick(doc, requirement.strip(), python.strip())).isEqualTo(expected.strip());
    }

    @Test
    void aYankedSdistIsNotTaken() {
      assertThat(pick(document("1.0:s", "2.0:y"), "demo", "3.11")).isEqualTo("1.0");
    }

    @Test
    void aReleaseWithWheelsOnlyIsNotTaken() {
      assertThat(pick(document("1.0:s", "2.0:w"), "demo", "3.11")).isEqualTo("1.0");
      assertThat(SdistRelease.sdists(document("1.0:ws")))
          .singleElement()
          .extracting(SdistRelease::filename)
          .isEqualTo("demo-1.0.tar.gz");
    }

    @Test
    void noSdistAtAllIsEmpty() {
      assertThat(pick(document("1.0:w", "2.0:y"), "demo", "3.11")).isEqualTo("none");
      assertThat(pick(JSON.createObjectNode(), "demo", "3.11")).isEqualTo("none");
    }

    @Test
    void aReleaseWhoseRequiresPythonExcludesTheImagesIsNotTaken() {
      JsonNode doc = document("1.0:s:>=3.7", "2.0:s:>=3.12");
      assertThat(pick(doc, "demo", "3.11")).isEqualTo("1.0");
      assertThat(pick(doc, "demo", "3.13")).isEqualTo("2.0");
      assertThat(pick(doc, "demo", null)).as("no Python known: any").isEqualTo("2.0");
    }

    @Test
    void preReleasesOnlyWhenAskedForOrAlone() {
      assertThat(pick(document("1.0:s", "2.0b1:s"), "demo", "3.11")).isEqualTo("1.0");
      assertThat(pick(document("1.0:s", "2.0b1:s"), "demo>=2.0b1", "3.11")).isEqualTo("2.0b1");
      assertThat(pick(document("2.0b1:s"), "demo", "3.11")).isEqualTo("2.0b1");
    }

    @Test
    void aVersionPep440CannotReadIsSkipped() {
      assertThat(pick(document("1.0:s", "not a version:s"), "demo", "3.11")).isEqualTo("1.0");
    }
  }

  @Nested
  class WhatPipSays {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "ERROR: No matching distribution found for tinyapp>=1.0 | tinyapp>=1.0",
          "ERROR: No matching distribution found for dep          | dep",
          "ERROR: Could not install packages due to an OSError    | ''",
        })
    void theRequirementPipFoundNoWheelFor(String line, String expected) {
      var result = new HostCommand.Result(1, List.of("Collecting x", line));
      assertThat(PipWheelhouse.missing(result).orElse("")).isEqualTo(expected);
    }

    @Test
    void theBuildsLastWordIsTheBackendsError() {
      List<String> log =
          List.of(
              "Processing /taskmill/sdist/tinybad-1.0.tar.gz",
              "  error: subprocess-exited-with-error",
              "  ╰─> [4 lines of output]",
              "      Traceback (most recent call last):",
              "      RuntimeError: tinybad refuses to build",
              "      ",
              "      [end of output]",
              "  note: This error originates from a subprocess.",
              "error: metadata-generation-failed");
      assertThat(SdistBuilder.lastMeaningfulLine(log))
          .isEqualTo("RuntimeError: tinybad refuses to build");
      assertThat(SdistBuilder.lastMeaningfulLine(List.of("x", "ERROR: Failed to build y", "")))
          .isEqualTo("Failed to build y");
      assertThat(SdistBuilder.lastMeaningfulLine(List.of())).isEqualTo("(no output)");
    }
  }

  @Nested
  class BuildContainer {
    @Test
    void noNetworkTheStagesUserTheSdistAndWheelhouseReadOnlyOnlyTheOutputWritable() {
      ContainerSpec spec =
          new SdistBuilder(null, "taskmill/python:3.11", SdistBuilder.PYPI, Heartbeat.NONE)
              .spec(
                  Path.of("/c/sdists/demo-1.0.tar.gz"),
                  Path.of("/c/wheelhouse"),
                  Path.of("/c/out"));
      assertThat(spec.network()).isFalse();
      assertThat(spec.user()).isEqualTo(StageContract.USER);
      assertThat(spec.image()).isEqualTo("taskmill/python:3.11");
      assertThat(spec.mounts())
          .extracting(BindMount::spec)
          .containsExactlyInAnyOrder(
              "/c/sdists/demo-1.0.tar.gz:/taskmill/sdist/demo-1.0.tar.gz:ro",
              "/c/wheelhouse:/taskmill/wheelhouse:ro",
              "/c/out:/taskmill/out:rw");
      assertThat(spec.command())
          .containsSubsequence(
              "pip",
              "wheel",
              "--no-deps",
              "--no-build-isolation",
              "--no-index",
              "-w",
              "/taskmill/out",
              "/taskmill/sdist/demo-1.0.tar.gz");
    }
  }
}
