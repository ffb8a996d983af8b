package dev.taskmill.validation.coverage;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code go test -coverprofile} file: statements covered / statements, as {@code go tool cover
 * -func} counts. A block listed twice (several packages with -coverpkg) counts once, covered if any
 * run covered it.
 */
final class GoCoverProfile {
  private GoCoverProfile() {}

  static Optional<LineCoverage> read(BufferedReader in) throws IOException {
    String first = in.readLine();
    if (first == null || !first.startsWith("mode:")) {
      return Optional.empty();
    }
    Map<String, long[]> blocks = new HashMap<>(); // block -> {statements, count}
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      // file.go:12.34,15.2 3 1
      String[] parts = line.trim().split(" ");
      if (parts.length != 3) {
        continue;
      }
      long statements = Long.parseLong(parts[1]);
      long count = Long.parseLong(parts[2]);
      blocks.merge(
          parts[0],
          new long[] {statements, count},
          (a, b) -> new long[] {a[0], Math.max(a[1], b[1])});
    }
    long total = 0;
    long covered = 0;
    for (long[] block : blocks.values()) {
      total += block[0];
      covered += block[1] > 0 ? block[0] : 0;
    }
    return Optional.of(new LineCoverage(covered, total));
  }
}
