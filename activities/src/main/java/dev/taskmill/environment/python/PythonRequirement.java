package dev.taskmill.environment.python;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One requirement as pip reads it (PEP 508), with where the project declares it.
 *
 * @param spec the requirement line given to pip ("attrs>=21; python_version >= '3.8'")
 * @param name the distribution name, normalized as PEP 503 says (lowercase, runs of -_. as one -)
 * @param extras the extras asked for ("name[a,b]"), normalized; used to expand the project's own
 *     extras
 * @param origin the file and section it comes from, for the one-line notes
 * @param plugin whether the pytest configuration needs it (a plugin is needed even when no file
 *     imports it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PythonRequirement(
    String spec, String name, java.util.List<String> extras, String origin, boolean plugin) {
  private static final Pattern NAME =
      Pattern.compile(
          "^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*" + "(?:\\[([^\\]]*)\\])?\\s*(.*)$");

  public PythonRequirement {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(origin, "origin");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a requirement needs a name: " + spec);
    }
    name = normalize(name);
    extras =
        extras == null
            ? java.util.List.of()
            : extras.stream().map(PythonRequirement::normalize).toList();
  }

  /** PEP 503's normalized form of a distribution or extra name. */
  public static String normalize(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  /**
   * The requirement on one line of a dependency list, or empty for what pip cannot take from an
   * index: blank lines, comments, options, paths and URLs (direct references, "-e .",
   * "git+https://...").
   */
  public static Optional<PythonRequirement> parse(String line, String origin, boolean plugin) {
    // Hash-checking options would switch pip into hash mode for every other requirement too.
    String text = stripComment(line).replaceAll("\\s--hash(=|\\s+)\\S+", "").strip();
    if (text.isEmpty()
        || text.startsWith("-")
        || text.startsWith(".")
        || text.startsWith("/")
        || text.contains("://")
        || text.matches("^[^;]*\\s@\\s.*")) {
      return Optional.empty();
    }
    Matcher m = NAME.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String rest = m.group(3).strip();
    // What may follow a name: a version specifier (PEP 440 operators or a parenthesised one) or a
    // marker.
    if (!rest.isEmpty() && !rest.matches("^(\\(|[<>=!~;]).*")) {
      return Optional.empty();
    }
    java.util.List<String> extras =
        m.group(2) == null
            ? java.util.List.of()
            : java.util.Arrays.stream(m.group(2).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    return Optional.of(new PythonRequirement(text, m.group(1), extras, origin, plugin));
  }

  /** A copy that is marked as a pytest plugin. */
  public PythonRequirement asPlugin() {
    return new PythonRequirement(spec, name, extras, origin, true);
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }
}
