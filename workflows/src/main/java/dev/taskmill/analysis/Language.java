package dev.taskmill.analysis;

/** The main language of a repository. */
public enum Language {
  PYTHON,
  JAVA,
  JAVASCRIPT,
  TYPESCRIPT,
  GO,
  RUST,
  UNKNOWN
}
