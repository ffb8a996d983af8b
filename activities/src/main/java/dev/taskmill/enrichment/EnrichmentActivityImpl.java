package dev.taskmill.enrichment;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.tokens.TokenCounter;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * Phase 6 as a Temporal activity: a thin adapter over {@link Enricher} that heartbeats per section.
 */
public class EnrichmentActivityImpl implements EnrichmentActivity {
  private final Enricher enricher;

  /**
   * @param diffSemantics the parser-based diffSemantics section (dev.taskmill.enrichment.diff)
   */
  public EnrichmentActivityImpl(DiffSemanticsSource diffSemantics) {
    this.enricher = new Enricher(diffSemantics, TokenCounter.standard());
  }

  @Override
  public EnrichmentOutput enrich(EnrichmentInput input) {
    try {
      return enricher.enrich(input, Heartbeat.ofCurrentActivity());
    } catch (NoSuchFileException e) {
      throw Failures.of(
          FailureType.INVALID_INPUT,
          "cannot enrich " + input.workDir() + ": missing file " + e.getFile(),
          e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw Failures.of(
          FailureType.INVALID_INPUT,
          "cannot enrich " + input.workDir() + ": unreadable JSON: " + oneLine(e),
          e);
    } catch (IOException e) {
      throw Failures.of(
          FailureType.TRANSIENT, "cannot enrich " + input.workDir() + ": " + oneLine(e), e);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw Failures.of(
          FailureType.INVALID_INPUT, "cannot enrich " + input.workDir() + ": " + oneLine(e), e);
    }
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
