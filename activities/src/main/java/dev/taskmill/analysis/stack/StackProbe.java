package dev.taskmill.analysis.stack;

import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.Stack;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognizes one ecosystem by its build files and reads its stack from them. */
interface StackProbe {
  /** The language whose source files vote for this probe when several build files are present. */
  Language family();

  /** Whether a file of this name marks a project directory of this ecosystem. */
  boolean isBuildFile(String fileName);

  /** The stack of the project whose build files sit in {@code dir} ("" is the root). */
  Stack read(CommitTree tree, String dir);

  /** The first group of the first match of {@code pattern} in {@code text}. */
  static Optional<String> find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
  }
}
