package dev.taskmill.environment;

import dev.taskmill.docker.ImageRef;
import java.util.Objects;

/**
 * The base image chosen for a stack.
 *
 * @param version the toolchain version the image offers, or what the project asked for when the
 *     image is trusted
 * @param download a toolchain to layer on {@code image} because no configured image offers it; null
 *     when none
 */
public record ResolvedToolchain(
    StackKind kind, ImageRef image, String version, ToolchainDownload download) {
  public ResolvedToolchain {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(image, "image");
  }

  public ResolvedToolchain(StackKind kind, ImageRef image, String version) {
    this(kind, image, version, null);
  }

  /** The same choice on another image (the one with the downloaded toolchain in it). */
  public ResolvedToolchain on(ImageRef derived) {
    return new ResolvedToolchain(kind, derived, version, download);
  }
}
