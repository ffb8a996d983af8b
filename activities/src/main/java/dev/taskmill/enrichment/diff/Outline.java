package dev.taskmill.enrichment.diff;

import java.util.List;
import java.util.Optional;

/**
 * The symbols a parser found in one file's content.
 *
 * @param parsed false when no parser ran (unsupported language, parser failed to load or to parse)
 * @param note why the outline is empty or partial (syntax errors), or null
 */
public record Outline(List<SymbolSpan> spans, boolean parsed, String note) {
  public Outline {
    spans = List.copyOf(spans);
  }

  /** An outline with no symbols because nothing was parsed; {@code note} says why. */
  public static Outline notParsed(String note) {
    return new Outline(List.of(), false, note);
  }

  /**
   * The innermost symbol whose range holds {@code line}: nested spans start later or end earlier.
   */
  public Optional<Symbol> enclosing(int line) {
    SymbolSpan best = null;
    for (SymbolSpan span : spans) {
      if (span.contains(line)
          && (best == null
              || span.startLine() > best.startLine()
              || (span.startLine() == best.startLine() && span.endLine() <= best.endLine()))) {
        best = span;
      }
    }
    return Optional.ofNullable(best).map(SymbolSpan::symbol);
  }
}
