package dev.taskmill.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with a real BPE tokenizer (jtokkit), never by characters; one encoding for the
 * whole sample.
 */
public final class TokenCounter {
  /** The encoding of current OpenAI models (GPT-4o and later); named in stepLevelMetrics. */
  public static final EncodingType DEFAULT_ENCODING = EncodingType.O200K_BASE;

  private static final TokenCounter DEFAULT = new TokenCounter(DEFAULT_ENCODING);

  private final EncodingType type;
  private final Encoding encoding;

  public TokenCounter(EncodingType type) {
    this.type = type;
    this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(type);
  }

  /** The shared counter with {@link #DEFAULT_ENCODING}; thread-safe. */
  public static TokenCounter standard() {
    return DEFAULT;
  }

  /** The encoding's name, e.g. "o200k_base". */
  public String encodingName() {
    return type.getName();
  }

  /** The number of tokens of {@code text}; special-token strings count as ordinary text. */
  public int count(String text) {
    return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
  }
}
