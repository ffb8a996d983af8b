package dev.taskmill.patches;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * The split of a PR: paths of the two patch files (by reference, not content) and the files in each
 * part.
 *
 * @param fixPatch absolute path of fix.patch in the work area
 * @param testsPatch absolute path of tests.patch in the work area
 * @param otherFiles changelogs, release notes and docs: in neither patch
 * @param binaryFiles binary files, with what was done about them in {@code notes}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtractionOutput(
    String fixPatch,
    String testsPatch,
    List<String> fixFiles,
    List<String> testFiles,
    List<String> otherFiles,
    List<String> binaryFiles,
    int linesAdded,
    int linesRemoved,
    List<String> notes) {
  public ExtractionOutput {
    Objects.requireNonNull(fixPatch, "fixPatch");
    Objects.requireNonNull(testsPatch, "testsPatch");
    fixFiles = fixFiles == null ? List.of() : List.copyOf(fixFiles);
    testFiles = testFiles == null ? List.of() : List.copyOf(testFiles);
    otherFiles = otherFiles == null ? List.of() : List.copyOf(otherFiles);
    binaryFiles = binaryFiles == null ? List.of() : List.copyOf(binaryFiles);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }
}
