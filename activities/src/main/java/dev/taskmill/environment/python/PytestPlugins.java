package dev.taskmill.environment.python;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pytest plugins a pytest configuration needs: {@code required_plugins}, {@code -p NAME} in
 * addopts, and the options and ini keys that only a known plugin understands (pytest refuses an
 * unknown option, so these are needed).
 */
public final class PytestPlugins {
  /** Options of well-known plugins, by prefix: "--timeout=60" means pytest-timeout. */
  private static final Map<String, String> OPTIONS =
      Map.ofEntries(
          Map.entry("--timeout", "pytest-timeout"),
          Map.entry("-n", "pytest-xdist"),
          Map.entry("--numprocesses", "pytest-xdist"),
          Map.entry("--dist", "pytest-xdist"),
          Map.entry("--cov", "pytest-cov"),
          Map.entry("--no-cov", "pytest-cov"),
          Map.entry("--reruns", "pytest-rerunfailures"),
          Map.entry("--benchmark-", "pytest-benchmark"),
          Map.entry("--randomly-", "pytest-randomly"),
          Map.entry("--asyncio-mode", "pytest-asyncio"),
          Map.entry("--doctest-plus", "pytest-doctestplus"),
          Map.entry("--html", "pytest-html"),
          Map.entry("--mpl", "pytest-mpl"));

  /** Ini keys that only a plugin defines. */
  private static final Map<String, String> INI_KEYS =
      Map.of(
          "timeout",
          "pytest-timeout",
          "asyncio_mode",
          "pytest-asyncio",
          "asyncio_default_fixture_loop_scope",
          "pytest-asyncio",
          "env",
          "pytest-env",
          "django_settings_module",
          "pytest-django",
          "mock_use_standalone_module",
          "pytest-mock");

  private PytestPlugins() {}

  /**
   * The plugins named by one pytest configuration section.
   *
   * @param addopts the addopts value (one string; a TOML array joined with spaces)
   * @param requiredPlugins required_plugins entries (requirement specs)
   * @param iniKeys the section's other keys
   */
  public static List<PythonRequirement> from(
      String addopts, List<String> requiredPlugins, Set<String> iniKeys, String origin) {
    Set<String> specs = new LinkedHashSet<>();
    for (String plugin : requiredPlugins) {
      for (String spec :
          plugin.strip().split("\\s+(?![<>=!~])")) { // "a b>=1" in one string: two plugins
        if (!spec.isBlank()) {
          specs.add(spec.strip());
        }
      }
    }
    List<String> words = addopts == null ? List.of() : List.of(addopts.strip().split("\\s+"));
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String module = null;
      if (word.equals("-p") && i + 1 < words.size()) {
        module = words.get(++i);
      } else if (word.startsWith("-p") && word.length() > 2 && !word.startsWith("--")) {
        module = word.substring(2);
      }
      if (module != null) {
        // "-p no:x" turns a plugin off; a dotted or non-pytest_ module is the project's own.
        if (module.matches("pytest[_-][\\w-]+")) {
          specs.add(module.replace('_', '-'));
        }
        continue;
      }
      for (var option : OPTIONS.entrySet()) {
        String key = option.getKey();
        boolean prefix = key.endsWith("-");
        if (prefix
            ? word.startsWith(key)
            : word.equals(key)
                || word.startsWith(key + "=")
                || (key.equals("-n") && word.matches("-n\\d+"))) {
          specs.add(option.getValue());
        }
      }
    }
    for (String key : iniKeys) {
      String plugin = INI_KEYS.get(key);
      if (plugin != null) {
        specs.add(plugin);
      }
    }
    List<PythonRequirement> out = new ArrayList<>();
    for (String spec : specs) {
      PythonRequirement.parse(spec, origin, true).ifPresent(out::add);
    }
    return out;
  }
}
