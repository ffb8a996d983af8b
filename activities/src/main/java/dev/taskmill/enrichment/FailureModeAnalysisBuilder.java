package dev.taskmill.enrichment;

import dev.taskmill.trajectory.FailureMode;
import dev.taskmill.trajectory.Trajectory;
import dev.taskmill.trajectory.TrajectoryOutput;
import dev.taskmill.trajectory.TrajectoryStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@link FailureModeAnalysis}. Evidence: the lines naming a failing test in the log that
 * evaluated the failed patch (outcome.evaluatedBy, when it is a file under the work area); else in
 * the observations of the failed trajectory's verify steps; else the divergence's own evidence.
 */
public final class FailureModeAnalysisBuilder {
  static final int MAX_EVIDENCE = 20;
  static final int MAX_LINE = 300;
  private static final long MAX_LOG_BYTES = 64L * 1024 * 1024;
  private final Path workDir;

  public FailureModeAnalysisBuilder(Path workDir) {
    this.workDir = workDir.toAbsolutePath().normalize();
  }

  public FailureModeAnalysis build(TrajectoryPair pair, TrajectoryOutput output)
      throws IOException {
    Trajectory failed = pair.failed();
    Trajectory.Divergence divergence = failed.divergence();
    FailureMode mode = output.weakTests() ? FailureMode.NONE : mode(output, divergence);
    boolean weak = mode == FailureMode.NONE;
    Integer step =
        divergence != null && divergence.step() > 0
            ? Integer.valueOf(divergence.step())
            : output.divergenceStep() > 0 ? Integer.valueOf(output.divergenceStep()) : null;
    String description =
        divergence != null && !divergence.description().isBlank()
            ? divergence.description()
            : mode.description();
    Set<String> stillFailing = new LinkedHashSet<>(output.stillFailing());
    if (stillFailing.isEmpty()) {
      stillFailing.addAll(failed.outcome().failToPass().failure());
    }
    Set<String> failing = new LinkedHashSet<>(stillFailing);
    failing.addAll(failed.outcome().passToPass().failure());
    List<String> evidence = evidence(failed, failing);
    if (evidence.isEmpty() && divergence != null) {
      evidence =
          divergence.evidence().stream()
              .map(FailureModeAnalysisBuilder::cut)
              .limit(MAX_EVIDENCE)
              .toList();
    }
    return new FailureModeAnalysis(
        mode,
        mode.label(),
        mode.failureClass(),
        step,
        description,
        List.copyOf(stillFailing),
        evidence,
        weak);
  }

  private static FailureMode mode(TrajectoryOutput output, Trajectory.Divergence divergence) {
    try {
      return FailureMode.valueOf(output.failureMode());
    } catch (IllegalArgumentException unknown) {
      return divergence != null ? divergence.mode() : FailureMode.NONE;
    }
  }

  List<String> evidence(Trajectory failed, Set<String> failing) throws IOException {
    if (failing.isEmpty()) {
      return List.of();
    }
    Optional<Path> log = evaluationLog(failed.outcome().evaluatedBy());
    if (log.isPresent()) {
      List<String> lines = matching(readLines(log.get()), failing);
      if (!lines.isEmpty()) {
        return lines;
      }
    }
    List<String> observed = new ArrayList<>();
    for (TrajectoryStep s : failed.steps()) {
      if (s.phase().equals("verify")) {
        observed.addAll(s.observation().content().lines().toList());
      }
    }
    return matching(observed, failing);
  }

  /**
   * The log file, when evaluatedBy names a regular file inside the work area (relative or
   * absolute).
   */
  Optional<Path> evaluationLog(String evaluatedBy) {
    if (evaluatedBy == null || evaluatedBy.isBlank()) {
      return Optional.empty();
    }
    Path p = workDir.resolve(evaluatedBy).normalize();
    if (!p.startsWith(workDir)) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      p = workDir.resolve(evaluatedBy + ".log").normalize();
    }
    return p.startsWith(workDir) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(p)
        : Optional.empty();
  }

  private static List<String> readLines(Path log) throws IOException {
    if (Files.size(log) > MAX_LOG_BYTES) {
      return List.of();
    }
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
  }

  /**
   * Lines naming a failing test by its id, or by its last name part on a line that reports a
   * failure.
   */
  static List<String> matching(List<String> lines, Set<String> failing) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      if (out.size() >= MAX_EVIDENCE) {
        break;
      }
      if (line.isBlank()) {
        continue;
      }
      for (String test : failing) {
        if (line.contains(test) || (reportsFailure(line) && containsWord(line, shortName(test)))) {
          out.add(cut(line.strip()));
          break;
        }
      }
    }
    return out;
  }

  static String shortName(String testId) {
    String s = testId;
    for (String sep : List.of("::", "#", "/", ".")) {
      int i = s.lastIndexOf(sep);
      if (i >= 0 && i + sep.length() < s.length()) {
        s = s.substring(i + sep.length());
      }
    }
    int paren = s.indexOf('(');
    int bracket = s.indexOf('[');
    int end = paren > 0 ? paren : bracket > 0 ? bracket : s.length();
    return s.substring(0, end);
  }

  private static boolean reportsFailure(String line) {
    String l = line.toLowerCase(java.util.Locale.ROOT);
    return l.contains("fail")
        || l.contains("error")
        || l.contains("assert")
        || l.contains("expected");
  }

  private static boolean containsWord(String line, String word) {
    return word.length() >= 3
        && java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(word) + "\\b")
            .matcher(line)
            .find();
  }

  private static String cut(String line) {
    return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "…";
  }
}
