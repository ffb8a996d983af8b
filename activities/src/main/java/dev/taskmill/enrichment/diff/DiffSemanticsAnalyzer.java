package dev.taskmill.enrichment.diff;

import dev.taskmill.diff.PatchFile;
import dev.taskmill.diff.PatchHunk;
import dev.taskmill.diff.Side;
import dev.taskmill.diff.UnifiedDiffParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Turns patches into {@link DiffSemantics}: removed lines are looked up in the old content's
 * symbols, added lines in the new content's. A changed line outside every symbol gives the file's
 * "module" symbol (name and qualified name: the file name), so that top-level code changes are not
 * lost; unsupported languages give no symbols.
 */
public final class DiffSemanticsAnalyzer {
  private DiffSemanticsAnalyzer() {}

  /** The semantics of {@code patches} (role to diff text, in output order). */
  public static DiffSemantics analyze(
      Map<String, String> patches, BiFunction<String, Side, Optional<String>> contents) {
    Map<String, String> parsers = new TreeMap<>();
    List<FileSemantics> files = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    int added = 0;
    int removed = 0;
    for (Map.Entry<String, String> patch : patches.entrySet()) {
      for (PatchFile file : UnifiedDiffParser.parse(patch.getValue())) {
        FileSemantics semantics = file(file, patch.getKey(), contents);
        files.add(semantics);
        added += semantics.linesAdded();
        removed += semantics.linesRemoved();
        SourceLanguage language = SourceLanguage.of(file.path());
        if (language != SourceLanguage.OTHER && !file.binary()) {
          parsers.put(language.id(), Outliners.parserFor(language));
        }
        if (FileSemantics.FIX.equals(patch.getKey())) {
          semantics
              .symbols()
              .forEach(s -> changed.add(semantics.path() + ": " + s.qualifiedName()));
        }
      }
    }
    return new DiffSemantics(parsers, files.size(), added, removed, files, changed);
  }

  private static FileSemantics file(
      PatchFile file, String role, BiFunction<String, Side, Optional<String>> contents) {
    SourceLanguage language = SourceLanguage.of(file.path());
    if (file.binary()) {
      return new FileSemantics(
          file.path(), role, language.id(), 0, 0, List.of(), List.of(), "binary: not parsed");
    }
    Map<Side, Outline> outlines = new HashMap<>();
    Set<String> notes = new LinkedHashSet<>();
    List<HunkSemantics> hunks = new ArrayList<>();
    Set<Symbol> all = new LinkedHashSet<>();
    for (PatchHunk hunk : file.hunks()) {
      Set<Symbol> symbols = new LinkedHashSet<>();
      // New side first: the code as it is after the fix is what a reader looks up.
      collect(file, Side.NEW, hunk.addedLines(), language, contents, outlines, notes, symbols);
      collect(file, Side.OLD, hunk.removedLines(), language, contents, outlines, notes, symbols);
      hunks.add(
          new HunkSemantics(
              hunk.oldStart(),
              hunk.oldLines(),
              hunk.newStart(),
              hunk.newLines(),
              List.copyOf(symbols)));
      all.addAll(symbols);
    }
    String note = notes.isEmpty() ? null : String.join("; ", notes);
    return new FileSemantics(
        file.path(),
        role,
        language.id(),
        file.linesAdded(),
        file.linesRemoved(),
        hunks,
        List.copyOf(all),
        note);
  }

  private static void collect(
      PatchFile file,
      Side side,
      List<Integer> lines,
      SourceLanguage language,
      BiFunction<String, Side, Optional<String>> contents,
      Map<Side, Outline> outlines,
      Set<String> notes,
      Set<Symbol> into) {
    if (lines.isEmpty() || language == SourceLanguage.OTHER) {
      return;
    }
    Outline outline = outlines.computeIfAbsent(side, s -> outline(file.path(s), s, contents));
    if (outline.note() != null) {
      notes.add(side.name().toLowerCase(java.util.Locale.ROOT) + " side: " + outline.note());
    }
    if (!outline.parsed()) {
      return;
    }
    Symbol module = moduleSymbol(file.path(side));
    for (int line : lines) {
      into.add(outline.enclosing(line).orElse(module));
    }
  }

  private static Outline outline(
      String path, Side side, BiFunction<String, Side, Optional<String>> contents) {
    Optional<String> content = path == null ? Optional.empty() : contents.apply(path, side);
    if (content.isEmpty()) {
      return Outline.notParsed("content of " + path + " not available");
    }
    return Outliners.outline(path, content.get());
  }

  private static Symbol moduleSymbol(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return new Symbol("module", name, name);
  }
}
