package dev.taskmill.enrichment.diff;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Java symbols with JavaParser: types nest ({@code Outer.Inner}), methods and constructors carry
 * their parameter types so overloads differ ({@code Calc.add(int,int)}, constructor {@code
 * Calc.Calc(int)}); lambdas and anonymous class bodies belong to the method they are written in.
 */
final class JavaOutliner {
  private JavaOutliner() {}

  static Outline outline(String source) {
    // A JavaParser instance keeps state while parsing: one per call keeps this thread-safe.
    JavaParser parser =
        new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
    ParseResult<CompilationUnit> result = parser.parse(source);
    if (result.getResult().isEmpty()) {
      return Outline.notParsed("javaparser: " + firstProblem(result));
    }
    List<SymbolSpan> spans = new ArrayList<>();
    walk(result.getResult().get(), "", spans);
    String note =
        result.isSuccessful()
            ? null
            : "javaparser: syntax errors, symbols may be partial: " + firstProblem(result);
    return new Outline(spans, true, note);
  }

  private static void walk(Node node, String prefix, List<SymbolSpan> spans) {
    for (Node child : node.getChildNodes()) {
      if (child instanceof ObjectCreationExpr) {
        // Anonymous class bodies count as the enclosing method; their arguments cannot declare
        // symbols.
        continue;
      }
      if (child instanceof EnumConstantDeclaration constant && !constant.getClassBody().isEmpty()) {
        // Methods in a constant's body: Op.PLUS.apply(int,int), apart from the enum's own
        // Op.apply(int,int).
        walk(child, prefix + constant.getNameAsString() + ".", spans);
        continue;
      }
      Symbol symbol = symbolOf(child, prefix);
      if (symbol != null && child.getRange().isPresent()) {
        spans.add(span(child, symbol));
        walk(child, symbol.qualifiedName() + ".", spans);
      } else {
        walk(child, prefix, spans);
      }
    }
  }

  private static Symbol symbolOf(Node node, String prefix) {
    if (node instanceof TypeDeclaration<?> type) {
      String name = type.getNameAsString();
      return new Symbol(typeKind(type), name, prefix + name);
    }
    if (node instanceof CompactConstructorDeclaration compact) {
      String name = compact.getNameAsString();
      return new Symbol("constructor", name, prefix + name + "()");
    }
    if (node instanceof CallableDeclaration<?> callable) {
      String name = callable.getNameAsString();
      String kind = callable instanceof ConstructorDeclaration ? "constructor" : "method";
      return new Symbol(kind, name, prefix + name + parameters(callable));
    }
    return null;
  }

  private static String typeKind(TypeDeclaration<?> type) {
    if (type instanceof ClassOrInterfaceDeclaration c) {
      return c.isInterface() ? "interface" : "class";
    }
    if (type instanceof EnumDeclaration) {
      return "enum";
    }
    if (type instanceof RecordDeclaration) {
      return "record";
    }
    if (type instanceof AnnotationDeclaration) {
      return "annotation";
    }
    return "class";
  }

  /**
   * "(int,List<String>,String...)": types as written, without spaces, so overloads read as in
   * Javadoc.
   */
  private static String parameters(CallableDeclaration<?> callable) {
    return callable.getParameters().stream()
        .map(JavaOutliner::parameterType)
        .collect(Collectors.joining(",", "(", ")"));
  }

  private static String parameterType(Parameter p) {
    String type = p.getType().asString().replace(" ", "");
    return p.isVarArgs() ? type + "..." : type;
  }

  /**
   * The node's lines, widened to its Javadoc so that a doc change counts as a change of the symbol.
   */
  private static SymbolSpan span(Node node, Symbol symbol) {
    Range range = node.getRange().orElseThrow();
    int start =
        node.getComment()
            .flatMap(Node::getRange)
            .map(r -> Math.min(r.begin.line, range.begin.line))
            .orElse(range.begin.line);
    return new SymbolSpan(symbol, start, range.end.line);
  }

  private static String firstProblem(ParseResult<?> result) {
    return result.getProblems().isEmpty()
        ? "no result"
        : result.getProblems().get(0).getVerboseMessage().lines().findFirst().orElse("");
  }
}
