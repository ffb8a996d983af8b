package dev.taskmill.validation;

/** Which patches a stage applies; decides what a bad exit code means for the sample. */
public enum StageRole {
  /** No patch: the base tests. */
  BASE,
  /** tests.patch only: the new tests must run and fail. */
  TESTS_ONLY,
  /** tests.patch and fix.patch: the tests must pass. */
  TESTS_AND_FIX,
  /** Any other patch set (a trajectory's final patch, for example): no rejection rule applies. */
  OTHER
}
