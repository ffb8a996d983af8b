package dev.taskmill.environment.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The dependency lists of a pyproject.toml: PEP 621 {@code dependencies} and the test/dev {@code
 * optional-dependencies}, PEP 735 {@code dependency-groups} (with include-group), Poetry's lists
 * (names only: Poetry's "^1.2" is not pip's syntax), and the pytest plugins {@code
 * [tool.pytest.ini_options]} names.
 */
public final class Pyproject {
  /** The extras and groups whose names mean tests or development. */
  public static final Set<String> TEST_NAMES = Set.of("test", "tests", "testing", "dev");

  private static final TomlMapper TOML = new TomlMapper();

  private final JsonNode root;

  private Pyproject(JsonNode root) {
    this.root = root;
  }

  /** Parses the file's text; a TOML error is an IOException whose message says where. */
  public static Pyproject parse(String text) throws IOException {
    return new Pyproject(TOML.readTree(text));
  }

  /** [project] name, normalized, or empty. */
  public String name() {
    String name = root.path("project").path("name").asText("");
    if (name.isEmpty()) {
      name = root.path("tool").path("poetry").path("name").asText("");
    }
    return name.isEmpty() ? "" : PythonRequirement.normalize(name);
  }

  /** PEP 621 dependencies and Poetry's main dependencies. */
  public List<PythonRequirement> dependencies() {
    List<PythonRequirement> out =
        specs(
            root.path("project").path("dependencies"),
            "pyproject.toml [project]" + " dependencies");
    out.addAll(
        poetry(
            root.path("tool").path("poetry").path("dependencies"), "[tool.poetry.dependencies]"));
    return out;
  }

  /** The requirements of one optional-dependencies extra, or empty. */
  public List<PythonRequirement> extra(String name) {
    var extras = root.path("project").path("optional-dependencies").fields();
    while (extras.hasNext()) {
      var entry = extras.next();
      if (PythonRequirement.normalize(entry.getKey()).equals(PythonRequirement.normalize(name))) {
        return specs(
            entry.getValue(), "pyproject.toml [project.optional-dependencies] " + entry.getKey());
      }
    }
    return List.of();
  }

  /** The extras whose names mean tests or development. */
  public List<String> testExtras() {
    return extraNames().stream()
        .filter(n -> TEST_NAMES.contains(PythonRequirement.normalize(n)))
        .toList();
  }

  /** Every optional-dependencies extra, as written. */
  public List<String> extraNames() {
    List<String> out = new ArrayList<>();
    root.path("project").path("optional-dependencies").fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** PEP 735 groups and Poetry groups whose names mean tests or development, includes followed. */
  public List<PythonRequirement> testGroups() {
    List<PythonRequirement> out = new ArrayList<>();
    JsonNode groups = root.path("dependency-groups");
    groups
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (TEST_NAMES.contains(PythonRequirement.normalize(n))) {
                group(groups, n, out, new HashSet<>());
              }
            });
    JsonNode poetry = root.path("tool").path("poetry");
    out.addAll(poetry(poetry.path("dev-dependencies"), "[tool.poetry.dev-dependencies]"));
    poetry
        .path("group")
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (TEST_NAMES.contains(PythonRequirement.normalize(n))) {
                out.addAll(
                    poetry(
                        poetry.path("group").path(n).path("dependencies"),
                        "[tool.poetry.group." + n + "]"));
              }
            });
    return out;
  }

  /** The plugins [tool.pytest.ini_options] (or pytest 9's [tool.pytest]) needs. */
  public List<PythonRequirement> pytestPlugins() {
    JsonNode options = root.path("tool").path("pytest").path("ini_options");
    if (options.isMissingNode()) {
      options = root.path("tool").path("pytest");
    }
    if (!options.isObject()) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    options.fieldNames().forEachRemaining(keys::add);
    return PytestPlugins.from(
        joined(options.path("addopts")),
        strings(options.path("required_plugins")),
        keys,
        "pyproject.toml [tool.pytest.ini_options]");
  }

  private void group(JsonNode groups, String name, List<PythonRequirement> out, Set<String> seen) {
    if (!seen.add(name)) {
      return;
    }
    for (JsonNode item : groups.path(name)) {
      if (item.isTextual()) {
        PythonRequirement.parse(item.asText(), "pyproject.toml [dependency-groups] " + name, false)
            .ifPresent(out::add);
      } else if (item.has("include-group")) {
        group(groups, item.path("include-group").asText(), out, seen);
      }
    }
  }

  private static List<PythonRequirement> specs(JsonNode array, String origin) {
    List<PythonRequirement> out = new ArrayList<>();
    for (String spec : strings(array)) {
      PythonRequirement.parse(spec, origin, false).ifPresent(out::add);
    }
    return out;
  }

  private static List<PythonRequirement> poetry(JsonNode table, String origin) {
    List<PythonRequirement> out = new ArrayList<>();
    table
        .fields()
        .forEachRemaining(
            e -> {
              boolean optional = e.getValue().path("optional").asBoolean(false);
              boolean local =
                  e.getValue().has("path") || e.getValue().has("git") || e.getValue().has("url");
              if (!e.getKey().equalsIgnoreCase("python") && !optional && !local) {
                PythonRequirement.parse(e.getKey(), "pyproject.toml " + origin, false)
                    .ifPresent(out::add);
              }
            });
    return out;
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(
        n -> {
          if (n.isTextual()) {
            out.add(n.asText());
          }
        });
    return out;
  }

  private static String joined(JsonNode node) {
    return String.join(" ", strings(node));
  }
}
