package dev.taskmill.validation.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Per-test outcomes of one run, keyed by normalised test id (see docs/test-ids.md); immutable. */
public final class TestResults {
  private static final TestResults EMPTY = new TestResults(Map.of());
  private final Map<String, TestOutcome> outcomes;

  private TestResults(Map<String, TestOutcome> outcomes) {
    this.outcomes = Collections.unmodifiableMap(new TreeMap<>(outcomes));
  }

  public static TestResults empty() {
    return EMPTY;
  }

  /** Results from a map of id to outcome; blank ids are refused. */
  public static TestResults of(Map<String, TestOutcome> outcomes) {
    outcomes.forEach(
        (id, outcome) -> {
          if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a test id must not be blank");
          }
          Objects.requireNonNull(outcome, "outcome of " + id);
        });
    return new TestResults(outcomes);
  }

  /** These results plus other's; a test named in both keeps the worse outcome. */
  public TestResults merge(TestResults other) {
    Map<String, TestOutcome> merged = new TreeMap<>(outcomes);
    other.outcomes.forEach((id, outcome) -> merged.merge(id, outcome, TestOutcome::worst));
    return new TestResults(merged);
  }

  /**
   * These results with the selected tests' outcomes taken from {@code rerun}: a rerun that ran only
   * some tests stands for a whole run in which the others did as before. A selected test the rerun
   * did not report is absent.
   */
  public TestResults overlay(TestResults rerun, java.util.Collection<String> selected) {
    Map<String, TestOutcome> merged = new TreeMap<>(outcomes);
    for (String id : selected) {
      TestOutcome again = rerun.outcome(id);
      if (again == null) {
        merged.remove(id);
      } else {
        merged.put(id, again);
      }
    }
    return new TestResults(merged);
  }

  /** The outcome of a test, or null when this run did not report it. */
  public TestOutcome outcome(String id) {
    return outcomes.get(id);
  }

  public Map<String, TestOutcome> asMap() {
    return outcomes;
  }

  public List<String> ids(TestOutcome wanted) {
    return outcomes.entrySet().stream()
        .filter(e -> e.getValue() == wanted)
        .map(Map.Entry::getKey)
        .toList();
  }

  public int count(TestOutcome wanted) {
    return (int) outcomes.values().stream().filter(o -> o == wanted).count();
  }

  public int size() {
    return outcomes.size();
  }

  public boolean isEmpty() {
    return outcomes.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TestResults other && outcomes.equals(other.outcomes);
  }

  @Override
  public int hashCode() {
    return outcomes.hashCode();
  }

  @Override
  public String toString() {
    return outcomes.toString();
  }
}
