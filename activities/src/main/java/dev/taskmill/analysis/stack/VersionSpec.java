package dev.taskmill.analysis.stack;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the lowest version a requirement such as ">=3.8,<4", "^18 || ^20" or "~=3.9" allows. */
final class VersionSpec {
  private static final Pattern VERSION = Pattern.compile("\\d+(?:\\.\\d+)*");

  private VersionSpec() {}

  /** The first lower bound or exact version in {@code spec}; empty when it only has upper bounds or none. */
  static Optional<String> minimum(String spec) {
    if (spec == null) {
      return Optional.empty();
    }
    for (String clause : spec.split(",|\\|\\||\\s+(?=[<>=!~^])")) {
      String c = clause.trim();
      if (c.isEmpty() || c.startsWith("<") || c.startsWith("!=")) {
        continue;
      }
      Matcher m = VERSION.matcher(c);
      if (m.find()) {
        return Optional.of(m.group());
      }
    }
    return Optional.empty();
  }

  /** A Java version as a feature release number: "1.8" and "1_8" become "8", "17.0.2" becomes "17". */
  static String javaFeature(String version) {
    String v = version.trim().replace('_', '.');
    if (v.startsWith("1.")) {
      v = v.substring(2);
    }
    int dot = v.indexOf('.');
    return dot < 0 ? v : v.substring(0, dot);
  }
}
