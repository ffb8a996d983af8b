package dev.taskmill.diff;

import java.util.Objects;

/** A line a hunk adds: its 1-based number in the new content and its text (without the '+'). */
public record AddedLine(int number, String text) {
  public AddedLine {
    Objects.requireNonNull(text, "text");
  }
}
