package dev.taskmill.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Computes the diffSemantics section (files, lines, changed symbols found by parsing). The
 * parser-based implementation lives in {@code dev.taskmill.enrichment.diff}; it is injected into
 * {@link EnrichmentActivityImpl}.
 */
@FunctionalInterface
public interface DiffSemanticsSource {
  /**
   * The section as docs/enrichment.md shapes it; its "changedSymbols" strings are reported in the
   * output.
   */
  JsonNode diffSemantics(dev.taskmill.enrichment.EnrichmentInput input) throws IOException;
}
