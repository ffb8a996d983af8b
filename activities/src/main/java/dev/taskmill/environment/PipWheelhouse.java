package dev.taskmill.environment;

import dev.taskmill.environment.python.PythonRequirement;
import dev.taskmill.progress.Heartbeat;
import io.temporal.client.ActivityCompletionException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads a Python project's requirements as wheels on the worker host with pip, for the Python
 * the image runs ({@code --python-version}): {@code --only-binary=:all:}, because building an sdist
 * runs its setup.py. All at once first; when that fails, each requirement alone, so that one that
 * cannot be had is named and the rest still come. What PyPI offers only as an sdist is built into a
 * wheel in a container ({@link SdistBuilder}), and pip asked again with the wheelhouse as a link.
 */
final class PipWheelhouse {
  /** The list the stage installs from the wheelhouse (docs/stage-contract.md). */
  static final String REQUIREMENTS = "taskmill-requirements.txt";

  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  /** Sdists built for one requirement, at most: its own and those of its dependencies. */
  static final int MAX_SDIST_BUILDS = 5;

  private static final Pattern NO_WHEEL =
      Pattern.compile("No matching distribution found for (\\S.*)$");

  /** One requirement pip could not download, with pip's reason on one line. */
  record Problem(PythonRequirement requirement, String reason) {
    String line() {
      return requirement.spec() + " (" + requirement.origin() + "): " + reason;
    }
  }

  /** What came: the requirements in the wheelhouse, and those that did not. */
  record Result(List<PythonRequirement> downloaded, List<Problem> problems) {}

  private final Heartbeat heartbeat;
  private final SdistBuilder sdists;
  private final URI pypi;

  /** Wheels only, from pypi.org: nothing is built. */
  PipWheelhouse(Heartbeat heartbeat) {
    this(heartbeat, null, SdistBuilder.PYPI);
  }

  /**
   * @param sdists builds what has no wheel, or null to leave it a problem
   * @param pypi the PyPI pip asks too ({@code simple/} under it) when it is not pypi.org
   */
  PipWheelhouse(Heartbeat heartbeat, SdistBuilder sdists, URI pypi) {
    this.heartbeat = heartbeat;
    this.sdists = sdists;
    this.pypi = pypi;
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
          String sdistReason = null;
          Set<String> built = new HashSet<>();
          while (!alone.ok() && sdists != null && built.size() < MAX_SDIST_BUILDS) {
            Optional<String> missing = missing(alone);
            if (missing.isEmpty()) {
              break;
            }
            if (!built.add(missing.get())) {
              sdistReason = "the wheel built from the sdist of " + missing.get() + " does not fit";
              break;
            }
            SdistBuilder.Outcome outcome = buildSdist(missing.get(), pythonVersion, wheelhouse);
            if (outcome.kind() != SdistBuilder.Outcome.Kind.BUILT) {
              sdistReason = outcome.detail();
              break;
            }
            alone = pip(wheelhouse, pythonVersion, List.of(requirement.spec()));
          }
          if (alone.ok()) {
            downloaded.add(requirement);
          } else {
            problems.add(new Problem(requirement, reason(alone, pythonVersion, sdistReason)));
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
                wheelhouse.toString(),
                // the wheels built from sdists, so that pip takes them as binaries
                "--find-links",
                wheelhouse.toString()));
    if (pythonVersion != null && pythonVersion.matches("\\d+\\.\\d+")) {
      command.addAll(List.of("--python-version", pythonVersion));
    }
    command.addAll(what);
    Map<String, String> env = new HashMap<>(Map.of("PIP_NO_INPUT", "1"));
    if (!pypi.equals(SdistBuilder.PYPI)) {
      env.put("PIP_INDEX_URL", pypi.resolve("simple/").toString());
    }
    return HostCommand.run(command, wheelhouse, env, TIMEOUT, heartbeat);
  }

  /** The requirement pip found no wheel for ("foo>=1"): the one asked for, or a dependency. */
  static Optional<String> missing(HostCommand.Result result) {
    Matcher m = NO_WHEEL.matcher(result.lastMeaningfulLine().strip());
    return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }

  private SdistBuilder.Outcome buildSdist(
      String requirement, String pythonVersion, Path wheelhouse) {
    try {
      return sdists.build(requirement, pythonVersion, wheelhouse);
    } catch (ActivityCompletionException cancelled) {
      throw cancelled; // the run was cancelled: ContainerEngine removed the container
    } catch (IOException | RuntimeException e) {
      return new SdistBuilder.Outcome(
          SdistBuilder.Outcome.Kind.NO_SDIST,
          "its sdist cannot be had from " + pypi.getHost() + " (" + e.getMessage() + ")");
    }
  }

  /** pip's reason in words a person can act on, ending with pip's own line. */
  static String reason(HostCommand.Result result, String pythonVersion) {
    return reason(result, pythonVersion, null);
  }

  /**
   * As above; {@code sdist} says why no wheel could be built from an sdist instead (null: none was
   * tried).
   */
  static String reason(HostCommand.Result result, String pythonVersion, String sdist) {
    String pipLine = result.lastMeaningfulLine().replaceFirst("^ERROR:\\s*", "");
    String python = pythonVersion == null ? "this Python" : "Python " + pythonVersion;
    if (result.exitCode() == 127) {
      return "pip cannot run on the worker host: " + pipLine;
    }
    if (pipLine.contains("No matching distribution")) {
      return "PyPI has no wheel of it for "
          + python
          + (sdist == null
              ? " (an unknown name, or sdists only, which taskmill builds only in a container)"
              : " and " + sdist)
          + "; pip: "
          + pipLine;
    }
    if (pipLine.contains("conflict") || pipLine.contains("ResolutionImpossible")) {
      return "its dependencies conflict; pip: " + pipLine;
    }
    return "pip exit " + result.exitCode() + ": " + pipLine;
  }
}
