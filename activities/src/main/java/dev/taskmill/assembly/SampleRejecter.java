package dev.taskmill.assembly;

import dev.taskmill.files.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files a sample that did not make it under samples/.rejected/&lt;sampleKey&gt;/: a reason.txt and
 * whatever the run had produced. A retry replaces the earlier report, so there is always exactly
 * one per key.
 */
public final class SampleRejecter {
  static final String REJECTED = ".rejected";
  static final String REASON = "reason.txt";

  private final Clock clock;

  public SampleRejecter(Clock clock) {
    this.clock = clock;
  }

  public SampleRejecter() {
    this(Clock.systemUTC());
  }

  public RejectionOutput reject(RejectionInput input) throws IOException {
    String key = SampleFolders.requireSafeKey(input.sampleKey());
    Path samples = Path.of(input.samplesDir()).toAbsolutePath().normalize();
    Path workDir =
        input.workDir() == null ? null : Path.of(input.workDir()).toAbsolutePath().normalize();
    Path rejected = samples.resolve(REJECTED);
    Path target = rejected.resolve(key);
    new TaskAllocator(samples)
        .locked(
            () -> {
              Files.createDirectories(rejected);
              String tempPrefix = ".tmp-" + key + "-";
              SampleFolders.deleteStale(rejected, tempPrefix);
              Path temp = Files.createTempDirectory(rejected, tempPrefix);
              // createTempDirectory is owner-only; a sample is for people and other tools to read.
              Files.setPosixFilePermissions(
                  temp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
              try {
                // A retry whose work area an earlier attempt already removed keeps what that
                // attempt had saved.
                List<String> copied =
                    new ArrayList<>(
                        SampleFolders.copyExisting(target, temp, partialOutput(target)));
                for (String name :
                    SampleFolders.copyExisting(workDir, temp, partialOutput(workDir))) {
                  if (!copied.contains(name)) {
                    copied.add(name);
                  }
                }
                Files.writeString(
                    temp.resolve(REASON), reason(input, copied), StandardCharsets.UTF_8);
                FileTrees.deleteRecursively(target);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
              } finally {
                FileTrees.deleteRecursively(temp);
              }
              return null;
            });
    SampleFolders.deleteWorkDir(workDir, samples);
    return new RejectionOutput(target.toString());
  }

  /** The sample files, plus any other log or patch the run left (reruns, for example). */
  private static List<String> partialOutput(Path workDir) throws IOException {
    List<String> names = new ArrayList<>(SampleFolders.SAMPLE_FILES);
    if (workDir != null && Files.isDirectory(workDir)) {
      try (Stream<Path> children = Files.list(workDir)) {
        children
            .map(p -> p.getFileName().toString())
            .filter(
                n ->
                    !n.startsWith(".")
                        && (n.endsWith(".log") || n.endsWith(".patch"))
                        && !names.contains(n))
            .sorted()
            .forEach(names::add);
      }
    }
    return names;
  }

  private String reason(RejectionInput input, List<String> kept) {
    return "failure: "
        + input.failure().name()
        + " ("
        + input.failure().meaning()
        + ", exit code "
        + input.failure().exitCode()
        + ")\n"
        + "phase: "
        + (input.phase() == null ? "unknown" : input.phase())
        + "\n"
        + "reason: "
        + input.reason().replace('\n', ' ')
        + "\n"
        + "time: "
        + clock.instant()
        + "\n"
        + "sampleKey: "
        + input.sampleKey()
        + "\n"
        + "kept: "
        + (kept.isEmpty() ? "nothing" : String.join(", ", kept))
        + "\n";
  }
}
