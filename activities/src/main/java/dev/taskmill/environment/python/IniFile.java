package dev.taskmill.environment.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sections and keys of an INI file as setuptools, tox and pytest read them: "key = value" or
 * "key: value", indented lines continue the value, "#" and ";" start comment lines. Enough for
 * setup.cfg, tox.ini and pytest.ini.
 */
public final class IniFile {
  private final Map<String, Map<String, String>> sections;

  private IniFile(Map<String, Map<String, String>> sections) {
    this.sections = sections;
  }

  /** Parses {@code text}; lines that are neither sections, keys nor continuations are ignored. */
  public static IniFile parse(String text) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    String key = null;
    for (String raw : text.split("\\R")) {
      String line = raw.stripTrailing();
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))
          && stripped.startsWith("[")
          && stripped.endsWith("]")) {
        current =
            sections.computeIfAbsent(
                stripped.substring(1, stripped.length() - 1).strip(), k -> new LinkedHashMap<>());
        key = null;
      } else if (Character.isWhitespace(line.charAt(0)) && current != null && key != null) {
        current.merge(key, stripped, (a, b) -> a.isEmpty() ? b : a + "\n" + b);
      } else if (current != null) {
        int eq = firstSeparator(stripped);
        if (eq > 0) {
          key = stripped.substring(0, eq).strip().toLowerCase(Locale.ROOT);
          current.put(key, stripped.substring(eq + 1).strip());
        }
      }
    }
    return new IniFile(sections);
  }

  /** The value of {@code key} in {@code section}, continuation lines joined with newlines. */
  public Optional<String> get(String section, String key) {
    return Optional.ofNullable(
        sections.getOrDefault(section, Map.of()).get(key.toLowerCase(Locale.ROOT)));
  }

  /** The keys of a section, in file order. */
  public List<String> keys(String section) {
    return new ArrayList<>(sections.getOrDefault(section, Map.of()).keySet());
  }

  /** The value's lines, without blank ones. */
  public List<String> lines(String section, String key) {
    return get(section, key)
        .map(v -> v.lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
        .orElse(List.of());
  }

  private static int firstSeparator(String line) {
    int eq = line.indexOf('=');
    int colon = line.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }
}
