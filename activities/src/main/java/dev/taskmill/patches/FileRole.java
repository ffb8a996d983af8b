package dev.taskmill.patches;

/** What a changed file is to a sample: part of the tests, part of the fix, or neither. */
public enum FileRole {
  TEST,
  SOURCE,
  OTHER
}
