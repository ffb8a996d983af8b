package dev.taskmill.enrichment.diff;

import org.treesitter.TSNode;

/**
 * JavaScript and TypeScript: classes ({@code Class.method}, constructors), function declarations,
 * functions and arrow functions named by what they are assigned to ({@code const f = () => ...} is
 * {@code f}, a class field {@code handle = () => ...} is {@code Class.handle}, {@code exports.f =
 * function () {}} is {@code f}), object literals held by a variable ({@code const api = { get() {}
 * }} gives {@code api.get}), TypeScript interfaces, enums and namespaces. Anonymous callbacks
 * belong to the symbol they are written in.
 */
final class ScriptRules implements SymbolRules {
  @Override
  public Declared declared(TSNode node, Symbol enclosing, SourceText source) {
    String type = node.getType();
    switch (type) {
      case "class_declaration":
      case "abstract_class_declaration":
      case "class":
        return named("class", nameOrAssigned(node, source), node);
      case "interface_declaration":
        return named("interface", source.field(node, "name"), node);
      case "enum_declaration":
        return named("enum", source.field(node, "name"), node);
      case "internal_module":
      case "module":
        return named("namespace", source.field(node, "name"), node);
      case "function_declaration":
      case "generator_function_declaration":
      case "function_signature":
        return named("function", source.field(node, "name"), node);
      case "method_definition":
      case "method_signature":
      case "abstract_method_signature":
        {
          String name = source.field(node, "name");
          boolean constructor =
              "constructor".equals(name) && enclosing != null && enclosing.kind().equals("class");
          return named(constructor ? "constructor" : "method", name, node);
        }
      case "function_expression":
      case "function":
      case "generator_function":
        return named("function", nameOrAssigned(node, source), node);
      case "arrow_function":
        return named("arrow_function", assignedName(node, source), node);
      case "object":
        // Only an object held by a variable names its members; other literals stay part of their
        // symbol.
        return isVariableValue(node) ? named("object", assignedName(node, source), node) : null;
      default:
        return null;
    }
  }

  private static Declared named(String kind, String name, TSNode node) {
    return name == null || name.isBlank() ? null : Declared.nested(kind, name, node);
  }

  private static String nameOrAssigned(TSNode node, SourceText source) {
    String own = source.field(node, "name");
    return own != null ? own : assignedName(node, source);
  }

  private static boolean isVariableValue(TSNode node) {
    TSNode parent = node.getParent();
    return parent != null && !parent.isNull() && parent.getType().equals("variable_declarator");
  }

  /**
   * The name a value gets from its parent: a variable, an object key, a class field or an
   * assignment target.
   */
  private static String assignedName(TSNode node, SourceText source) {
    TSNode parent = node.getParent();
    if (parent == null || parent.isNull()) {
      return null;
    }
    switch (parent.getType()) {
      case "variable_declarator":
        return identifier(parent.getChildByFieldName("name"), source);
      case "pair":
        return identifier(parent.getChildByFieldName("key"), source);
      case "public_field_definition":
      case "field_definition":
        {
          TSNode name = parent.getChildByFieldName("name");
          return identifier(
              name == null || name.isNull() ? parent.getChildByFieldName("property") : name,
              source);
        }
      case "assignment_expression":
        {
          TSNode left = parent.getChildByFieldName("left");
          if (left != null && !left.isNull() && left.getType().equals("member_expression")) {
            return identifier(left.getChildByFieldName("property"), source);
          }
          return identifier(left, source);
        }
      default:
        return null;
    }
  }

  /** Plain names only: destructuring patterns and computed keys name nothing. */
  private static String identifier(TSNode node, SourceText source) {
    if (node == null || node.isNull()) {
      return null;
    }
    return switch (node.getType()) {
      case "identifier", "property_identifier", "private_property_identifier", "type_identifier" ->
          source.text(node);
      case "string" -> node.getNamedChildCount() == 1 ? source.text(node.getNamedChild(0)) : null;
      default -> null;
    };
  }
}
