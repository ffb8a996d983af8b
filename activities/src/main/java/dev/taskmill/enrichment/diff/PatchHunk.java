package dev.taskmill.enrichment.diff;

import java.util.List;

/**
 * One {@code @@ -oldStart,oldLines +newStart,newLines @@} hunk with the changed line numbers of each side.
 *
 * @param removedLines 1-based line numbers in the old content of the lines the hunk removes
 * @param addedLines 1-based line numbers in the new content of the lines the hunk adds
 */
public record PatchHunk(int oldStart, int oldLines, int newStart, int newLines, List<Integer> removedLines,
    List<Integer> addedLines) {
  public PatchHunk {
    removedLines = List.copyOf(removedLines);
    addedLines = List.copyOf(addedLines);
  }
}
