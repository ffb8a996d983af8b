package dev.taskmill.environment;

import java.util.Objects;
import dev.taskmill.docker.ImageRef;

/**
 * The base image chosen for a stack.
 *
 * @param version the toolchain version the image offers, or what the project asked for when the image is trusted
 */
public record ResolvedToolchain(StackKind kind, ImageRef image, String version) {
  public ResolvedToolchain {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(image, "image");
  }
}
