package dev.taskmill.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.analysis.AnalysisOutput;
import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Candidate;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.PrSource;
import dev.taskmill.analysis.PullRequest;
import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.TestFramework;
import dev.taskmill.environment.EnvironmentOutput;
import dev.taskmill.failure.FailureType;
import dev.taskmill.patches.ExtractionOutput;
import dev.taskmill.phase.Phase;
import dev.taskmill.validation.StageResult;
import dev.taskmill.validation.ValidationOutput;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleAssemblerTest {
  static final String BASE = "a".repeat(40);
  static final String MERGE = "b".repeat(40);

  @TempDir Path tmp;
  final SampleAssemblyActivityImpl activity = new SampleAssemblyActivityImpl();

  Path samples() {
    return tmp.resolve("samples");
  }

  /** A work area as phases 2, 4 and 5 leave it. */
  Path workArea(String name) throws Exception {
    Path work = samples().resolve(".work").resolve(name);
    Files.createDirectories(work);
    Files.writeString(work.resolve("fix.patch"), "diff --git a/src/calc.py b/src/calc.py\n");
    Files.writeString(
        work.resolve("tests.patch"), "diff --git a/tests/test_calc.py b/tests/test_calc.py\n");
    Files.writeString(work.resolve("Dockerfile"), "FROM taskmill/python:3.11\n");
    Files.writeString(work.resolve("run.sh"), "#!/bin/bash\nexit 0\n");
    for (String log : List.of("PASS_pre_tests.log", "FAIL_pre_patch.log", "PASS_post_patch.log")) {
      Files.writeString(work.resolve(log), log + "\n");
    }
    return work;
  }

  AssemblyInput input(String key, Path work) {
    PullRequest pr =
        new PullRequest(
            42,
            "Fix add",
            "Fixes #7",
            "https://github.com/acme/calc/pull/42",
            List.of(7),
            true,
            BASE,
            MERGE,
            PrSource.MERGE_COMMIT,
            "2026-11-01T10:00:00Z");
    AnalysisOutput analysis =
        new AnalysisOutput(
            "https://github.com/acme/calc",
            "acme/calc",
            "main",
            new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, "3.10", ""),
            pr,
            List.of(
                new Candidate(
                    42,
                    "Fix add",
                    MERGE,
                    PrSource.MERGE_COMMIT,
                    0.9,
                    List.of("fix in title"),
                    1,
                    1,
                    true)),
            "highest score");
    ExtractionOutput patches =
        new ExtractionOutput(
            work + "/fix.patch",
            work + "/tests.patch",
            List.of("src/calc.py"),
            List.of("tests/test_calc.py"),
            List.of("CHANGELOG.md"),
            List.of(),
            3,
            1,
            List.of());
    EnvironmentOutput env =
        new EnvironmentOutput(
            work + "/Dockerfile",
            work + "/run.sh",
            "taskmill/python:3.11",
            "taskmill-env:abc",
            "taskmill-sample:def",
            "3.11",
            List.of(),
            "1000:1000");
    ValidationOutput validation =
        new ValidationOutput(
            List.of(
                new StageResult(
                    "PASS_pre_tests",
                    work + "/PASS_pre_tests.log",
                    0,
                    false,
                    3,
                    3,
                    0,
                    0,
                    81.5,
                    1200),
                new StageResult(
                    "FAIL_pre_patch",
                    work + "/FAIL_pre_patch.log",
                    1,
                    false,
                    4,
                    3,
                    1,
                    0,
                    null,
                    1100),
                new StageResult(
                    "PASS_post_patch",
                    work + "/PASS_post_patch.log",
                    0,
                    false,
                    4,
                    4,
                    0,
                    0,
                    83.0,
                    1150)),
            List.of("tests/test_calc.py::test_add"),
            List.of("tests/test_calc.py::test_sub"),
            List.of());
    Map<Phase, Long> millis = new LinkedHashMap<>();
    millis.put(Phase.ANALYSIS, 800L);
    millis.put(Phase.PATCHES, 120L);
    return new AssemblyInput(
        samples().toString(),
        work.toString(),
        key,
        analysis,
        patches,
        env,
        validation,
        millis,
        "0.1.0");
  }

  List<String> sampleFolderNames() throws Exception {
    try (Stream<Path> children = Files.list(samples())) {
      return children
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(".lock"))
          .sorted()
          .toList();
    }
  }

  @Nested
  class Assemble {
    @Test
    void theSampleHoldsEveryFileAndTheWorkAreaIsGone() throws Exception {
      Path work = workArea("one");
      AssemblyOutput out = activity.assemble(input("acme_calc__pr-42", work));

      Path dir = samples().resolve("task-1");
      assertThat(out.sampleDir()).isEqualTo(dir.toString());
      assertThat(out.taskNumber()).isEqualTo(1);
      assertThat(out.alreadyExisted()).isFalse();
      assertThat(out.files())
          .containsExactly(
              "Dockerfile",
              "FAIL_pre_patch.log",
              "PASS_post_patch.log",
              "PASS_pre_tests.log",
              "fix.patch",
              "metadata.json",
              "run.sh",
              "tests.patch");
      assertThat(Files.getPosixFilePermissions(dir.resolve("run.sh")))
          .contains(PosixFilePermission.OWNER_EXECUTE);
      assertThat(work).doesNotExist();
      assertThat(sampleFolderNames()).containsExactly(".work", "task-1");
    }

    @Test
    void metadataNamesThePrTheSplitTheVerdictAndTheTimings() throws Exception {
      activity.assemble(input("acme_calc__pr-42", workArea("meta")));
      JsonNode meta =
          new ObjectMapper().readTree(samples().resolve("task-1/metadata.json").toFile());

      assertThat(meta.at("/repo/name").asText()).isEqualTo("acme/calc");
      assertThat(meta.at("/pullRequest/number").asInt()).isEqualTo(42);
      assertThat(meta.at("/pullRequest/linkedIssues/0").asInt()).isEqualTo(7);
      assertThat(meta.at("/baseCommit").asText()).isEqualTo(BASE);
      assertThat(meta.at("/mergeCommit").asText()).isEqualTo(MERGE);
      assertThat(meta.at("/language").asText()).isEqualTo("python");
      assertThat(meta.at("/testFramework").asText()).isEqualTo("pytest");
      assertThat(meta.at("/toolchainVersion").asText())
          .as("the image's, which the sample runs with")
          .isEqualTo("3.11");
      assertThat(meta.at("/toolchainRequired").asText())
          .as("the build files' lower bound")
          .isEqualTo("3.10");
      assertThat(meta.at("/environment").has("toolchainVersion"))
          .as("said once, at the top")
          .isFalse();
      assertThat(meta.at("/patches/fix/files/0").asText()).isEqualTo("src/calc.py");
      assertThat(meta.at("/patches/tests/files/0").asText()).isEqualTo("tests/test_calc.py");
      assertThat(meta.at("/patches/other/files/0").asText()).isEqualTo("CHANGELOG.md");
      assertThat(meta.at("/FAIL_TO_PASS/0").asText()).isEqualTo("tests/test_calc.py::test_add");
      assertThat(meta.at("/PASS_TO_PASS/0").asText()).isEqualTo("tests/test_calc.py::test_sub");
      assertThat(meta.at("/stages/0/log").asText()).isEqualTo("PASS_pre_tests.log");
      assertThat(meta.at("/stages/2/lineCoverage").asDouble()).isEqualTo(83.0);
      assertThat(meta.at("/candidates/0/score").asDouble()).isEqualTo(0.9);
      assertThat(meta.at("/pickReason").asText()).isEqualTo("highest score");
      assertThat(meta.at("/timings/phaseMillis/ANALYSIS").asLong()).isEqualTo(800);
      assertThat(meta.at("/toolVersion").asText()).isEqualTo("0.1.0");
      assertThat(meta.at("/sampleKey").asText()).isEqualTo("acme_calc__pr-42");
      assertThat(meta.at("/createdAt").asText()).isNotBlank();
    }

    @Test
    void theNextSampleTakesTheNextNumber() throws Exception {
      Files.createDirectories(samples().resolve("task-7"));
      assertThat(activity.assemble(input("acme_calc__pr-42", workArea("a"))).taskNumber())
          .isEqualTo(8);
      assertThat(activity.assemble(input("acme_calc__pr-43", workArea("b"))).taskNumber())
          .isEqualTo(9);
    }
  }

  @Nested
  class Idempotency {
    @Test
    void aRetryForTheSameKeyReturnsTheExistingSample() throws Exception {
      AssemblyOutput first = activity.assemble(input("acme_calc__pr-42", workArea("first")));
      // The retry's work area is gone already (the first attempt deleted it): the sample must still
      // be found.
      AssemblyOutput retry =
          activity.assemble(input("acme_calc__pr-42", samples().resolve(".work/first")));

      assertThat(retry.alreadyExisted()).isTrue();
      assertThat(retry.sampleDir()).isEqualTo(first.sampleDir());
      assertThat(retry.files()).isEqualTo(first.files());
      assertThat(sampleFolderNames()).containsExactly(".work", "task-1");
    }

    @Test
    void eightConcurrentAssembliesGetEightDistinctNumbers() throws Exception {
      List<Integer> numbers = runConcurrently(8, i -> "acme_calc__pr-" + (100 + i));
      assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
      assertThat(sampleFolderNames())
          .containsExactly(
              ".work", "task-1", "task-2", "task-3", "task-4", "task-5", "task-6", "task-7",
              "task-8");
    }

    @Test
    void concurrentAssembliesOfOneKeyMakeOneSample() throws Exception {
      List<Integer> numbers = runConcurrently(4, i -> "acme_calc__pr-42");
      assertThat(numbers).containsOnly(1);
      assertThat(sampleFolderNames()).containsExactly(".work", "task-1");
    }

    @Test
    void separateProcessesAssemblingAtOnceGetDistinctNumbersAndOneSamplePerKey() throws Exception {
      List<String> keys =
          List.of("acme_calc__pr-1", "acme_calc__pr-2", "acme_calc__pr-3", "acme_calc__pr-3");
      List<Process> processes = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        Path json = tmp.resolve("input-" + i + ".json");
        new ObjectMapper().writeValue(json.toFile(), input(keys.get(i), workArea("p" + i)));
        processes.add(
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    ChildAssembler.class.getName(),
                    json.toString())
                .redirectErrorStream(true)
                .start());
      }
      List<Integer> numbers = new ArrayList<>();
      for (Process process : processes) {
        String output = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor()).as(output).isZero();
        numbers.add(Integer.parseInt(output.substring(output.lastIndexOf('\n') + 1).trim()));
      }
      assertThat(numbers.subList(0, 3)).containsExactlyInAnyOrder(1, 2, 3);
      assertThat(numbers.get(3)).isEqualTo(numbers.get(2));
      assertThat(sampleFolderNames()).containsExactly(".work", "task-1", "task-2", "task-3");
    }

    private List<Integer> runConcurrently(int threads, java.util.function.IntFunction<String> key)
        throws Exception {
      List<AssemblyInput> inputs = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        inputs.add(input(key.apply(i), workArea("w" + i)));
      }
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AssemblyOutput>> futures = new ArrayList<>();
        for (AssemblyInput in : inputs) {
          Callable<AssemblyOutput> call =
              () -> {
                start.await();
                return activity.assemble(in);
              };
          futures.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> numbers = new ArrayList<>();
        for (Future<AssemblyOutput> f : futures) {
          numbers.add(f.get().taskNumber());
        }
        return numbers;
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  class Failures {
    @ParameterizedTest(name = "without {0} nothing is left behind")
    @ValueSource(strings = {"fix.patch", "tests.patch"})
    void aFailedAssemblyLeavesNoTaskAndNoTemporaryFolder(String missing) throws Exception {
      Path work = workArea("broken");
      Files.delete(work.resolve(missing));

      assertThatThrownBy(() -> activity.assemble(input("acme_calc__pr-42", work)))
          .isInstanceOf(ApplicationFailure.class)
          .hasMessageContaining(missing);
      assertThat(sampleFolderNames()).containsExactly(".work");
      assertThat(work.resolve("Dockerfile"))
          .as("the work area is kept for the rejection report")
          .exists();
    }

    @Test
    void aStaleTemporaryFolderOfAKilledAttemptIsCleanedUp() throws Exception {
      Files.createDirectories(samples().resolve(".tmp-acme_calc__pr-42-123/half"));
      activity.assemble(input("acme_calc__pr-42", workArea("again")));
      assertThat(sampleFolderNames()).containsExactly(".work", "task-1");
    }

    @ParameterizedTest(name = "key {0} is refused")
    @ValueSource(strings = {"../evil", "a/b", "..", ".hidden"})
    void unsafeKeysAreRefused(String key) throws Exception {
      Path work = workArea("keys");
      assertThatThrownBy(() -> activity.assemble(input(key, work)))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> assertThat(f.getType()).isEqualTo(FailureType.INVALID_INPUT.name()));
    }
  }
}
