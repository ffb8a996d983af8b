package dev.taskmill.enrichment.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;

/**
 * Symbols of one file with a tree-sitter grammar and language rules. A TSParser is not thread-safe
 * (tree-sitter's C API allows one thread per parser), so each call makes its own parser and closes
 * it and the tree at once instead of waiting for the Cleaner.
 */
final class TreeSitterOutliner {
  private final String parserName;
  private final Supplier<TSLanguage> language;
  private final SymbolRules rules;

  TreeSitterOutliner(String parserName, Supplier<TSLanguage> language, SymbolRules rules) {
    this.parserName = parserName;
    this.language = language;
    this.rules = rules;
  }

  Outline outline(String source) {
    TSLanguage lang;
    try {
      lang = language.get();
    } catch (LinkageError | RuntimeException e) {
      // A missing or incompatible native library: this language only is reported as not parsed.
      return Outline.notParsed(parserName + " failed to load: " + e);
    }
    SourceText text = new SourceText(source);
    try (TSParser parser = new TSParser()) {
      if (!parser.setLanguage(lang)) {
        return Outline.notParsed(
            parserName + ": grammar ABI not supported by this tree-sitter runtime");
      }
      try (TSTree tree = parser.parseString(null, source)) {
        if (tree == null) {
          return Outline.notParsed(parserName + ": parse returned no tree");
        }
        TSNode root = tree.getRootNode();
        List<SymbolSpan> spans = new ArrayList<>();
        walk(root, null, text, spans);
        String note =
            root.hasError() ? parserName + ": syntax errors, symbols may be partial" : null;
        return new Outline(spans, true, note);
      }
    }
  }

  private void walk(TSNode node, Symbol enclosing, SourceText text, List<SymbolSpan> spans) {
    int count = node.getNamedChildCount();
    for (int i = 0; i < count; i++) {
      TSNode child = node.getNamedChild(i);
      SymbolRules.Declared declared = rules.declared(child, enclosing, text);
      if (declared == null) {
        walk(child, enclosing, text, spans);
        continue;
      }
      String qualified =
          enclosing == null || declared.topLevel()
              ? declared.qualifiedPart()
              : enclosing.qualifiedName() + "." + declared.qualifiedPart();
      Symbol symbol = new Symbol(declared.kind(), declared.name(), qualified);
      TSNode range = declared.rangeNode();
      // Rows are 0-based; an end at column 0 is the line after the node's last character.
      int endRow = range.getEndPoint().getRow();
      if (range.getEndPoint().getColumn() == 0 && endRow > range.getStartPoint().getRow()) {
        endRow--;
      }
      spans.add(new SymbolSpan(symbol, range.getStartPoint().getRow() + 1, endRow + 1));
      walk(child, symbol, text, spans);
    }
  }
}
