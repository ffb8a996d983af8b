package dev.taskmill.analysis.stack;

import dev.taskmill.analysis.Language;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How many source files of each language a tree holds: the tie-breaker between build files. */
final class SourceCounts {
  private final Map<Language, Integer> counts;

  private SourceCounts(Map<Language, Integer> counts) {
    this.counts = counts;
  }

  static SourceCounts of(List<String> paths) {
    Map<Language, Integer> counts = new EnumMap<>(Language.class);
    for (String path : paths) {
      Language language = languageOf(path);
      if (language != Language.UNKNOWN) {
        counts.merge(language, 1, Integer::sum);
      }
    }
    return new SourceCounts(counts);
  }

  static Language languageOf(String path) {
    String name = path.toLowerCase(Locale.ROOT);
    if (name.endsWith(".py")) {
      return Language.PYTHON;
    } else if (name.endsWith(".java")) {
      return Language.JAVA;
    } else if (name.endsWith(".ts")
        || name.endsWith(".tsx")
        || name.endsWith(".mts")
        || name.endsWith(".cts")) {
      return name.endsWith(".d.ts") ? Language.UNKNOWN : Language.TYPESCRIPT;
    } else if (name.endsWith(".js")
        || name.endsWith(".jsx")
        || name.endsWith(".mjs")
        || name.endsWith(".cjs")) {
      return Language.JAVASCRIPT;
    } else if (name.endsWith(".go")) {
      return Language.GO;
    } else if (name.endsWith(".rs")) {
      return Language.RUST;
    }
    return Language.UNKNOWN;
  }

  int count(Language language) {
    return counts.getOrDefault(language, 0);
  }

  /** JavaScript and TypeScript share one build file, so they count together. */
  int countFamily(Language language) {
    if (language == Language.JAVASCRIPT || language == Language.TYPESCRIPT) {
      return count(Language.JAVASCRIPT) + count(Language.TYPESCRIPT);
    }
    return count(language);
  }

  /** The language with the most files, or UNKNOWN for a tree without source. */
  Language dominant() {
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(Language.UNKNOWN);
  }
}
