package dev.taskmill.assembly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hands out samples/task-N: finds the sample of a key, and renames a finished folder to the next
 * free number. Callers hold {@link #locked}: an in-process lock (a JVM cannot FileLock a file
 * twice) plus a FileChannel lock on samples/.lock for other worker processes on the same disk.
 */
final class TaskAllocator {
  static final String KEY_FILE = ".taskmill-key";
  static final String LOCK_FILE = ".lock";
  private static final Pattern TASK_DIR = Pattern.compile("task-([1-9][0-9]{0,8})");
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final Path samplesDir;

  TaskAllocator(Path samplesDir) {
    this.samplesDir = samplesDir.toAbsolutePath().normalize();
  }

  /** Work that must not interleave with another allocation in the same samples folder. */
  interface Locked<T> {
    T run() throws IOException;
  }

  <T> T locked(Locked<T> work) throws IOException {
    Files.createDirectories(samplesDir);
    ReentrantLock lock = LOCKS.computeIfAbsent(samplesDir, p -> new ReentrantLock());
    lock.lock();
    try (FileChannel channel =
            FileChannel.open(
                samplesDir.resolve(LOCK_FILE),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      return work.run();
    } finally {
      lock.unlock();
    }
  }

  /** The task folder whose key file holds {@code key}. */
  Optional<Path> findByKey(String key) throws IOException {
    try (Stream<Path> children = Files.list(samplesDir)) {
      return children
          .filter(p -> number(p) > 0)
          .filter(p -> key.equals(readKey(p)))
          .min((a, b) -> Integer.compare(number(a), number(b)));
    }
  }

  /** Renames {@code finished} to the next free task-N (retrying N+1 when taken) and returns it. */
  Path place(Path finished) throws IOException {
    int n = highestNumber() + 1;
    while (true) {
      Path target = samplesDir.resolve("task-" + n);
      if (!Files.exists(target)) {
        try {
          return Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException taken) {
          // Someone outside taskmill made it between the check and the move: take the next one.
        }
      }
      n++;
    }
  }

  int highestNumber() throws IOException {
    try (Stream<Path> children = Files.list(samplesDir)) {
      return children.mapToInt(TaskAllocator::number).max().orElse(0);
    }
  }

  /** N of a task-N folder, else 0. */
  static int number(Path dir) {
    Matcher m = TASK_DIR.matcher(dir.getFileName().toString());
    return m.matches() && Files.isDirectory(dir) ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String readKey(Path taskDir) {
    Path keyFile = taskDir.resolve(KEY_FILE);
    try {
      return Files.isRegularFile(keyFile)
          ? Files.readString(keyFile, StandardCharsets.UTF_8).trim()
          : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
