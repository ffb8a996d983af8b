package dev.taskmill.enrichment.diff;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.taskmill.diff.Side;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.eclipse.jgit.lib.Repository;

/**
 * The diffSemantics section of metadata.json: files, hunks and the symbols the fix and the tests
 * change.
 *
 * @param parser language to parser name and version, for the languages of the changed files
 * @param changedSymbols "path: qualifiedName" for each symbol of the files of role fix
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "parser",
  "filesChanged",
  "linesAdded",
  "linesRemoved",
  "files",
  "changedSymbols"
})
public record DiffSemantics(
    Map<String, String> parser,
    int filesChanged,
    int linesAdded,
    int linesRemoved,
    List<FileSemantics> files,
    List<String> changedSymbols) {
  public DiffSemantics {
    parser =
        parser == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parser));
    files = files == null ? List.of() : List.copyOf(files);
    changedSymbols = changedSymbols == null ? List.of() : List.copyOf(changedSymbols);
  }

  /**
   * Pure: the semantics of a fix patch and a tests patch (either may be empty).
   *
   * @param contents a file's content by its path on a side (OLD: before the change, NEW: after it);
   *     empty when the file does not exist there
   */
  public static DiffSemantics of(
      String fixPatch, String testsPatch, BiFunction<String, Side, Optional<String>> contents) {
    Map<String, String> patches = new LinkedHashMap<>();
    patches.put(FileSemantics.FIX, fixPatch);
    patches.put(FileSemantics.TEST, testsPatch);
    return DiffSemanticsAnalyzer.analyze(patches, contents);
  }

  /**
   * Reads fix.patch and tests.patch (a missing file counts as empty) and the files' contents from
   * {@code repo}: the old side at {@code baseCommit}, the new side at {@code mergeCommit}.
   */
  public static DiffSemantics of(
      Repository repo, String baseCommit, String mergeCommit, Path fixPatch, Path testsPatch) {
    try (RepositoryContents contents = new RepositoryContents(repo, baseCommit, mergeCommit)) {
      return of(
          RepositoryContents.readPatch(fixPatch),
          RepositoryContents.readPatch(testsPatch),
          contents);
    }
  }
}
