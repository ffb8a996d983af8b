package dev.taskmill.enrichment.diff;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One file of diffSemantics.files.
 *
 * @param role "fix" or "test": the patch the file came from
 * @param language "java", "python", "javascript", "typescript", "go" or "other"
 * @param symbols the symbols of all hunks, each once, in hunk order
 * @param parseNote present only when symbols are missing or partial: not parsed (binary, parser
 *     failed to load, content unavailable) or parsed with syntax errors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "path",
  "role",
  "language",
  "linesAdded",
  "linesRemoved",
  "hunks",
  "symbols",
  "parseNote"
})
public record FileSemantics(
    String path,
    String role,
    String language,
    int linesAdded,
    int linesRemoved,
    List<HunkSemantics> hunks,
    List<Symbol> symbols,
    @JsonInclude(JsonInclude.Include.NON_NULL) String parseNote) {
  /** The role of files from fix.patch. */
  public static final String FIX = "fix";

  /** The role of files from tests.patch. */
  public static final String TEST = "test";

  public FileSemantics {
    hunks = hunks == null ? List.of() : List.copyOf(hunks);
    symbols = symbols == null ? List.of() : List.copyOf(symbols);
  }
}
