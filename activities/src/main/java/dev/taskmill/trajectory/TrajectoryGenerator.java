package dev.taskmill.trajectory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.dockerjava.api.DockerClient;
import dev.taskmill.analysis.Stack;
import dev.taskmill.enrichment.TaskGoalBuilder;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.tokens.TokenCounter;
import dev.taskmill.trajectory.CandidateGenerator.Candidate;
import dev.taskmill.trajectory.CandidateGenerator.FileEdit;
import dev.taskmill.trajectory.TrajectoryStep.Observation;
import dev.taskmill.trajectory.TrajectoryStep.ToolCall;
import dev.taskmill.trajectory.UnifiedDiff.FileDiff;
import dev.taskmill.validation.PatchSetEvaluator;
import dev.taskmill.validation.PatchSetEvaluator.Evaluation;
import dev.taskmill.validation.SessionContainer;
import dev.taskmill.validation.StageEnvironment;
import dev.taskmill.validation.ValidationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 3 without Temporal: plays the ideal trajectory in a session container from the sample image (every
 * observation real), evaluates its patch, finds the first wrong-fix candidate that really fails, replays the
 * ideal steps up to the divergence in a fresh session and then the wrong fix, and writes both trajectory files.
 */
public final class TrajectoryGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(TrajectoryGenerator.class);
  static final int OBSERVATION_LIMIT = 8000;
  static final int P2P_SAMPLE = 20;
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern FRAME_CALL = Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]{2,})\\(");
  private static final Pattern PY_FRAME = Pattern.compile("^\\S+\\.py:\\d+: in ([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern JVM_FRAME = Pattern.compile("at ([\\w$.]+)\\.([\\w$]+)\\([\\w$]+\\.(?:java|kt):\\d+\\)");
  private static final Set<String> NOISE = Set.of("test", "tests", "assert", "assertEquals", "assertThat", "expect",
      "equal", "equals", "self", "True", "False", "None", "print", "main", "should", "when", "then", "with", "from",
      "that", "returns", "return", "AssertionError", "toBe", "Fatalf", "Errorf", "invoke", "lambda", "where", "int");

  private final DockerClient client;
  private final PatchSetEvaluator evaluator;
  private final ValidationSettings settings;
  private final Heartbeat heartbeat;
  private final Map<String, String> labels;
  private final TokenCounter tokens = TokenCounter.standard();
  private final ThoughtAuthor author;
  private String lastObservation = "";
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final ObjectMapper compact = new ObjectMapper();

  public TrajectoryGenerator(DockerClient client, PatchSetEvaluator evaluator, ValidationSettings settings,
      Heartbeat heartbeat, Map<String, String> labels) {
    this(client, evaluator, settings, heartbeat, labels, ThoughtAuthor.TEMPLATE);
  }

  /** @param author who writes the thoughts (the template, or a model: docs/trajectories.md) */
  public TrajectoryGenerator(DockerClient client, PatchSetEvaluator evaluator, ValidationSettings settings,
      Heartbeat heartbeat, Map<String, String> labels, ThoughtAuthor author) {
    this.author = author;
    this.client = client;
    this.evaluator = evaluator;
    this.settings = settings;
    this.heartbeat = heartbeat;
    this.labels = Map.copyOf(labels);
  }

  /** A planned step: what the ideal trajectory does, replayable in another session. */
  record Plan(String phase, String thought, String tool, Map<String, Object> args) {}

  /** Everything one run needs, computed once. */
  private record Context(TrajectoryInput input, Stack stack, StageEnvironment env, TestCommands commands,
      Path workDir, Path scratch, List<FileDiff> fix, List<FileDiff> tests, Set<String> goldFiles,
      Set<String> testFiles, List<String> f2p, List<String> p2pSample, String submitCommand, String task) {}

  public TrajectoryOutput generate(TrajectoryInput input) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Stack stack = input.analysis().stack();
    StageEnvironment env = StageEnvironment.of(input.environment(), stack);
    boolean depsMounted = env.mounts().stream().anyMatch(m -> m.containerPath().startsWith("/taskmill/deps"));
    TestCommands commands = new TestCommands(stack, depsMounted);
    Path workDir = Path.of(input.workDir());
    Path scratch = Files.createDirectories(workDir.resolve("trajectories"));
    String fixPatch = Files.readString(Path.of(input.patches().fixPatch()));
    List<FileDiff> fix = UnifiedDiff.parse(fixPatch);
    // The solver's task is the same leak-checked text as metadata.json's taskGoal: no line of the fix in it.
    String task = TaskGoalBuilder.build(input.analysis().pullRequest(), fixPatch).statement();
    List<FileDiff> tests = UnifiedDiff.parse(Files.readString(Path.of(input.patches().testsPatch())));
    Set<String> goldFiles = new LinkedHashSet<>(fix.stream().map(FileDiff::path).toList());
    Set<String> testFiles = new LinkedHashSet<>(tests.stream().map(FileDiff::path).toList());
    testFiles.addAll(input.patches().testFiles());
    List<String> f2p = input.validation().failToPass();
    List<String> p2p = input.validation().passToPass();
    List<String> sample = p2p.size() <= P2P_SAMPLE ? p2p : p2p.subList(0, P2P_SAMPLE);
    StringBuilder submit = new StringBuilder("git add -A && git diff --cached -- .");
    testFiles.forEach(f -> submit.append(' ').append(TestCommands.quote(":(exclude)" + f)));
    Context ctx = new Context(input, stack, env, commands, workDir, scratch, fix, tests, goldFiles, testFiles, f2p,
        sample, submit.toString(), task);

    // 1. The ideal trajectory, its base contents for the candidates, and its real evaluation.
    List<Plan> plans = new ArrayList<>();
    List<TrajectoryStep> idealSteps = new ArrayList<>();
    Map<String, String> base = new LinkedHashMap<>();
    String idealPatch;
    try (SessionContainer session = startSession(ctx, "ideal")) {
      SessionTools tools = initSession(ctx, session);
      idealPatch = playIdeal(ctx, tools, plans, idealSteps);
      for (String file : baseFilesOfInterest(ctx, idealSteps)) {
        String content = tools.bash("git show " + TestCommands.quote("HEAD:" + file), null).output();
        base.put(file, content);
      }
    }
    Path idealPatchFile = Files.writeString(scratch.resolve("ideal.patch"), idealPatch);
    Path testsPatch = Path.of(input.patches().testsPatch());
    heartbeat.beat("trajectory: evaluating the ideal patch");
    Evaluation ideal = evaluator.evaluate(env, "traj_ideal", List.of(testsPatch, idealPatchFile), idealPatch, f2p, p2p,
        workDir, true);
    if (!ideal.resolved()) {
      LOG.warn("the ideal trajectory's patch does not resolve the task: {} ({})", ideal.status(),
          ideal.outcome().failToPass().failure());
    }

    // 2. The first candidate that really fails.
    List<Candidate> candidates = CandidateGenerator.generate(fix, tests, base, stack.language());
    Candidate chosen = null;
    Evaluation chosenEval = null;
    boolean allPassed = !candidates.isEmpty();
    int n = 0;
    for (Candidate c : candidates) {
      n++;
      String patch;
      try {
        patch = c.mode() == FailureMode.TEST_EDITED ? "" : CandidateGenerator.patch(base, sourceEdits(ctx, c));
      } catch (IllegalArgumentException e) {
        LOG.info("candidate {} ({}) cannot be made: {}", n, c.mode(), e.getMessage());
        allPassed = false;
        continue;
      }
      Path file = Files.writeString(scratch.resolve("candidate" + n + ".patch"), patch);
      heartbeat.beat("trajectory: trying wrong fix " + n + " (" + c.mode().label() + ")");
      Evaluation e = evaluator.evaluate(env, "traj_failed_candidate" + n, List.of(testsPatch, file), patch, f2p,
          sample, workDir, true);
      LOG.info("candidate {} {}: {} exit {}, still failing {}", n, c.mode(), e.status(), e.exitCode(),
          e.stillFailing());
      if (e.status() == PatchSetEvaluator.Status.TESTS_RAN && !e.stillFailing().isEmpty()) {
        chosen = c;
        chosenEval = e;
        break;
      }
      allPassed &= e.status() == PatchSetEvaluator.Status.TESTS_RAN && e.resolved();
      chosen = c;
      chosenEval = e;
    }
    boolean weak = chosenEval != null && chosenEval.resolved() && allPassed;
    FailureMode mode = chosen == null ? FailureMode.NONE : weak ? FailureMode.NONE : chosen.mode();

    // 3. The failed trajectory: the ideal steps up to the first edit, then the wrong fix, a partial check, submit.
    List<TrajectoryStep> failedSteps = new ArrayList<>();
    int divergenceStep = 0;
    String failedPatch = "";
    try (SessionContainer session = startSession(ctx, "failed")) {
      SessionTools tools = initSession(ctx, session);
      for (Plan p : plans) {
        if (p.phase().equals("edit")) {
          break;
        }
        failedSteps.add(run(ctx, tools, failedSteps.size() + 1, p));
      }
      divergenceStep = failedSteps.size() + 1;
      if (chosen != null) {
        for (FileEdit e : chosen.edits()) {
          String thought = failedThought(chosen, e);
          failedSteps.add(run(ctx, tools, failedSteps.size() + 1, editPlan("edit", thought, e)));
        }
      }
      List<String> check = ctx.p2pSample().isEmpty() ? List.of() : ctx.p2pSample();
      if (!check.isEmpty()) {
        failedSteps.add(run(ctx, tools, failedSteps.size() + 1, new Plan("verify",
            "The change looks right to me; a quick run of some of the existing tests should be enough before "
                + "submitting.", SessionTools.BASH, Map.of("command", commands.run(check)))));
      }
      TrajectoryStep last = run(ctx, tools, failedSteps.size() + 1, new Plan("submit",
          "I am confident in this change and submit it without running the failing tests again.",
          SessionTools.SUBMIT, Map.of()));
      failedSteps.add(last);
      failedPatch = lastFullOutput;
    }
    TrajectoryOutcome failedOutcome = chosenEval == null
        ? new TrajectoryOutcome(failedPatch, new TrajectoryOutcome.TestSplit(List.of(), f2p),
            new TrajectoryOutcome.TestSplit(List.of(), List.of()), false, "none")
        : new TrajectoryOutcome(failedPatch, chosenEval.outcome().failToPass(), chosenEval.outcome().passToPass(),
            chosenEval.outcome().resolved(), chosenEval.outcome().evaluatedBy());
    Trajectory.Divergence divergence = new Trajectory.Divergence(divergenceStep, mode,
        chosen == null ? "no wrong-fix candidate could be derived from the fix"
            : (weak ? "every candidate passed all tests (the PR's tests are weak); the last one: " : "")
                + chosen.description(),
        chosenEval == null ? List.of() : chosenEval.evidence());

    Trajectory idealDoc = document(ctx, Trajectory.IDEAL, idealSteps, null,
        new TrajectoryOutcome(idealPatch, ideal.outcome().failToPass(), ideal.outcome().passToPass(),
            ideal.outcome().resolved(), ideal.outcome().evaluatedBy()));
    Trajectory failedDoc = document(ctx, Trajectory.FAILED, failedSteps, divergence, failedOutcome);
    Path idealFile = workDir.resolve("ideal_trajectory.json");
    Path failedFile = workDir.resolve("failed_trajectory.json");
    json.writeValue(idealFile.toFile(), idealDoc);
    json.writeValue(failedFile.toFile(), failedDoc);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    LOG.info("trajectories: ideal {} steps (resolved {}), failed {} steps ({}), {} ms", idealSteps.size(),
        ideal.resolved(), failedSteps.size(), mode, millis);
    return new TrajectoryOutput(idealFile.toString(), failedFile.toString(), idealSteps.size(), failedSteps.size(),
        ideal.resolved(), mode.name(), divergenceStep, weak, failedOutcome.failToPass().failure(), millis);
  }

  private List<FileEdit> sourceEdits(Context ctx, Candidate c) {
    return c.edits().stream().filter(e -> !ctx.testFiles().contains(e.path())).toList();
  }

  private static String failedThought(Candidate c, FileEdit e) {
    return switch (c.mode()) {
      case INCOMPLETE_FIX -> "This change in " + e.path() + " should be all the fix needs.";
      case WRONG_LOCATION -> "The search hit in " + e.path() + " looks like the place where the value goes wrong; "
          + "I change it there.";
      case SYMPTOM_GUARD -> "The failure comes out of this call in " + e.path() + "; guarding it should stop the "
          + "error.";
      case MUTATED_FIX -> "I rewrite the logic in " + e.path() + " so that it handles the failing case.";
      case TEST_EDITED -> "The test's expectation in " + e.path() + " seems wrong; I change the test instead.";
      case NONE -> "I make this change in " + e.path() + ".";
    };
  }

  private SessionContainer startSession(Context ctx, String which) {
    String name = "taskmill-" + Integer.toHexString(ctx.workDir().toString().hashCode()) + "-traj-" + which;
    return SessionContainer.start(client, ctx.env(), settings, name, labels, ctx.commands().sessionEnv());
  }

  /** /testbed becomes a repository with exactly one commit, the base snapshot; build outputs are ignored. */
  private SessionTools initSession(Context ctx, SessionContainer session) throws InterruptedException {
    String base = ctx.input().analysis().pullRequest().baseCommit();
    String init = "rm -rf .git && git init -q && printf '%s\\n' node_modules/ __pycache__/ '*.pyc' target/ "
        + ".pytest_cache/ build/ >.git/info/exclude && git add -A && git -c user.name=taskmill "
        + "-c user.email=taskmill@localhost commit -qm " + TestCommands.quote("base " + base);
    SessionContainer.ExecResult r = session.bash(init, SessionTools.ROOT, CALL_TIMEOUT);
    if (r.exitCode() != 0) {
      throw new IllegalStateException("cannot make /testbed a git repository in the session: " + r.output().strip());
    }
    String setup = ctx.commands().setup();
    if (!setup.isEmpty()) {
      session.bash(setup, ctx.commands().projectDir(), CALL_TIMEOUT);
    }
    return new SessionTools(session, ctx.commands().projectDir(), CALL_TIMEOUT, ctx.submitCommand());
  }

  private String playIdeal(Context ctx, SessionTools tools, List<Plan> plans, List<TrajectoryStep> steps)
      throws InterruptedException, IOException {
    TestCommands cmd = ctx.commands();
    String proj = cmd.projectDir();
    String firstGold = ctx.goldFiles().iterator().next();
    add(ctx, tools, plans, steps, new Plan("explore", "I start by looking at the repository's layout.",
        SessionTools.BASH, Map.of("command", "ls")));
    add(ctx, tools, plans, steps, new Plan("explore", "I check the history I am working on.", SessionTools.BASH,
        Map.of("command", "git log --oneline")));
    add(ctx, tools, plans, steps, new Plan("explore", "Next I find where the tests live, to know how they are "
        + "organised and run.", SessionTools.BASH, Map.of("command", cmd.findTests())));
    // locate: names from the failing tests' ids and the failure's frames, checked against the gold files
    List<String> names = searchNames(ctx, tools);
    for (String name : names) {
      add(ctx, tools, plans, steps, new Plan("locate", "The failing test and its failure point at `" + name
          + "`; I search the code for it.", SessionTools.BASH, Map.of("command",
          "grep -rnw --exclude-dir=.git --exclude-dir=node_modules --exclude-dir=target -- "
              + TestCommands.quote(name) + " . | head -n 40")));
    }
    for (String gold : ctx.goldFiles()) {
      if (ctx.fix().stream().anyMatch(f -> f.path().equals(gold) && f.created())) {
        continue;
      }
      add(ctx, tools, plans, steps, new Plan("read", "The search leads to " + gold + "; I open it to read the code "
          + "involved.", SessionTools.EDITOR, viewArgs(ctx, gold)));
    }
    for (FileDiff t : ctx.tests()) {
      if (!t.created()) {
        add(ctx, tools, plans, steps, new Plan("read", "Before writing a reproduction I read the existing tests in "
            + t.path() + ".", SessionTools.EDITOR, viewArgs(ctx, t.path())));
      }
    }
    // reproduce: the PR's test changes written into the tree, then only the FAIL_TO_PASS tests run
    for (FileEdit e : CandidateGenerator.goldEdits(ctx.tests())) {
      add(ctx, tools, plans, steps, editPlan("reproduce", "I write a test of my own for the reported behaviour into "
          + e.path() + ", derived from the expected behaviour.", e));
    }
    add(ctx, tools, plans, steps, new Plan("reproduce", "Now I run only the new tests to see them fail before any "
        + "change.", SessionTools.BASH, Map.of("command", cmd.run(ctx.f2p()))));
    // edit: the fix hunk by hunk, each followed by a view of the edited lines
    for (FileEdit e : CandidateGenerator.goldEdits(ctx.fix())) {
      add(ctx, tools, plans, steps, editPlan("edit", "The failure comes from " + e.path() + "; I change the code "
          + "there.", e));
      String path = abs(ctx, e.path());
      String content = tools.read(path);
      int at = content == null ? -1 : content.indexOf(e.newStr());
      int from = at < 0 ? 1 : SessionTools.lineOf(content, at);
      int to = from + Math.max(0, (int) e.newStr().chars().filter(c -> c == '\n').count() - 1);
      add(ctx, tools, plans, steps, new Plan("edit", "I look at the edited lines once more to check the change.",
          SessionTools.EDITOR, Map.of("command", "view", "path", path, "view_range",
              List.of(Math.max(1, from - 3), to + 3))));
    }
    // verify: the reproduction tests and a sample of the tests that passed before, in one run (one build)
    List<String> verify = new ArrayList<>(ctx.f2p());
    ctx.p2pSample().stream().filter(id -> !verify.contains(id)).forEach(verify::add);
    add(ctx, tools, plans, steps, new Plan("verify", ctx.p2pSample().isEmpty()
        ? "I run the reproduction tests again: they should pass now."
        : "I run the reproduction tests again, with a sample of the tests that passed before: all should pass now.",
        SessionTools.BASH, Map.of("command", cmd.run(verify))));
    add(ctx, tools, plans, steps, new Plan("submit", "The tests pass; I submit the change to the source files.",
        SessionTools.SUBMIT, Map.of()));
    if (proj.isEmpty() || firstGold.isEmpty()) {
      throw new IllegalStateException("no project dir or gold file");
    }
    return lastFullOutput;
  }

  private Map<String, Object> viewArgs(Context ctx, String file) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("command", "view");
    args.put("path", abs(ctx, file));
    // long files: the region of the first hunk only
    ctx.fix().stream().filter(f -> f.path().equals(file) && !f.hunks().isEmpty()).findFirst().ifPresent(f -> {
      int start = f.hunks().get(0).oldStart();
      if (start > 150) {
        args.put("view_range", List.of(Math.max(1, start - 40), start + 60));
      }
    });
    return args;
  }

  private static Plan editPlan(String phase, String thought, FileEdit e) {
    Map<String, Object> args = new LinkedHashMap<>();
    String path = SessionTools.ROOT + "/" + e.path();
    if (e.create()) {
      args.put("command", "create");
      args.put("path", path);
      args.put("file_text", e.newStr());
    } else {
      args.put("command", "str_replace");
      args.put("path", path);
      args.put("old_str", e.oldStr());
      args.put("new_str", e.newStr());
    }
    return new Plan(phase, thought, SessionTools.EDITOR, args);
  }

  private static String abs(Context ctx, String repoPath) {
    return SessionTools.ROOT + "/" + repoPath;
  }

  /** The names to search for: frames of FAIL_pre_patch.log first, then words of the FAIL_TO_PASS ids. */
  private List<String> searchNames(Context ctx, SessionTools tools) throws IOException, InterruptedException {
    Set<String> candidates = new LinkedHashSet<>();
    Path log = ctx.workDir().resolve("FAIL_pre_patch.log");
    if (Files.isRegularFile(log)) {
      for (String line : Files.readAllLines(log)) {
        Matcher py = PY_FRAME.matcher(line.strip());
        if (py.find()) {
          candidates.add(py.group(1));
        }
        Matcher jvm = JVM_FRAME.matcher(line);
        while (jvm.find()) {
          String cls = jvm.group(1);
          if (!cls.startsWith("java.") && !cls.startsWith("org.junit") && !cls.startsWith("jdk.")
              && !cls.startsWith("sun.") && !cls.startsWith("org.apache.maven")) {
            candidates.add(jvm.group(2));
            candidates.add(cls.substring(cls.lastIndexOf('.') + 1));
          }
        }
        String t = line.strip();
        if (t.startsWith("E ") || t.startsWith(">") || t.contains("Error") || t.contains("expected")) {
          Matcher call = FRAME_CALL.matcher(t);
          while (call.find()) {
            candidates.add(call.group(1));
          }
        }
      }
    }
    for (String id : ctx.f2p()) {
      String shortName = id.replaceAll(".*(::|#|/| > )", "");
      for (String word : shortName.split("_|(?<=[a-z0-9])(?=[A-Z])|\\s+|\\W+")) {
        if (word.length() >= 4) {
          candidates.add(word.toLowerCase(Locale.ROOT));
          candidates.add(word);
        }
      }
    }
    candidates.removeIf(c -> NOISE.contains(c) || c.toLowerCase(Locale.ROOT).startsWith("test") || c.length() < 3);
    // keep the first names that occur as words in a gold file at the base
    List<String> picked = new ArrayList<>();
    for (String name : candidates) {
      if (picked.size() == 2) {
        break;
      }
      StringBuilder files = new StringBuilder();
      ctx.goldFiles().forEach(f -> files.append(' ').append(TestCommands.quote(f)));
      SessionTools.Result r = tools.bash("cd " + SessionTools.ROOT + " && grep -lw -- " + TestCommands.quote(name)
          + files + " 2>/dev/null", null);
      if (r.exitCode() == 0 && !r.output().isBlank()) {
        picked.add(name);
      }
    }
    if (picked.isEmpty()) {
      String gold = ctx.goldFiles().iterator().next();
      String stem = gold.substring(gold.lastIndexOf('/') + 1).replaceFirst("\\.[^.]*$", "");
      picked.add(stem);
    }
    return picked;
  }

  /** The gold files, and up to 10 source files among the search hits (for WRONG_LOCATION). */
  private Set<String> baseFilesOfInterest(Context ctx, List<TrajectoryStep> steps) {
    Set<String> files = new LinkedHashSet<>(ctx.goldFiles());
    String prefix = ctx.stack().projectDir().isEmpty() ? "" : ctx.stack().projectDir() + "/";
    Pattern hit = Pattern.compile("^\\./([^:]+):\\d+:", Pattern.MULTILINE);
    for (TrajectoryStep s : steps) {
      if (!s.phase().equals("locate")) {
        continue;
      }
      Matcher m = hit.matcher(s.observation().content());
      while (m.find() && files.size() < ctx.goldFiles().size() + 10) {
        String f = prefix + m.group(1);
        if (!ctx.testFiles().contains(f)) {
          files.add(f);
        }
      }
    }
    files.removeIf(f -> ctx.fix().stream().anyMatch(d -> d.path().equals(f) && d.created()));
    return files;
  }

  private String lastFullOutput = "";

  private void add(Context ctx, SessionTools tools, List<Plan> plans, List<TrajectoryStep> steps, Plan plan)
      throws InterruptedException {
    plans.add(plan);
    steps.add(run(ctx, tools, steps.size() + 1, plan));
  }

  /** Runs one planned step in the session and records it with its real observation. */
  private TrajectoryStep run(Context ctx, SessionTools tools, int id, Plan plan) throws InterruptedException {
    heartbeat.beat("trajectory step " + id + " (" + plan.phase() + ")");
    long t0 = System.nanoTime();
    SessionTools.Result r = switch (plan.tool()) {
      case SessionTools.BASH -> tools.bash((String) plan.args().get("command"),
          isTestRun(plan) ? Duration.ofSeconds(settings.stageTimeoutSeconds()) : null);
      case SessionTools.EDITOR -> tools.editor(plan.args());
      default -> tools.submit();
    };
    long wall = (System.nanoTime() - t0) / 1_000_000;
    lastFullOutput = r.output();
    String content = r.output();
    boolean truncated = content.length() > OBSERVATION_LIMIT;
    if (truncated) {
      int half = OBSERVATION_LIMIT / 2;
      content = content.substring(0, half) + "\n[... " + (content.length() - OBSERVATION_LIMIT)
          + " characters cut ...]\n" + content.substring(content.length() - half);
    }
    if (content.isEmpty()) {
      content = "(no output, exit code " + r.exitCode() + ")";
    }
    Observation obs = new Observation(content, r.exitCode(), truncated, r.output().length());
    String action;
    try {
      action = compact.writeValueAsString(plan.args());
    } catch (IOException e) {
      action = plan.args().toString();
    }
    List<String> opened = new ArrayList<>();
    List<String> edited = new ArrayList<>();
    if (plan.tool().equals(SessionTools.EDITOR)) {
      String path = ((String) plan.args().get("path")).replaceFirst("^" + SessionTools.ROOT + "/", "");
      if ("view".equals(plan.args().get("command"))) {
        opened.add(path);
      } else {
        edited.add(path);
      }
    }
    boolean gold = opened.stream().anyMatch(ctx.goldFiles()::contains) || edited.stream().anyMatch(ctx.goldFiles()::contains)
        || (plan.tool().equals(SessionTools.BASH) && runsFailToPass(ctx, (String) plan.args().get("command")));
    // The thought is written knowing only what came before the call: the previous step's observation.
    ThoughtAuthor.Thought thought = author.write(ctx.task(), plan.phase(), plan.thought(),
        plan.tool() + " " + action, id == 1 ? "" : lastObservation);
    lastObservation = content;
    return new TrajectoryStep(id, plan.phase(), thought.text(), thought.source(),
        new ToolCall("call_" + id, plan.tool(), plan.args()), obs, wall,
        new TrajectoryStep.Tokens(tokens.count(thought.text()), tokens.count(action), tokens.count(content)),
        opened, edited, gold);
  }

  private static boolean runsFailToPass(Context ctx, String command) {
    String f2p = ctx.commands().run(ctx.f2p());
    String verify = ctx.commands().run(ctx.f2p().isEmpty() ? List.of() : ctx.f2p());
    return command.equals(f2p) || command.equals(verify)
        || ctx.f2p().stream().allMatch(id -> command.contains(TestCommands.quote(id)) || command.contains(id));
  }

  private static boolean isTestRun(Plan plan) {
    return plan.phase().equals("reproduce") || plan.phase().equals("verify");
  }

  private Trajectory document(Context ctx, String kind, List<TrajectoryStep> steps, Trajectory.Divergence divergence,
      TrajectoryOutcome outcome) {
    String imageId = null;
    try {
      imageId = client.inspectImageCmd(ctx.env().image()).exec().getId();
    } catch (RuntimeException e) {
      LOG.debug("no image id for {}: {}", ctx.env().image(), e.getMessage());
    }
    var pr = ctx.input().analysis().pullRequest();
    String task = ctx.task();
    return new Trajectory(Trajectory.SCHEMA_VERSION, ctx.input().sampleKey(), kind,
        new Trajectory.Generator("taskmill", ctx.input().toolVersion(), author.mode(), author.model()),
        new Trajectory.Environment(ctx.env().image(), imageId, pr.baseCommit(), ctx.stack().describe(),
            ctx.commands().projectDir()),
        task, SessionTools.specs(), steps, divergence, outcome);
  }
}
