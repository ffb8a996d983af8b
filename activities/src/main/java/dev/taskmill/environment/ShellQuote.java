package dev.taskmill.environment;

import java.util.List;
import java.util.stream.Collectors;

/** Quotes strings from a repository so that bash reads them as data, never as code. */
public final class ShellQuote {
  private ShellQuote() {}

  /**
   * One bash word holding exactly {@code value}: single quotes, with each embedded quote written as
   * '\''. Inside single quotes bash expands nothing ($, `, \, newlines are literal).
   */
  public static String quote(String value) {
    if (value.indexOf('\0') >= 0) {
      // bash cannot hold NUL in a variable; refusing is safer than truncating.
      throw new IllegalArgumentException("a NUL character cannot be passed to a shell script");
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** A bash array literal "( 'a' 'b' )". */
  public static String array(List<String> values) {
    return values.stream().map(ShellQuote::quote).collect(Collectors.joining(" ", "( ", " )"));
  }

  /** A bash assignment line NAME='value'. */
  public static String assign(String name, String value) {
    if (!name.matches("[A-Z_][A-Z0-9_]*")) {
      throw new IllegalArgumentException("not a shell variable name: " + name);
    }
    return name + "=" + quote(value);
  }
}
