package dev.taskmill.workflow;

/** How a successful run ended: a full sample, or phases 1-2 only. */
public enum Outcome {
  SAMPLE_CREATED,
  ANALYZED
}
