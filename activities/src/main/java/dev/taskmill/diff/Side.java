package dev.taskmill.diff;

/**
 * Which side of a diff: OLD is the content before the change (base commit), NEW the content after
 * it.
 */
public enum Side {
  OLD,
  NEW
}
