package dev.taskmill.analysis.stack;

import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.TestFramework;
import java.util.regex.Pattern;

/**
 * Rust crates: rust-version in Cargo.toml or the rust-toolchain channel; tests run with cargo test.
 */
final class RustProbe implements StackProbe {
  private static final Pattern RUST_VERSION =
      Pattern.compile("(?m)^\\s*rust-version\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern CHANNEL =
      Pattern.compile("(?m)^\\s*channel\\s*=\\s*\"(\\d[^\"]*)\"");
  private static final Pattern PLAIN_CHANNEL = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)*)\\s*$");

  @Override
  public Language family() {
    return Language.RUST;
  }

  @Override
  public boolean isBuildFile(String fileName) {
    return fileName.equals("Cargo.toml");
  }

  @Override
  public Stack read(CommitTree tree, String dir) {
    String version =
        tree.read(dir, "Cargo.toml")
            .flatMap(t -> StackProbe.find(RUST_VERSION, t))
            .or(
                () ->
                    tree.read(dir, "rust-toolchain.toml").flatMap(t -> StackProbe.find(CHANNEL, t)))
            .or(
                () ->
                    tree.read(dir, "rust-toolchain")
                        .flatMap(t -> StackProbe.find(PLAIN_CHANNEL, t)))
            .orElse(null);
    return new Stack(Language.RUST, BuildSystem.CARGO, TestFramework.CARGO_TEST, version, dir);
  }
}
