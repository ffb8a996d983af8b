package dev.taskmill.enrichment.diff;

import org.treesitter.TSNode;

/**
 * Python: classes, and functions ({@code def} and {@code async def}); a function directly in a
 * class is a method ({@code Class.method}), a function in a function is nested ({@code
 * outer.inner}). Decorators belong to the symbol they decorate.
 */
final class PythonRules implements SymbolRules {
  @Override
  public Declared declared(TSNode node, Symbol enclosing, SourceText source) {
    String type = node.getType();
    if (!type.equals("class_definition") && !type.equals("function_definition")) {
      return null;
    }
    String name = source.field(node, "name");
    if (name == null) {
      return null;
    }
    TSNode parent = node.getParent();
    TSNode range =
        parent != null && !parent.isNull() && parent.getType().equals("decorated_definition")
            ? parent
            : node;
    if (type.equals("class_definition")) {
      return Declared.nested("class", name, range);
    }
    boolean inClass = enclosing != null && enclosing.kind().equals("class");
    return Declared.nested(inClass ? "method" : "function", name, range);
  }
}
