package dev.taskmill.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.failure.FailureType;
import dev.taskmill.phase.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleRejecterTest {
  static final String KEY = "acme_calc__pr-42";
  @TempDir Path tmp;
  final SampleRejecter rejecter =
      new SampleRejecter(Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC));

  Path samples() {
    return tmp.resolve("samples");
  }

  Path work() throws Exception {
    Path work = samples().resolve(".work/run-1");
    Files.createDirectories(work);
    Files.writeString(work.resolve("tests.patch"), "diff --git a/t b/t\n");
    Files.writeString(work.resolve("fix.patch"), "diff --git a/s b/s\n");
    Files.writeString(work.resolve("Dockerfile"), "FROM x\n");
    Files.writeString(work.resolve("run.sh"), "#!/bin/bash\n");
    Files.writeString(work.resolve("PASS_pre_tests.log"), "ok\n");
    Files.writeString(work.resolve("FAIL_pre_patch.rerun-1.log"), "rerun\n");
    Files.writeString(work.resolve("secret.env"), "TOKEN=x\n");
    Files.createSymbolicLink(work.resolve("PASS_post_patch.log"), Path.of("/etc/passwd"));
    return work;
  }

  RejectionInput input(Path work, FailureType type, String reason) {
    return new RejectionInput(
        samples().toString(),
        work == null ? null : work.toString(),
        KEY,
        type,
        reason,
        Phase.VALIDATION);
  }

  @Nested
  class Layout {
    @Test
    void theReportHoldsTheReasonAndThePartialOutput() throws Exception {
      Path work = work();
      RejectionOutput out =
          rejecter.reject(input(work, FailureType.NO_TEST_FLIPS, "no test goes from fail to pass"));

      Path dir = samples().resolve(".rejected").resolve(KEY);
      assertThat(out.rejectedDir()).isEqualTo(dir.toString());
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder(
                "reason.txt",
                "tests.patch",
                "fix.patch",
                "Dockerfile",
                "run.sh",
                "PASS_pre_tests.log",
                "FAIL_pre_patch.rerun-1.log");
      }
      assertThat(Files.readString(dir.resolve("reason.txt")))
          .contains(
              "failure: NO_TEST_FLIPS",
              "exit code 17",
              "phase: VALIDATION",
              "reason: no test goes from fail to pass",
              "time: 2026-11-25T18:00:00Z",
              "sampleKey: " + KEY);
      assertThat(Files.isExecutable(dir.resolve("run.sh"))).isTrue();
      assertThat(work).doesNotExist();
      assertThat(samples().resolve("task-1")).doesNotExist();
    }

    @Test
    void aRejectionWithoutAWorkAreaStillWritesItsReason() throws Exception {
      rejecter.reject(input(null, FailureType.NO_TESTS, "PR #42 changes no test file"));
      assertThat(
              Files.readString(samples().resolve(".rejected").resolve(KEY).resolve("reason.txt")))
          .contains("failure: NO_TESTS", "kept: nothing");
    }
  }

  @Nested
  class Retries {
    @Test
    void aRetryReplacesTheReportAndLeavesOneFolder() throws Exception {
      rejecter.reject(input(work(), FailureType.STAGE_TIMEOUT, "first"));
      rejecter.reject(input(null, FailureType.STAGE_TIMEOUT, "second"));

      Path rejected = samples().resolve(".rejected");
      try (Stream<Path> dirs = Files.list(rejected)) {
        assertThat(dirs.map(p -> p.getFileName().toString())).containsExactly(KEY);
      }
      assertThat(Files.readString(rejected.resolve(KEY).resolve("reason.txt")))
          .contains("reason: second");
      assertThat(rejected.resolve(KEY).resolve("tests.patch"))
          .as("kept from the first attempt")
          .exists();
    }
  }
}
