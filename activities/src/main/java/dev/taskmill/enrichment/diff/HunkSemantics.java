package dev.taskmill.enrichment.diff;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One hunk of diffSemantics.files[].hunks: its header figures and the symbols its changed lines are
 * in.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"oldStart", "oldLines", "newStart", "newLines", "symbols"})
public record HunkSemantics(
    int oldStart, int oldLines, int newStart, int newLines, List<Symbol> symbols) {
  public HunkSemantics {
    symbols = symbols == null ? List.of() : List.copyOf(symbols);
  }
}
