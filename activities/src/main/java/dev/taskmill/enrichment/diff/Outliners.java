package dev.taskmill.enrichment.diff;

import java.util.Locale;
import org.treesitter.TreeSitterGo;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterTypescript;

/**
 * Picks the parser for a file's language and names it with its version for the {@code parser} map.
 */
public final class Outliners {
  /**
   * Versions of the parser artifacts; ParserVersionsTest checks them against the jars on the
   * classpath.
   */
  static final String JAVAPARSER = "javaparser 3.28.2";

  static final String TREE_SITTER_PYTHON = "tree-sitter-python 0.25.0";
  static final String TREE_SITTER_JAVASCRIPT = "tree-sitter-javascript 0.25.0";
  static final String TREE_SITTER_TYPESCRIPT = "tree-sitter-typescript 0.23.2";
  static final String TREE_SITTER_GO = "tree-sitter-go 0.25.0";

  private static final ScriptRules SCRIPT = new ScriptRules();

  private Outliners() {}

  /** The parser (name and version) used for {@code language}, or null for OTHER. */
  public static String parserFor(SourceLanguage language) {
    return switch (language) {
      case JAVA -> JAVAPARSER;
      case PYTHON -> TREE_SITTER_PYTHON;
      case JAVASCRIPT -> TREE_SITTER_JAVASCRIPT;
      case TYPESCRIPT -> TREE_SITTER_TYPESCRIPT;
      case GO -> TREE_SITTER_GO;
      case OTHER -> null;
    };
  }

  /** The symbols of {@code source}, the content of {@code path}. */
  public static Outline outline(String path, String source) {
    SourceLanguage language = SourceLanguage.of(path);
    Outline outline =
        switch (language) {
          case JAVA -> JavaOutliner.outline(source);
          case PYTHON ->
              new TreeSitterOutliner(TREE_SITTER_PYTHON, TreeSitterPython::new, new PythonRules())
                  .outline(source);
          case JAVASCRIPT ->
              new TreeSitterOutliner(TREE_SITTER_JAVASCRIPT, TreeSitterJavascript::new, SCRIPT)
                  .outline(source);
          case TYPESCRIPT ->
              new TreeSitterOutliner(TREE_SITTER_TYPESCRIPT, TreeSitterTypescript::new, SCRIPT)
                  .outline(source);
          case GO ->
              new TreeSitterOutliner(TREE_SITTER_GO, TreeSitterGo::new, new GoRules())
                  .outline(source);
          case OTHER -> Outline.notParsed(null);
        };
    if (path.toLowerCase(Locale.ROOT).endsWith(".tsx") && outline.parsed()) {
      // The tree-sitter-typescript jar ships the typescript grammar only, not tsx: JSX parses as
      // errors.
      String note =
          "tsx parsed with the typescript grammar (the jar has no tsx grammar); JSX regions are"
              + " syntax errors, symbols may be partial";
      return new Outline(outline.spans(), true, note);
    }
    return outline;
  }
}
