package dev.taskmill.verify;

/**
 * One verification check of a sample and how it went.
 *
 * @param name what is checked, as the report line names it
 * @param reason why it failed; for a check that holds, an optional note (a count), else null
 */
public record Check(String name, boolean ok, String reason) {
  public static Check ok(String name) {
    return new Check(name, true, null);
  }

  public static Check ok(String name, String note) {
    return new Check(name, true, note);
  }

  public static Check fail(String name, String reason) {
    return new Check(name, false, reason);
  }

  /** {@code [ok] name}, {@code [ok] name (note)} or {@code [FAIL] name: reason}. */
  public String line() {
    return ok
        ? "[ok] " + name + (reason == null ? "" : " (" + reason + ")")
        : "[FAIL] " + name + ": " + reason;
  }
}
