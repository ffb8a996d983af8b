package dev.taskmill.enrichment.diff;

import org.treesitter.TSNode;

/**
 * Go: functions by name, methods as Go spells method expressions: {@code (*Stack).Push} for a
 * pointer receiver, {@code Stack.Len} for a value receiver (type arguments dropped), and named
 * types ({@code struct}, {@code interface}, {@code type}).
 */
final class GoRules implements SymbolRules {
  @Override
  public Declared declared(TSNode node, Symbol enclosing, SourceText source) {
    switch (node.getType()) {
      case "function_declaration":
        {
          String name = source.field(node, "name");
          return name == null ? null : new Declared("function", name, name, node, true);
        }
      case "method_declaration":
        {
          String name = source.field(node, "name");
          if (name == null) {
            return null;
          }
          String receiver = receiver(node.getChildByFieldName("receiver"), source);
          return new Declared(
              "method", name, receiver == null ? name : receiver + "." + name, node, true);
        }
      case "type_spec":
        {
          String name = source.field(node, "name");
          if (name == null) {
            return null;
          }
          TSNode type = node.getChildByFieldName("type");
          String kind =
              type == null || type.isNull()
                  ? "type"
                  : switch (type.getType()) {
                    case "struct_type" -> "struct";
                    case "interface_type" -> "interface";
                    default -> "type";
                  };
          // A single "type X struct{...}" covers its keyword line too; grouped specs cover their
          // own lines.
          TSNode parent = node.getParent();
          TSNode range =
              parent != null
                      && !parent.isNull()
                      && parent.getType().equals("type_declaration")
                      && parent.getNamedChildCount() == 1
                  ? parent
                  : node;
          return new Declared(kind, name, name, range, true);
        }
      default:
        return null;
    }
  }

  /** "(*T)" or "T" from the receiver's parameter list. */
  private static String receiver(TSNode params, SourceText source) {
    if (params == null || params.isNull() || params.getNamedChildCount() == 0) {
      return null;
    }
    TSNode type = params.getNamedChild(0).getChildByFieldName("type");
    if (type == null || type.isNull()) {
      return null;
    }
    boolean pointer = type.getType().equals("pointer_type");
    TSNode base = pointer ? type.getNamedChild(0) : type;
    if (base != null && !base.isNull() && base.getType().equals("generic_type")) {
      base = base.getChildByFieldName("type");
    }
    String name = source.text(base);
    if (name == null) {
      return null;
    }
    return pointer ? "(*" + name + ")" : name;
  }
}
