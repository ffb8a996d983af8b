package dev.taskmill.enrichment.diff;

/** A symbol and the 1-based, inclusive line range it covers in one side's content. */
public record SymbolSpan(Symbol symbol, int startLine, int endLine) {
  boolean contains(int line) {
    return startLine <= line && line <= endLine;
  }
}
