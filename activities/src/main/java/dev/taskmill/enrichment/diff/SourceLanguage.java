package dev.taskmill.enrichment.diff;

import java.util.Locale;

/** The languages whose files get symbols, chosen by file extension; everything else is OTHER. */
public enum SourceLanguage {
  JAVA("java"),
  PYTHON("python"),
  JAVASCRIPT("javascript"),
  TYPESCRIPT("typescript"),
  GO("go"),
  OTHER("other");

  private final String id;

  SourceLanguage(String id) {
    this.id = id;
  }

  /** The name used in metadata.json ("java", "python", ..., "other"). */
  public String id() {
    return id;
  }

  /** The language of {@code path} by its extension. */
  public static SourceLanguage of(String path) {
    String name =
        path == null ? "" : path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String ext = name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.') + 1);
    return switch (ext) {
      case "java" -> JAVA;
      case "py", "pyi" -> PYTHON;
      case "js", "jsx", "mjs", "cjs" -> JAVASCRIPT;
      case "ts", "tsx", "mts", "cts" -> TYPESCRIPT;
      case "go" -> GO;
      default -> OTHER;
    };
  }
}
