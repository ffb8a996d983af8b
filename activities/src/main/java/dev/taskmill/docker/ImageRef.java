package dev.taskmill.docker;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image reference such as "python:3.11-slim" or "registry:5000/team/app:1@sha256:...", validated
 * on creation.
 */
public final class ImageRef {
  // Docker's reference grammar, simplified: lowercase path components, optional registry host:port,
  // tag, digest.
  private static final Pattern REPOSITORY =
      Pattern.compile(
          "(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
              + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+:[a-f0-9]{32,}");

  private final String repository;
  private final String tag;
  private final String digest;

  private ImageRef(String repository, String tag, String digest) {
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  /** Parses "name[:tag][@digest]"; a missing tag means "latest". */
  public static ImageRef parse(String reference) {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("an image reference is required");
    }
    String rest = reference.strip();
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    return of(rest, tag == null && digest == null ? "latest" : tag, digest, reference);
  }

  /** An image from its repository and tag. */
  public static ImageRef of(String repository, String tag) {
    return of(repository, tag, null, repository + ":" + tag);
  }

  private static ImageRef of(String repository, String tag, String digest, String original) {
    if (repository == null
        || repository.length() > 255
        || !REPOSITORY.matcher(repository).matches()) {
      throw new IllegalArgumentException(
          "not a valid image name: \""
              + original
              + "\" (expected e.g. python:3.11-slim or registry.example.com/team/image:tag)");
    }
    if (tag != null && !TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("not a valid image tag in \"" + original + "\": " + tag);
    }
    if (digest != null && !DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException(
          "not a valid image digest in \"" + original + "\": " + digest);
    }
    return new ImageRef(repository, tag, digest);
  }

  public String repository() {
    return repository;
  }

  /** The tag, or null when the reference is by digest only. */
  public String tag() {
    return tag;
  }

  /** The same repository with another tag (and no digest). */
  public ImageRef withTag(String newTag) {
    return of(repository, newTag);
  }

  /** The reference as Docker reads it. */
  public String canonical() {
    return repository + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }

  @Override
  public String toString() {
    return canonical();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageRef other && canonical().equals(other.canonical());
  }

  @Override
  public int hashCode() {
    return Objects.hash(canonical());
  }
}
