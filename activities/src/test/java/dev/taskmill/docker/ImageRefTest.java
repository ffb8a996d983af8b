package dev.taskmill.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRefTest {
  @ParameterizedTest
  @CsvSource({
    "python:3.11-slim, python, 3.11-slim",
    "taskmill/java:17-maven, taskmill/java, 17-maven",
    "localhost:5000/team/app:1.0, localhost:5000/team/app, 1.0",
    "golang, golang, latest",
  })
  void parsesRepositoryAndTag(String text, String repository, String tag) {
    ImageRef ref = ImageRef.parse(text);
    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.tag()).isEqualTo(tag);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Python:3", "py thon:3", "python:$(id)", "a;rm -rf /", "python:", "x:y\nz", "-rm"})
  void rejectsWhatDockerWouldNot(String text) {
    assertThatThrownBy(() -> ImageRef.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void keepsDigestsAndSwapsTags() {
    String digest = "sha256:" + "a".repeat(64);
    assertThat(ImageRef.parse("node:20@" + digest).canonical()).isEqualTo("node:20@" + digest);
    assertThat(ImageRef.parse("node:20").withTag("18")).isEqualTo(ImageRef.of("node", "18"));
  }
}
