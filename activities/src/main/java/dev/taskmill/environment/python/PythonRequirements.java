package dev.taskmill.environment.python;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects what a Python project's tests run with, the way the project declares it: pyproject.toml
 * (PEP 621, PEP 735, Poetry), setup.cfg, setup.py's literal lists, requirements files, tox.ini's
 * test environment and the pytest plugins of pytest.ini/pyproject/setup.cfg/tox.ini. Reads files
 * only; nothing of the project runs.
 */
public final class PythonRequirements {
  /**
   * What was found: the requirements (first declaration of a spec wins) and one line per file that
   * could not be read as its format says.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Collected(List<PythonRequirement> requirements, List<String> notes) {
    public Collected {
      requirements = List.copyOf(requirements);
      notes = List.copyOf(notes);
    }
  }

  private static final Pattern SETUP_PY_LIST =
      Pattern.compile("(install_requires|tests_require)\\s*=\\s*\\[([^\\]]*)\\]");
  private static final Pattern QUOTED = Pattern.compile("[\"']([^\"'\\n]+)[\"']");

  private final Path project;
  private final Map<String, PythonRequirement> found = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  /** The project's own extras by name, for "-e .[test]", "boxes[test]" or tox's "extras = test". */
  private final Map<String, List<PythonRequirement>> ownExtras = new LinkedHashMap<>();

  private final Set<String> ownNames = new LinkedHashSet<>();

  private PythonRequirements(Path project) {
    this.project = project.toAbsolutePath().normalize();
  }

  /**
   * Collects the requirements of the project in {@code project} (a folder holding its manifests).
   */
  public static Collected collect(Path project) {
    PythonRequirements collector = new PythonRequirements(project);
    collector.run();
    return new Collected(new ArrayList<>(collector.found.values()), collector.notes);
  }

  private void run() {
    List<PythonRequirement> all = new ArrayList<>();
    read("pyproject.toml")
        .ifPresent(
            text -> {
              try {
                Pyproject pyproject = Pyproject.parse(text);
                if (!pyproject.name().isEmpty()) {
                  ownNames.add(pyproject.name());
                }
                all.addAll(pyproject.dependencies());
                for (String extra : pyproject.testExtras()) {
                  all.addAll(pyproject.extra(extra));
                }
                all.addAll(pyproject.testGroups());
                all.addAll(pyproject.pytestPlugins());
                for (String name : pyproject.extraNames()) {
                  ownExtras.put(PythonRequirement.normalize(name), pyproject.extra(name));
                }
              } catch (IOException e) {
                notes.add(
                    "pyproject.toml is not valid TOML, its dependencies were not read: "
                        + firstLine(e.getMessage()));
              }
            });
    read("setup.cfg")
        .map(IniFile::parse)
        .ifPresent(
            cfg -> {
              cfg.get("metadata", "name")
                  .map(PythonRequirement::normalize)
                  .ifPresent(ownNames::add);
              all.addAll(
                  lines(
                      cfg.lines("options", "install_requires"),
                      "setup.cfg [options] install_requires"));
              for (String extra : cfg.keys("options.extras_require")) {
                List<PythonRequirement> reqs =
                    lines(
                        cfg.lines("options.extras_require", extra),
                        "setup.cfg [options.extras_require] " + extra);
                ownExtras.merge(
                    PythonRequirement.normalize(extra), reqs, PythonRequirements::concat);
                if (Pyproject.TEST_NAMES.contains(PythonRequirement.normalize(extra))) {
                  all.addAll(reqs);
                }
              }
              all.addAll(plugins(cfg, "tool:pytest", "setup.cfg [tool:pytest]"));
            });
    read("setup.py")
        .ifPresent(
            text -> {
              // Only literal lists: setup.py is code and is never run on the host.
              Matcher lists = SETUP_PY_LIST.matcher(text);
              while (lists.find()) {
                Matcher quoted = QUOTED.matcher(lists.group(2));
                while (quoted.find()) {
                  PythonRequirement.parse(quoted.group(1), "setup.py " + lists.group(1), false)
                      .ifPresent(all::add);
                }
              }
            });
    for (String file : RequirementsFiles.select(project)) {
      all.addAll(RequirementsFiles.read(project, file));
    }
    read("tox.ini")
        .map(IniFile::parse)
        .ifPresent(
            tox -> {
              for (String line : tox.lines("testenv", "deps")) {
                // Factor-conditional lines ("py38: pytest<7") and substitutions ("{[base]deps}")
                // are left to tox.
                if (line.matches("^[\\w,.!-]+:\\s.*") || line.contains("{[")) {
                  continue;
                }
                if (line.startsWith("-r")) {
                  all.addAll(
                      RequirementsFiles.read(
                          project, line.replaceFirst("^-r\\s*", "").replace("{toxinidir}/", "")));
                } else {
                  PythonRequirement.parse(line, "tox.ini [testenv] deps", false)
                      .ifPresent(all::add);
                }
              }
              for (String extra :
                  tox.get("testenv", "extras").map(v -> v.split("[,\\s]+")).orElse(new String[0])) {
                if (!extra.isBlank() && !extra.contains(":")) {
                  all.addAll(ownExtras.getOrDefault(PythonRequirement.normalize(extra), List.of()));
                }
              }
              all.addAll(plugins(tox, "pytest", "tox.ini [pytest]"));
            });
    read("pytest.ini")
        .map(IniFile::parse)
        .ifPresent(ini -> all.addAll(plugins(ini, "pytest", "pytest.ini [pytest]")));
    all.forEach(this::add);
  }

  private void add(PythonRequirement requirement) {
    if (ownNames.contains(requirement.name())
        || requirement.name().equals(RequirementsFiles.SELF)) {
      // The project itself ("boxes[test]" in a dependency group): its extras are what it asks for.
      requirement
          .extras()
          .forEach(extra -> ownExtras.getOrDefault(extra, List.of()).forEach(this::addOnce));
      return;
    }
    addOnce(requirement);
  }

  private void addOnce(PythonRequirement requirement) {
    if (ownNames.contains(requirement.name())) {
      return;
    }
    PythonRequirement before = found.get(requirement.spec());
    if (before == null) {
      found.put(requirement.spec(), requirement);
    } else if (requirement.plugin() && !before.plugin()) {
      found.put(requirement.spec(), before.asPlugin());
    }
  }

  private static List<PythonRequirement> plugins(IniFile ini, String section, String origin) {
    return PytestPlugins.from(
        ini.get(section, "addopts").orElse(null),
        ini.lines(section, "required_plugins"),
        new LinkedHashSet<>(ini.keys(section)),
        origin);
  }

  private static List<PythonRequirement> lines(List<String> lines, String origin) {
    List<PythonRequirement> out = new ArrayList<>();
    lines.forEach(l -> PythonRequirement.parse(l, origin, false).ifPresent(out::add));
    return out;
  }

  private Optional<String> read(String name) {
    Path file = project.resolve(name);
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    } catch (IOException e) {
      notes.add(name + " could not be read: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String firstLine(String message) {
    return message == null ? "(no message)" : message.lines().findFirst().orElse(message);
  }
}
