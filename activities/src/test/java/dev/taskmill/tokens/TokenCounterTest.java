package dev.taskmill.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenCounterTest {
  private final TokenCounter counter = TokenCounter.standard();

  @Test
  void countsTokensOfTheNamedEncodingNotCharacters() {
    assertThat(counter.encodingName()).isEqualTo("o200k_base");
    assertThat(counter.count("hello world")).isEqualTo(2);
    assertThat(counter.count("def add(a, b):\n    return a + b\n")).isBetween(8, 14);
    assertThat(counter.count("")).isZero();
    assertThat(counter.count(null)).isZero();
  }

  @Test
  void specialTokenTextIsOrdinaryText() {
    assertThat(counter.count("<|endoftext|>")).isGreaterThan(1);
  }
}
