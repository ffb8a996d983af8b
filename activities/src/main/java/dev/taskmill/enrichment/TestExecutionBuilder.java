package dev.taskmill.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.analysis.TestFramework;
import dev.taskmill.diff.AddedLine;
import dev.taskmill.diff.PatchFile;
import dev.taskmill.diff.UnifiedDiffParser;
import dev.taskmill.validation.StageResult;
import dev.taskmill.validation.ValidationOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@link TestExecution} from the stage results; the patches of a run come from its results
 * file, else from its stage name. The fix's line coverage is read from PASS_post_patch's reports in
 * workDir/validation/PASS_post_patch/out/coverage.
 */
public final class TestExecutionBuilder {
  public static final String COMMAND = "bash /taskmill/run.sh stage [PATCH...]";
  static final String POST_STAGE = "PASS_post_patch";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path workDir;

  public TestExecutionBuilder(Path workDir) {
    this.workDir = workDir.toAbsolutePath().normalize();
  }

  public TestExecution build(TestFramework framework, ValidationOutput validation, String fixPatch)
      throws IOException {
    List<TestExecution.Run> runs = new ArrayList<>();
    Map<String, Double> coverage = new LinkedHashMap<>();
    for (StageResult s : validation.stages()) {
      runs.add(
          new TestExecution.Run(
              s.name(),
              patches(s),
              s.exitCode(),
              s.timedOut(),
              s.testsRun(),
              s.passed(),
              s.failed(),
              s.skipped(),
              Math.max(0, s.millis()),
              s.lineCoverage()));
      if (s.lineCoverage() != null) {
        coverage.put(s.name(), s.lineCoverage());
      }
    }
    return new TestExecution(
        framework.name().toLowerCase(Locale.ROOT),
        COMMAND,
        runs,
        validation.failToPass(),
        validation.passToPass(),
        validation.flaky(),
        coverage,
        fixLineCoverage(
            fixPatch,
            workDir.resolve("validation").resolve(POST_STAGE).resolve("out").resolve("coverage")));
  }

  /** The patch file names the stage applied: from its results file, else from its name. */
  static List<String> patches(StageResult stage) {
    if (stage.results() != null
        && Files.isRegularFile(Path.of(stage.results()), LinkOption.NOFOLLOW_LINKS)) {
      try {
        JsonNode patches = JSON.readTree(Path.of(stage.results()).toFile()).path("patches");
        if (patches.isArray()) {
          List<String> names = new ArrayList<>();
          // the runner applies numbered copies ("01-tests.patch"): report the patch's own name
          patches.forEach(
              p ->
                  names.add(
                      Path.of(p.asText()).getFileName().toString().replaceFirst("^\\d{2}-", "")));
          return names;
        }
      } catch (IOException | RuntimeException unreadable) {
        // fall back to the stage name
      }
    }
    String base = stage.name().split("\\.", 2)[0];
    return switch (base) {
      case "PASS_pre_tests" -> List.of();
      case "FAIL_pre_patch" -> List.of("tests.patch");
      case POST_STAGE -> List.of("tests.patch", "fix.patch");
      default -> List.of();
    };
  }

  /** The fix's added lines covered by the post-patch run, where the report has per-line data. */
  static TestExecution.FixLineCoverage fixLineCoverage(String fixPatch, Path coverageDir)
      throws IOException {
    List<PatchFile> files = UnifiedDiffParser.parse(fixPatch);
    int added =
        files.stream()
            .mapToInt(f -> (int) f.additions().stream().filter(l -> !l.text().isBlank()).count())
            .sum();
    if (added == 0) {
      return TestExecution.FixLineCoverage.notMeasured(0, "the fix adds no lines");
    }
    LineHits hits = LineHits.read(coverageDir);
    if (!hits.hasLineData()) {
      String reason =
          hits.withoutLines().isEmpty()
              ? "no coverage report from " + POST_STAGE
              : String.join(", ", hits.withoutLines()) + " has no per-line data";
      return TestExecution.FixLineCoverage.notMeasured(added, reason);
    }
    Set<String> measuredKinds = new java.util.HashSet<>();
    hits.executable().keySet().forEach(k -> measuredKinds.add(extension(k)));
    int changed = 0;
    int covered = 0;
    for (PatchFile file : files) {
      Optional<String> key = hits.keyFor(file.path());
      if (key.isEmpty() && !measuredKinds.contains(extension(file.path()))) {
        continue; // not code the report measures (a config file, another language)
      }
      for (AddedLine line : file.additions()) {
        if (key.isEmpty()) {
          // a fix file the report does not know was never loaded: its non-blank lines count,
          // uncovered
          changed += line.text().isBlank() ? 0 : 1;
          continue;
        }
        Set<Integer> executable = hits.executable().getOrDefault(key.get(), Set.of());
        if (executable.contains(line.number())) {
          changed++;
          covered +=
              hits.covered().getOrDefault(key.get(), Set.of()).contains(line.number()) ? 1 : 0;
        }
      }
    }
    if (changed == 0) {
      return TestExecution.FixLineCoverage.notMeasured(
          0, "no added line of the fix is executable code");
    }
    return new TestExecution.FixLineCoverage(
        covered, changed, NavigationMetricsBuilder.ratio(covered, changed), null);
  }

  private static String extension(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash ? path.substring(dot) : "";
  }
}
