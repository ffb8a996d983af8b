package dev.taskmill.trajectory;

import dev.taskmill.analysis.Stack;
import dev.taskmill.diff.PatchFile;
import dev.taskmill.diff.UnifiedDiffParser;
import dev.taskmill.enrichment.TaskGoalBuilder;
import dev.taskmill.stage.StageContract;
import dev.taskmill.validation.StageEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Everything one run of the trajectory generator needs, computed once from its input. */
record TrajectoryContext(
    TrajectoryInput input,
    Stack stack,
    StageEnvironment env,
    TestCommands commands,
    Path workDir,
    Path scratch,
    List<PatchFile> fix,
    List<PatchFile> tests,
    Set<String> goldFiles,
    Set<String> testFiles,
    List<String> f2p,
    List<String> p2pSample,
    String submitCommand,
    String task) {
  static final int P2P_SAMPLE = 20;

  static TrajectoryContext of(TrajectoryInput input) throws IOException {
    Stack stack = input.analysis().stack();
    StageEnvironment env = StageEnvironment.of(input.environment(), stack);
    boolean depsMounted =
        env.mounts().stream().anyMatch(m -> m.containerPath().startsWith(StageContract.DEPS_DIR));
    TestCommands commands = new TestCommands(stack, depsMounted);
    Path workDir = Path.of(input.workDir());
    Path scratch = Files.createDirectories(workDir.resolve("trajectories"));
    String fixPatch = Files.readString(Path.of(input.patches().fixPatch()));
    List<PatchFile> fix = UnifiedDiffParser.parseByPrefixes(fixPatch);
    // The solver's task is the same leak-checked text as metadata.json's taskGoal: no line of the
    // fix in it.
    String task = TaskGoalBuilder.build(input.analysis().pullRequest(), fixPatch).statement();
    List<PatchFile> tests =
        UnifiedDiffParser.parseByPrefixes(Files.readString(Path.of(input.patches().testsPatch())));
    Set<String> goldFiles = new LinkedHashSet<>(fix.stream().map(PatchFile::path).toList());
    Set<String> testFiles = new LinkedHashSet<>(tests.stream().map(PatchFile::path).toList());
    testFiles.addAll(input.patches().testFiles());
    List<String> f2p = input.validation().failToPass();
    List<String> p2p = input.validation().passToPass();
    List<String> sample = p2p.size() <= P2P_SAMPLE ? p2p : p2p.subList(0, P2P_SAMPLE);
    StringBuilder submit = new StringBuilder("git add -A && git diff --cached -- .");
    testFiles.forEach(f -> submit.append(' ').append(TestCommands.quote(":(exclude)" + f)));
    return new TrajectoryContext(
        input,
        stack,
        env,
        commands,
        workDir,
        scratch,
        fix,
        tests,
        goldFiles,
        testFiles,
        f2p,
        sample,
        submit.toString(),
        task);
  }

  /** The absolute path in the session of a repository path. */
  static String abs(String repoPath) {
    return SessionTools.ROOT + "/" + repoPath;
  }
}
