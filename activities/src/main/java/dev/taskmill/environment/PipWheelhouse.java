package dev.taskmill.environment;

import dev.taskmill.environment.python.PythonRequirement;
import dev.taskmill.progress.Heartbeat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Downloads a Python project's requirements as wheels on the worker host with pip, for the Python
 * the image runs ({@code --python-version}): {@code --only-binary=:all:}, because building an sdist
 * runs its setup.py. All at once first; when that fails, each requirement alone, so that one that
 * cannot be had is named and the rest still come.
 */
final class PipWheelhouse {
  /** The list the stage installs from the wheelhouse (docs/stage-contract.md). */
  static final String REQUIREMENTS = "taskmill-requirements.txt";

  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  /** One requirement pip could not download, with pip's reason on one line. */
  record Problem(PythonRequirement requirement, String reason) {
    String line() {
      return requirement.spec() + " (" + requirement.origin() + "): " + reason;
    }
  }

  /** What came: the requirements in the wheelhouse, and those that did not. */
  record Result(List<PythonRequirement> downloaded, List<Problem> problems) {}

  private final Heartbeat heartbeat;

  PipWheelhouse(Heartbeat heartbeat) {
    this.heartbeat = heartbeat;
  }

  Result download(List<PythonRequirement> requirements, String pythonVersion, Path wheelhouse)
      throws IOException {
    Files.createDirectories(wheelhouse);
    List<PythonRequirement> downloaded = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (!requirements.isEmpty()) {
      Path all = wheelhouse.resolveSibling("requirements.all.txt");
      Files.write(all, requirements.stream().map(PythonRequirement::spec).toList());
      heartbeat.beat("pip download of " + requirements.size() + " requirements");
      if (pip(wheelhouse, pythonVersion, List.of("-r", all.toString())).ok()) {
        downloaded.addAll(requirements);
      } else {
        for (PythonRequirement requirement : requirements) {
          heartbeat.beat("pip download " + requirement.spec());
          HostCommand.Result alone = pip(wheelhouse, pythonVersion, List.of(requirement.spec()));
          if (alone.ok()) {
            downloaded.add(requirement);
          } else {
            problems.add(new Problem(requirement, reason(alone, pythonVersion)));
          }
        }
      }
    }
    Files.write(
        wheelhouse.resolve(REQUIREMENTS),
        downloaded.stream().map(PythonRequirement::spec).toList());
    return new Result(downloaded, problems);
  }

  private HostCommand.Result pip(Path wheelhouse, String pythonVersion, List<String> what) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "python3",
                "-m",
                "pip",
                "download",
                "--quiet",
                "--disable-pip-version-check",
                "--no-input",
                "--only-binary=:all:",
                "--timeout",
                "15",
                "-d",
                wheelhouse.toString()));
    if (pythonVersion != null && pythonVersion.matches("\\d+\\.\\d+")) {
      command.addAll(List.of("--python-version", pythonVersion));
    }
    command.addAll(what);
    return HostCommand.run(command, wheelhouse, Map.of("PIP_NO_INPUT", "1"), TIMEOUT, heartbeat);
  }

  /** pip's reason in words a person can act on, ending with pip's own line. */
  static String reason(HostCommand.Result result, String pythonVersion) {
    String pipLine = result.lastMeaningfulLine().replaceFirst("^ERROR:\\s*", "");
    String python = pythonVersion == null ? "this Python" : "Python " + pythonVersion;
    if (result.exitCode() == 127) {
      return "pip cannot run on the worker host: " + pipLine;
    }
    if (pipLine.contains("No matching distribution")) {
      return "PyPI has no wheel of it for "
          + python
          + " (an unknown name, or sdists only, which taskmill does not"
          + " build on the host); pip: "
          + pipLine;
    }
    if (pipLine.contains("conflict") || pipLine.contains("ResolutionImpossible")) {
      return "its dependencies conflict; pip: " + pipLine;
    }
    return "pip exit " + result.exitCode() + ": " + pipLine;
  }
}
