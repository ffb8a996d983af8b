package dev.taskmill.analysis.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version requirement as build files write it: PEP 440 ("&gt;=3.8,&lt;3.12", "~=3.9"), npm
 * engines ("^18", "&gt;=16 &lt;21", "18.x || 20"), or a bare version ("3.11", "1.21"), checked
 * against an image's version. Only as many components as the image version has are compared: an
 * image "3.11" satisfies "&gt;=3.11.4".
 */
public final class VersionSpec {
  private static final Pattern VERSION = Pattern.compile("\\d+(?:\\.\\d+)*");
  private static final Pattern COMPARATOR =
      Pattern.compile("(>=|<=|==|!=|~=|>|<|\\^|~|=)?\\s*v?([0-9][0-9.x*]*)");

  private final List<List<Comparator>> alternatives;
  private final String text;

  private VersionSpec(List<List<Comparator>> alternatives, String text) {
    this.alternatives = alternatives;
    this.text = text;
  }

  /** Parses a requirement; throws IllegalArgumentException when it is not one. */
  public static VersionSpec parse(String text) {
    List<List<Comparator>> alternatives = new ArrayList<>();
    for (String alternative : text.split("\\|\\|")) {
      List<Comparator> all = new ArrayList<>();
      for (String part : alternative.trim().split("[,\\s]+(?![0-9])|,\\s*")) {
        if (part.isBlank()) {
          continue;
        }
        Matcher m = COMPARATOR.matcher(part.trim());
        if (!m.matches()) {
          throw new IllegalArgumentException("not a version requirement: " + text);
        }
        all.add(new Comparator(m.group(1) == null ? "=" : m.group(1), m.group(2)));
      }
      if (!all.isEmpty()) {
        alternatives.add(all);
      }
    }
    if (alternatives.isEmpty()) {
      throw new IllegalArgumentException("not a version requirement: " + text);
    }
    return new VersionSpec(alternatives, text);
  }

  /** Whether an image offering {@code version} satisfies the requirement. */
  public boolean accepts(String version) {
    int[] offered = numbers(version);
    return alternatives.stream().anyMatch(all -> all.stream().allMatch(c -> c.accepts(offered)));
  }

  @Override
  public String toString() {
    return text;
  }

  /** The numeric components of "1.21.3" (stopping at "x" or "*"). */
  public static int[] numbers(String version) {
    List<Integer> parts = new ArrayList<>();
    for (String p : version.split("\\.")) {
      if (!p.matches("[0-9]+")) {
        break;
      }
      parts.add(Integer.parseInt(p));
    }
    return parts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Compares on the components both sides have. */
  public static int compare(int[] offered, int[] wanted) {
    int n = Math.min(offered.length, wanted.length);
    for (int i = 0; i < n; i++) {
      if (offered[i] != wanted[i]) {
        return Integer.compare(offered[i], wanted[i]);
      }
    }
    return 0;
  }

  private record Comparator(String op, String version) {
    boolean accepts(int[] offered) {
      int[] wanted = numbers(version);
      int c = compare(offered, wanted);
      return switch (op) {
        case ">=" -> c >= 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0 || (c == 0 && wanted.length > offered.length);
        case "<" -> c < 0;
        case "!=" -> c != 0;
        // ~=3.9 means >=3.9 within 3.*; ^18.2 and ~18 keep the major version.
        case "~=" ->
            c >= 0 && compare(offered, prefix(wanted, Math.max(1, wanted.length - 1))) == 0;
        case "^", "~" -> c >= 0 && compare(offered, prefix(wanted, 1)) == 0;
        default -> c == 0;
      };
    }

    private static int[] prefix(int[] v, int n) {
      return java.util.Arrays.copyOf(v, Math.min(n, v.length));
    }
  }

  /**
   * The first lower bound or exact version in {@code spec}; empty when it only has upper bounds or
   * none.
   */
  public static Optional<String> minimum(String spec) {
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

  /**
   * A Java version as a feature release number: "1.8" and "1_8" become "8", "17.0.2" becomes "17".
   */
  public static String javaFeature(String version) {
    String v = version.trim().replace('_', '.');
    if (v.startsWith("1.")) {
      v = v.substring(2);
    }
    int dot = v.indexOf('.');
    return dot < 0 ? v : v.substring(0, dot);
  }
}
