package dev.taskmill.validation.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoverageReaderTest {
  private final CoverageReader reader = new CoverageReader();

  static Path fixture(String name) throws Exception {
    return Path.of(
        CoverageReaderTest.class
            .getClassLoader()
            .getResource("validation/coverage/" + name)
            .toURI());
  }

  @ParameterizedTest(name = "{0} -> {1}%")
  @CsvSource({
    "jacoco.xml,            85.0",
    "coverage.json,         83.33",
    "coverage-summary.json, 75.0",
    "cover.out,             80.0",
    "go1.19-cover.out,      50.0",
  })
  void eachToolsReportGivesLineCoveragePercent(String file, double percent, @TempDir Path dir)
      throws Exception {
    Files.copy(fixture(file), dir.resolve(file));

    assertThat(reader.read(dir)).get().extracting(LineCoverage::percent).isEqualTo(percent);
  }

  @Nested
  class MultiModule {
    @Test
    void reportsOfSeveralModulesAreCombined(@TempDir Path dir) throws Exception {
      Files.createDirectories(dir.resolve("core"));
      Files.copy(fixture("jacoco.xml"), dir.resolve("core/jacoco.xml")); // 68 of 80 lines
      Files.writeString(
          dir.resolve("web.xml"),
          "<report name=\"web\"><counter type=\"LINE\" missed=\"18\""
              + " covered=\"2\"/></report>");

      assertThat(reader.read(dir)).get().isEqualTo(new LineCoverage(70, 100));
    }
  }

  @Nested
  class Absent {
    @Test
    void noDirectoryOrNoKnownReportMeansNoCoverage(@TempDir Path dir) throws Exception {
      assertThat(reader.read(dir.resolve("coverage"))).isEmpty();
      Files.writeString(dir.resolve("notes.txt"), "nothing here");
      assertThat(reader.read(dir)).isEmpty();
    }
  }

  @Nested
  class Values {
    @Test
    void coveredCannotExceedTotal() {
      assertThatThrownBy(() -> new LineCoverage(5, 4)).hasMessageContaining("5/4");
    }

    @Test
    void nothingCoverableIsZeroPercent() {
      assertThat(new LineCoverage(0, 0).percent()).isZero();
    }
  }
}
