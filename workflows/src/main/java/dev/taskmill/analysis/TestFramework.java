package dev.taskmill.analysis;

/** The test runner whose machine-readable reports decide pass and fail. */
public enum TestFramework {
  PYTEST,
  JUNIT4,
  JUNIT5,
  MOCHA,
  JEST,
  VITEST,
  GO_TEST,
  CARGO_TEST,
  UNKNOWN
}
