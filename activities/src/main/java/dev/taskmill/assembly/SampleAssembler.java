package dev.taskmill.assembly;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.files.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Assembles samples/task-N from the work area without Temporal: everything is written into a
 * temporary folder inside the samples folder and renamed into place under the allocation lock, so a
 * sample is either whole or absent, and a key that already has a sample gets that sample back.
 */
public final class SampleAssembler {
  private final Clock clock;

  public SampleAssembler(Clock clock) {
    this.clock = clock;
  }

  public SampleAssembler() {
    this(Clock.systemUTC());
  }

  public AssemblyOutput assemble(AssemblyInput input) throws IOException {
    String key = SampleFolders.requireSafeKey(input.sampleKey());
    Path samples = Path.of(input.samplesDir()).toAbsolutePath().normalize();
    Path workDir = Path.of(input.workDir()).toAbsolutePath().normalize();
    TaskAllocator allocator = new TaskAllocator(samples);
    AssemblyOutput output =
        allocator.locked(
            () -> {
              Optional<Path> existing = allocator.findByKey(key);
              if (existing.isPresent()) {
                return describe(existing.get(), true);
              }
              String tempPrefix = ".tmp-" + key + "-";
              SampleFolders.deleteStale(samples, tempPrefix);
              Path temp = Files.createTempDirectory(samples, tempPrefix);
              // createTempDirectory is owner-only; a sample is for people and other tools to read.
              Files.setPosixFilePermissions(
                  temp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
              try {
                fill(temp, workDir, input);
                return describe(allocator.place(temp), false);
              } finally {
                FileTrees.deleteRecursively(temp);
              }
            });
    SampleFolders.deleteWorkDir(workDir, samples);
    return output;
  }

  private void fill(Path temp, Path workDir, AssemblyInput input) throws IOException {
    List<String> copied = SampleFolders.copyExisting(workDir, temp, SampleFolders.SAMPLE_FILES);
    for (String required : List.of(SampleFolders.FIX_PATCH, SampleFolders.TESTS_PATCH)) {
      if (!copied.contains(required)) {
        throw Failures.of(
            FailureType.INTERNAL,
            required
                + " is missing from the work area "
                + workDir
                + ": the patches phase must run on a worker that shares this disk");
      }
    }
    copyTrajectories(workDir, temp, input);
    MetadataWriter.write(input, clock.instant(), temp.resolve(MetadataWriter.FILE));
    // Written last: a folder with a key file is a finished sample.
    Files.writeString(
        temp.resolve(TaskAllocator.KEY_FILE), input.sampleKey() + "\n", StandardCharsets.UTF_8);
  }

  /** The two trajectory files, from the paths phase 3 returned, else by name from the work area. */
  private static void copyTrajectories(Path workDir, Path temp, AssemblyInput input)
      throws IOException {
    var t = input.trajectories();
    SampleFolders.copyIfPresent(
        t != null ? Path.of(t.idealTrajectory()) : workDir.resolve(SampleFolders.IDEAL_TRAJECTORY),
        temp,
        SampleFolders.IDEAL_TRAJECTORY);
    SampleFolders.copyIfPresent(
        t != null
            ? Path.of(t.failedTrajectory())
            : workDir.resolve(SampleFolders.FAILED_TRAJECTORY),
        temp,
        SampleFolders.FAILED_TRAJECTORY);
  }

  private static AssemblyOutput describe(Path taskDir, boolean alreadyExisted) throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> children = Files.list(taskDir)) {
      children
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .sorted()
          .forEach(files::add);
    }
    return new AssemblyOutput(
        taskDir.toString(), TaskAllocator.number(taskDir), files, alreadyExisted);
  }
}
