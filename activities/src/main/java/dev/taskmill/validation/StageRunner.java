package dev.taskmill.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.docker.ContainerRun;
import dev.taskmill.docker.ContainerSpec;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.files.FileTrees;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.stage.BindMount;
import dev.taskmill.stage.StageContract;
import dev.taskmill.validation.coverage.CoverageReader;
import dev.taskmill.validation.coverage.LineCoverage;
import dev.taskmill.validation.report.ReportReader;
import dev.taskmill.validation.report.TestOutcome;
import dev.taskmill.validation.report.TestResults;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one stage ({@code bash /taskmill/run.sh stage PATCH...}) in a fresh locked-down container,
 * with any list of patches, and reads its reports. See docs/stage-contract.md.
 */
public final class StageRunner {
  public static final String ROLE_LABEL = dev.taskmill.docker.ContainerOwner.ROLE_LABEL;
  public static final String STAGE_LABEL = ContainerSpec.STAGE_LABEL;
  public static final String WORKDIR_LABEL = ContainerSpec.WORKDIR_LABEL;
  public static final long PIDS_LIMIT = 512;

  /**
   * The selected test ids, one per line, next to the stage's patches (never named on the command
   * line).
   */
  static final String TEST_IDS_FILE = "test-ids.txt";

  /** The most test ids worth selecting: past this many a selection costs as much as the suite. */
  static final int MAX_SELECTED_TESTS = 500;

  private final ContainerEngine engine;
  private final ValidationSettings settings;
  private final Heartbeat heartbeat;
  private final Map<String, String> extraLabels;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public StageRunner(ContainerEngine engine, ValidationSettings settings, Heartbeat heartbeat) {
    this(engine, settings, heartbeat, Map.of());
  }

  /**
   * @param extraLabels labels added to every container (tests use them to find leftovers)
   */
  public StageRunner(
      ContainerEngine engine,
      ValidationSettings settings,
      Heartbeat heartbeat,
      Map<String, String> extraLabels) {
    this.engine = engine;
    this.settings = settings;
    this.heartbeat = heartbeat;
    this.extraLabels = Map.copyOf(extraLabels);
  }

  /**
   * The same runner with another CPU limit per container (stages side by side share the sample's).
   */
  StageRunner withCpus(double cpus) {
    return new StageRunner(
        engine,
        new ValidationSettings(
            settings.reruns(), settings.stageTimeoutSeconds(), cpus, settings.memoryMb()),
        heartbeat,
        extraLabels);
  }

  /** The CPU limit of each container this runner starts. */
  double cpus() {
    return settings.cpus();
  }

  /** The memory limit of each container this runner starts, in MiB. */
  int memoryMb() {
    return settings.memoryMb();
  }

  /**
   * Runs any list of patches as a stage with no rejection rule (a trajectory's final patch, for
   * example).
   */
  public StageRun run(StageEnvironment env, String name, List<Path> patches, Path workDir)
      throws IOException, InterruptedException {
    return run(env, new PlannedStage(name, StageRole.OTHER, patches), workDir);
  }

  /**
   * Runs the stage; its log is workDir/NAME.log, its reports and coverage stay in
   * workDir/validation/NAME/out.
   */
  public StageRun run(StageEnvironment env, PlannedStage stage, Path workDir)
      throws IOException, InterruptedException {
    return run(env, stage, workDir, List.of());
  }

  /**
   * Runs the stage with only the named tests (written to TASKMILL_TEST_IDS_FILE,
   * docs/stage-contract.md); an empty list runs the whole suite, as {@link #run(StageEnvironment,
   * PlannedStage, Path)} does.
   */
  public StageRun run(StageEnvironment env, PlannedStage stage, Path workDir, List<String> testIds)
      throws IOException, InterruptedException {
    return run(env, stage, workDir, testIds, Snapshot.NONE);
  }

  /**
   * As above; {@code snapshot} may ask to keep the container's end state as an image, or to start
   * from such an image, whose patches are already applied and whose build is done: then no patch is
   * applied again.
   */
  StageRun run(
      StageEnvironment env,
      PlannedStage stage,
      Path workDir,
      List<String> testIds,
      Snapshot snapshot)
      throws IOException, InterruptedException {
    heartbeat.beat(stage.name() + " starting");
    StageDirs dirs = StageDirs.prepare(workDir, stage.name());
    if (!testIds.isEmpty()) {
      Path ids =
          Files.writeString(
              dirs.patches().resolve(TEST_IDS_FILE), String.join("\n", testIds) + "\n");
      Files.setPosixFilePermissions(ids, PosixFilePermissions.fromString("rw-r--r--"));
    }
    List<String> command = new ArrayList<>(List.of("bash", StageContract.RUN_SCRIPT, "stage"));
    for (int i = 0; snapshot.startFrom() == null && i < stage.patches().size(); i++) {
      Path patch = stage.patches().get(i);
      if (!Files.isRegularFile(patch)) {
        throw Failures.of(
            FailureType.INVALID_INPUT,
            "patch file not found for stage "
                + stage.name()
                + ": "
                + patch
                + " (the patches phase writes it to the work dir)");
      }
      // Numbered copies: two patches may share a file name, and the order must survive a listing.
      String name = String.format("%02d-%s", i + 1, patch.getFileName());
      Path copy = dirs.patches().resolve(name);
      Files.copy(patch, copy, StandardCopyOption.REPLACE_EXISTING);
      // The container runs as an unprivileged user; it must be able to read what it applies.
      Files.setPosixFilePermissions(
          copy, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      command.add(StageContract.PATCHES_DIR + "/" + name);
    }
    Path log = workDir.resolve(stage.name() + ".log");
    ContainerRun container;
    try (OutputStream out = Files.newOutputStream(log)) {
      StageEnvironment on = env;
      if (snapshot.startFrom() != null) {
        out.write(
            ("taskmill: "
                    + stage.name()
                    + " starts from "
                    + snapshot.startFrom()
                    + ", where its first run"
                    + " ended: its patches are applied and its build is done\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        on =
            new StageEnvironment(
                snapshot.startFrom(), env.runScript(), env.mounts(), env.user(), env.paths());
      }
      container =
          engine.run(
              spec(on, stage, workDir, dirs, command, testIds, snapshot.startFrom() != null),
              out,
              Duration.ofSeconds(settings.stageTimeoutSeconds()),
              heartbeat,
              snapshot.keepAs());
    }
    TestResults tests = new ReportReader(env.paths()).readAll(dirs.out().resolve("reports"));
    Double coverage =
        new CoverageReader()
            .read(dirs.out().resolve("coverage"))
            .map(LineCoverage::percent)
            .orElse(null);
    Path resultsFile = dirs.root().resolve("tests.json");
    writeResults(resultsFile, stage, container, tests);
    StageResult result =
        new StageResult(
            stage.name(),
            log.toString(),
            container.exitCode(),
            container.timedOut(),
            tests.size(),
            tests.count(TestOutcome.PASSED),
            tests.count(TestOutcome.FAILED),
            tests.count(TestOutcome.SKIPPED),
            coverage,
            container.totalMillis(),
            resultsFile.toString());
    return new StageRun(stage, result, tests, container);
  }

  ContainerSpec spec(
      StageEnvironment env,
      PlannedStage stage,
      Path workDir,
      StageDirs dirs,
      List<String> command) {
    return spec(env, stage, workDir, dirs, command, List.of());
  }

  ContainerSpec spec(
      StageEnvironment env,
      PlannedStage stage,
      Path workDir,
      StageDirs dirs,
      List<String> command,
      List<String> testIds) {
    return spec(env, stage, workDir, dirs, command, testIds, false);
  }

  ContainerSpec spec(
      StageEnvironment env,
      PlannedStage stage,
      Path workDir,
      StageDirs dirs,
      List<String> command,
      List<String> testIds,
      boolean fromSnapshot) {
    List<BindMount> mounts = new ArrayList<>();
    mounts.add(BindMount.readOnly(env.runScript().toString(), StageContract.RUN_SCRIPT));
    mounts.add(BindMount.readOnly(dirs.patches().toString(), StageContract.PATCHES_DIR));
    mounts.add(BindMount.readWrite(dirs.out().toString(), StageContract.OUT_DIR));
    mounts.addAll(env.mounts());
    Map<String, String> envVars = new HashMap<>();
    envVars.put("PYTHONDONTWRITEBYTECODE", "1");
    envVars.put("PYTHONUNBUFFERED", "1"); // a killed stage keeps its last lines in the log
    envVars.put("PIP_NO_INPUT", "1");
    envVars.put("CI", "true");
    envVars.put("NO_COLOR", "1");
    envVars.put("TASKMILL_STAGE", stage.name());
    // Coverage costs a tracer in every test; only the stages whose coverage is reported pay for it.
    envVars.put("TASKMILL_COVERAGE", stage.coverage() ? "1" : "0");
    if (fromSnapshot) {
      // The stage script may then skip what the snapshot already holds (Maven's compile phases).
      envVars.put("TASKMILL_FROM_SNAPSHOT", "1");
    }
    if (!testIds.isEmpty()) {
      // A file, not the variable itself: one environment string may not exceed 128 KiB (execve's
      // MAX_ARG_STRLEN), and a suite's PASS_TO_PASS list of 2,000 ids is larger than that.
      envVars.put("TASKMILL_TEST_IDS_FILE", StageContract.PATCHES_DIR + "/" + TEST_IDS_FILE);
    }
    Map<String, String> labels = new LinkedHashMap<>(extraLabels);
    labels.putAll(dev.taskmill.docker.ContainerOwner.labels());
    labels.put(ROLE_LABEL, "validation-stage");
    labels.put(STAGE_LABEL, stage.name());
    labels.put(WORKDIR_LABEL, workDir.toString());
    return new ContainerSpec(
        containerName(workDir, stage.name()),
        env.image(),
        command,
        envVars,
        mounts,
        env.user(),
        Math.round(settings.cpus() * 1_000_000_000L),
        settings.memoryMb() * 1024L * 1024L,
        PIDS_LIMIT,
        labels);
  }

  /**
   * The image that keeps a stage's end state for its reruns; one per work dir and stage, so a retry
   * reuses it.
   */
  static String snapshotImage(Path workDir, String stageName) {
    return dev.taskmill.docker.LeftoverContainers.SNAPSHOT_REPOSITORY
        + Integer.toHexString(workDir.toString().hashCode())
        + ":"
        + stageName.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /**
   * A stage's use of snapshots: keep its end state as the image {@code keepAs}, or start from the
   * image {@code startFrom} (then its patches are not applied again). Both null: neither.
   */
  record Snapshot(String keepAs, String startFrom) {
    static final Snapshot NONE = new Snapshot(null, null);
  }

  /**
   * Deterministic per work dir and stage, so that a retried attempt finds what a crashed one left
   * behind.
   */
  static String containerName(Path workDir, String stageName) {
    return "taskmill-" + Integer.toHexString(workDir.toString().hashCode()) + "-" + stageName;
  }

  private void writeResults(
      Path file, PlannedStage stage, ContainerRun container, TestResults tests) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("stage", stage.name());
    doc.put("patches", stage.patches().stream().map(Path::toString).toList());
    doc.put("exitCode", container.exitCode());
    doc.put("timedOut", container.timedOut());
    doc.put("tests", tests.asMap());
    json.writeValue(file.toFile(), doc);
  }

  /** The per-stage scratch directories, recreated empty so that a retried activity starts clean. */
  record StageDirs(Path root, Path patches, Path out) {
    static StageDirs prepare(Path workDir, String stageName) throws IOException {
      Path root = workDir.resolve("validation").resolve(stageName);
      FileTrees.deleteRecursively(root);
      Path patches = Files.createDirectories(root.resolve("patches"));
      Path out = Files.createDirectories(root.resolve("out"));
      // The container user may be any uid (often 1000): out and its two folders must be writable
      // for it.
      for (Path dir :
          List.of(
              out,
              Files.createDirectories(out.resolve("reports")),
              Files.createDirectories(out.resolve("coverage")))) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
      }
      return new StageDirs(root, patches, out);
    }
  }
}
