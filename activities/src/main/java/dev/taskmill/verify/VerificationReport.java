package dev.taskmill.verify;

import java.nio.file.Path;
import java.util.List;

/** The checks of one sample folder, in the order they ran. */
public record VerificationReport(Path sample, List<Check> checks) {
  public VerificationReport {
    checks = List.copyOf(checks);
  }

  /** True when every check holds. */
  public boolean passed() {
    return checks.stream().allMatch(Check::ok);
  }

  public List<Check> failures() {
    return checks.stream().filter(c -> !c.ok()).toList();
  }

  public Check check(String name) {
    return checks.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no check named " + name));
  }
}
