package dev.taskmill.enrichment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * The seven sections, by path, and the figures the final report shows.
 *
 * @param sections absolute path of enrichment.json: one object whose seven top-level keys are
 *     merged into metadata.json by the assembly
 * @param changedSymbols "path: Class.method" for each symbol the fix changes, found by parsing
 * @param idealEditPrecision the ideal trajectory's edit precision against the gold patch (0..1)
 * @param fixLinesCovered share of the fix's changed lines that the post-patch run covers (0..1), or
 *     null
 * @param tokenEncoding the tokenizer's encoding, e.g. "o200k_base"
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrichmentOutput(
    String sections,
    List<String> changedSymbols,
    double idealEditPrecision,
    Double fixLinesCovered,
    String tokenEncoding) {
  public EnrichmentOutput {
    Objects.requireNonNull(sections, "sections");
    changedSymbols = changedSymbols == null ? List.of() : List.copyOf(changedSymbols);
  }
}
