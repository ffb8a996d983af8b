package dev.taskmill.environment;

import dev.taskmill.docker.ImageRef;
import java.util.List;
import java.util.Objects;

/**
 * A configured base image and the toolchain versions it offers.
 *
 * @param versions the versions it offers ("17", "3.11"); empty when unknown, which the resolver
 *     trusts
 */
public record BaseImage(ImageRef image, List<String> versions) {
  public BaseImage {
    Objects.requireNonNull(image, "image");
    versions = versions == null ? List.of() : List.copyOf(versions);
  }

  /** Whether the image says what it offers; an image a user named by hand does not. */
  public boolean declaresVersions() {
    return !versions.isEmpty();
  }
}
