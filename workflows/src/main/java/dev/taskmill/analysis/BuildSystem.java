package dev.taskmill.analysis;

/** How a repository is built and its dependencies installed. */
public enum BuildSystem {
  PIP,
  MAVEN,
  GRADLE,
  NPM,
  GO_MODULES,
  CARGO,
  NONE
}
