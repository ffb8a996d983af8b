package dev.taskmill.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.testing.SampleDocuments;
import dev.taskmill.testing.StackFixtures;
import dev.taskmill.trajectory.Trajectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SampleVerifier on a hand-built sample folder made from the Python fixture repository (no Docker).
 */
class SampleVerifierTest {
  @TempDir static Path shared;
  static StackFixtures.Fixture fixture;
  static RepositoryCache cache;

  @TempDir Path tmp;
  Path sample;

  @BeforeAll
  static void fixtureRepository() {
    fixture = StackFixtures.python(shared.resolve("calc"));
    cache = new RepositoryCache(shared.resolve("cache"));
  }

  @BeforeEach
  void buildSample() throws IOException {
    sample = Files.createDirectories(tmp.resolve("samples/task-1"));
    String key = "local__calc__pr-1";
    ObjectNode metadata =
        SampleDocuments.metadata(
            key, fixture.url(), fixture.baseCommit(), fixture.mergeCommit(), fixture.failToPass());
    SampleDocuments.JSON
        .writerWithDefaultPrettyPrinter()
        .writeValue(sample.resolve("metadata.json").toFile(), metadata);
    write(
        "ideal_trajectory.json",
        SampleDocuments.JSON.writeValueAsString(
            SampleDocuments.trajectory(Trajectory.IDEAL, key, fixture.baseCommit())));
    write(
        "failed_trajectory.json",
        SampleDocuments.JSON.writeValueAsString(
            SampleDocuments.trajectory(Trajectory.FAILED, key, fixture.baseCommit())));
    write("tests.patch", fixture.testsPatch());
    write("fix.patch", fixture.fixPatch());
    write("Dockerfile", "FROM taskmill/python:3.11\n");
    write("run.sh", "#!/usr/bin/env bash\nexit 0\n");
    Files.setPosixFilePermissions(
        sample.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String log : List.of("PASS_pre_tests.log", "FAIL_pre_patch.log", "PASS_post_patch.log")) {
      write(log, "1 passed\n");
    }
  }

  void write(String name, String text) throws IOException {
    Files.writeString(sample.resolve(name), text);
  }

  VerificationReport verify() {
    return new SampleVerifier(cache, null).verify(sample, false);
  }

  static void onlyFailing(VerificationReport report, String check, String reasonPart) {
    assertThat(report.failures())
        .as(String.join("\n", report.checks().stream().map(Check::line).toList()))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.name()).isEqualTo(check);
              assertThat(c.reason()).contains(reasonPart);
            });
  }

  @Test
  void aCompleteSamplePassesEveryCheck() {
    VerificationReport report = verify();
    assertThat(report.checks())
        .extracting(Check::line)
        .containsExactly(
            "[ok] " + SampleVerifier.CHECK_FILES,
            "[ok] " + SampleVerifier.CHECK_METADATA,
            "[ok] " + SampleVerifier.CHECK_IDEAL,
            "[ok] " + SampleVerifier.CHECK_FAILED,
            "[ok] " + SampleVerifier.CHECK_PATCHES,
            "[ok] " + SampleVerifier.CHECK_FAIL_TO_PASS + " (1)");
    assertThat(report.passed()).isTrue();
  }

  @Nested
  class OneProblemFailsExactlyItsCheck {
    @ParameterizedTest
    @ValueSource(
        strings = {"Dockerfile", "PASS_post_patch.log", "FAIL_pre_patch.log", "PASS_pre_tests.log"})
    void aMissingFile(String name) throws IOException {
      Files.delete(sample.resolve(name));
      onlyFailing(verify(), SampleVerifier.CHECK_FILES, "missing " + name);
    }

    @Test
    void runShNotExecutable() throws IOException {
      Files.setPosixFilePermissions(
          sample.resolve("run.sh"), PosixFilePermissions.fromString("rw-r--r--"));
      onlyFailing(verify(), SampleVerifier.CHECK_FILES, "run.sh is not executable");
    }

    @Test
    void aFixPatchThatDoesNotApply() throws IOException {
      write("fix.patch", fixture.fixPatch().replace("return max(lo, x)", "return max(lo, y)"));
      onlyFailing(verify(), SampleVerifier.CHECK_PATCHES, "fix.patch does not apply");
    }

    @Test
    void aTestsPatchThatNeedsTheFix() throws IOException {
      // swapped: fix.patch's change first, so the "tests.patch" of this sample is the fix and vice
      // versa
      write("tests.patch", fixture.fixPatch());
      write("fix.patch", fixture.fixPatch());
      onlyFailing(
          verify(), SampleVerifier.CHECK_PATCHES, "fix.patch does not apply on base + tests.patch");
    }

    @Test
    void aBrokenTrajectory() throws IOException {
      ObjectNode doc =
          (ObjectNode)
              SampleDocuments.JSON.readTree(sample.resolve("failed_trajectory.json").toFile());
      doc.remove("divergence");
      ((ObjectNode) doc.get("steps").get(1)).put("phase", "daydream");
      write("failed_trajectory.json", doc.toString());
      VerificationReport report = verify();
      onlyFailing(report, SampleVerifier.CHECK_FAILED, "$.steps[1].phase");
      assertThat(report.check(SampleVerifier.CHECK_FAILED).reason()).contains("divergence");
    }

    @Test
    void aTrajectoryOfTheWrongKind() throws IOException {
      write("ideal_trajectory.json", Files.readString(sample.resolve("failed_trajectory.json")));
      onlyFailing(verify(), SampleVerifier.CHECK_IDEAL, "expected 'ideal'");
    }

    @Test
    void aTrajectoryThatIsNotJson() throws IOException {
      write("ideal_trajectory.json", "{\"steps\": [");
      onlyFailing(verify(), SampleVerifier.CHECK_IDEAL, "not valid JSON");
    }

    @Test
    void metadataWithoutAnEnrichmentKey() throws IOException {
      ObjectNode doc =
          (ObjectNode) SampleDocuments.JSON.readTree(sample.resolve("metadata.json").toFile());
      doc.remove("navigationMetrics");
      write("metadata.json", doc.toString());
      onlyFailing(verify(), SampleVerifier.CHECK_METADATA, "navigationMetrics");
    }

    @Test
    void anEmptyFailToPass() throws IOException {
      ObjectNode doc =
          (ObjectNode) SampleDocuments.JSON.readTree(sample.resolve("metadata.json").toFile());
      doc.putArray("FAIL_TO_PASS");
      write("metadata.json", doc.toString());
      onlyFailing(verify(), SampleVerifier.CHECK_FAIL_TO_PASS, "no FAIL_TO_PASS");
    }
  }

  @Nested
  class Rerun {
    @Test
    void theSameFailToPassHolds() {
      VerificationReport report =
          new SampleVerifier(cache, (dir, meta) -> fixture.failToPass()).verify(sample, true);
      assertThat(report.passed()).isTrue();
      assertThat(report.check(SampleVerifier.CHECK_RERUN).ok()).isTrue();
    }

    @Test
    void aDifferentFailToPassIsNamed() {
      VerificationReport report =
          new SampleVerifier(cache, (dir, meta) -> List.of("tests/test_calc.py::test_add"))
              .verify(sample, true);
      onlyFailing(
          report,
          SampleVerifier.CHECK_RERUN,
          "no longer flipping: tests/test_calc.py::test_clamp_upper");
    }

    @Test
    void aRerunThatBreaksIsNamed() {
      VerificationReport report =
          new SampleVerifier(
                  cache,
                  (dir, meta) -> {
                    throw new IllegalStateException("the Docker engine cannot be reached");
                  })
              .verify(sample, true);
      onlyFailing(report, SampleVerifier.CHECK_RERUN, "Docker engine");
    }
  }

  @Test
  void hostMountsAreReadFromRunSh() throws IOException {
    Path cacheDir = Files.createDirectories(tmp.resolve("m2"));
    String script =
        "#!/usr/bin/env bash\nHOST_MOUNTS=( '"
            + cacheDir
            + ":/home/taskmill/.m2:ro' '/nowhere/x:/y:ro' )\n";
    assertThat(SampleEnvironments.hostMounts(script))
        .singleElement()
        .satisfies(m -> assertThat(m.hostPath()).isEqualTo(cacheDir.toString()));
  }

  @Test
  void aMissingFolderIsRefused() {
    assertThatThrownBy(() -> new SampleVerifier(cache, null).verify(tmp.resolve("nowhere"), false))
        .hasMessageContaining("nowhere");
  }
}
