package dev.taskmill.enrichment.diff;

import org.treesitter.TSNode;

/**
 * Per-language rules for the tree-sitter walk: which syntax nodes declare a symbol, and its name.
 */
interface SymbolRules {
  /**
   * The symbol {@code node} declares, or null.
   *
   * @param enclosing the innermost enclosing symbol, or null at file level
   * @param source the text the tree was parsed from, to read names
   */
  Declared declared(TSNode node, Symbol enclosing, SourceText source);

  /**
   * A declaration found by the rules.
   *
   * @param qualifiedPart the part appended to the enclosing qualified name (usually {@code name};
   *     Go methods use their receiver, e.g. {@code (*Stack).Push}, and ignore the enclosing name)
   * @param rangeNode the node whose lines the symbol covers (e.g. the decorated definition with its
   *     decorators)
   * @param topLevel true when the qualified name does not nest in the enclosing symbol
   */
  record Declared(
      String kind, String name, String qualifiedPart, TSNode rangeNode, boolean topLevel) {
    static Declared nested(String kind, String name, TSNode rangeNode) {
      return new Declared(kind, name, name, rangeNode, false);
    }
  }
}
