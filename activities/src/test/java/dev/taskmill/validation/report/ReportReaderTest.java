package dev.taskmill.validation.report;

import static dev.taskmill.validation.report.TestOutcome.FAILED;
import static dev.taskmill.validation.report.TestOutcome.PASSED;
import static dev.taskmill.validation.report.TestOutcome.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReportReaderTest {
  private final ReportReader reader = new ReportReader(ContainerPaths.forProjectDir(""));

  static Path report(String name) throws Exception {
    return Path.of(
        ReportReaderTest.class.getClassLoader().getResource("validation/reports/" + name).toURI());
  }

  static Stream<Arguments> reports() {
    return Stream.of(
        arguments(
            "surefire-TEST-com.acme.money.AmountTest.xml",
            Map.of(
                "com.acme.money.AmountTest#addsTwoAmounts", PASSED,
                "com.acme.money.AmountTest#roundsHalfUp", FAILED,
                "com.acme.money.AmountTest#parsesCurrency(String)[1]", PASSED,
                "com.acme.money.AmountTest#rejectsNegative", FAILED,
                "com.acme.money.AmountTest#convertsYen", SKIPPED)),
        arguments(
            "gradle-TEST-com.acme.cache.LruCacheTest.xml",
            Map.of(
                "com.acme.cache.LruCacheTest#evictsLeastRecentlyUsed", PASSED,
                "com.acme.cache.LruCacheTest#[1] capacity=1", PASSED,
                "com.acme.cache.LruCacheTest#[2] capacity=16", FAILED,
                "com.acme.cache.LruCacheTest#getReturnsNullWhenMissing", PASSED)),
        arguments(
            "pytest-xunit1.xml",
            Map.of(
                "tests/test_calc.py::test_add", PASSED,
                "tests/test_calc.py::TestClamp::test_upper", FAILED,
                "tests/test_calc.py::TestClamp::test_inside", PASSED,
                "tests/test_net.py::test_network_is_off", PASSED)),
        arguments(
            "pytest-xunit2-collection-error.xml",
            Map.of(
                "tests/test_strict.py", FAILED,
                "tests/test_calc.py::test_add", PASSED,
                "tests/test_calc.py::TestClamp::test_upper", FAILED,
                "tests/unit/test_parse.py::TestDates::test_iso[2024-02-29]", PASSED,
                "tests/unit/test_parse.py::test_windows_only", SKIPPED)),
        arguments(
            "mocha-xunit.xml",
            Map.of(
                "test/router.test.js > Router #match() > matches a static route", PASSED,
                "test/router.test.js > Router #match() > decodes %2F in params", FAILED,
                "test/router.test.js > Router > is pending", SKIPPED,
                "test/smoke.test.js > top-level smoke", PASSED)),
        arguments(
            "vitest-junit.xml",
            Map.of(
                "src/utils/slug.test.ts > slugify > lowercases", PASSED,
                "src/utils/slug.test.ts > slugify > unicode > strips accents", FAILED,
                "src/utils/slug.test.ts > joins words", PASSED)),
        arguments(
            "jest.json",
            Map.of(
                "src/__tests__/duration.test.js > parseDuration > parses minutes", PASSED,
                "src/__tests__/duration.test.js > parseDuration > edge cases > handles empty input",
                    FAILED,
                "src/__tests__/duration.test.js > parseDuration > parses weeks", SKIPPED,
                "src/__tests__/bytes.test.js > formats bytes", PASSED)),
        arguments(
            "go-test.jsonl",
            Map.of(
                "example.com/kv/store/TestPutGet", PASSED,
                "example.com/kv/store/TestExpiry", FAILED,
                "example.com/kv/store/TestExpiry/zero_ttl", FAILED,
                "example.com/kv/store/TestWindowsPaths", SKIPPED)),
        // Captured from go 1.19 (taskmill/go:1.19): a failing subtest and a package whose tests do
        // not build,
        // which go reports as a plain "FAIL ... [build failed]" line among the events.
        arguments(
            "go1.19-test.jsonl",
            Map.of(
                "example.com/kv/store/TestClampLow", PASSED,
                "example.com/kv/store/TestClamp", FAILED,
                "example.com/kv/store/TestClamp/upper", FAILED,
                "example.com/kv/store/TestClamp/inside", PASSED,
                "example.com/kv/store/TestSkipped", SKIPPED)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void eachToolsReportGivesNormalisedIdsAndOutcomes(String file, Map<String, TestOutcome> expected)
      throws Exception {
    assertThat(reader.read(report(file)).asMap()).isEqualTo(expected);
  }

  @Nested
  class RealSurefire {
    /**
     * Written by surefire 3.5.4 with JUnit 5.14 (this project's own StageGateTest, properties
     * trimmed).
     */
    @Test
    void nestedClassesAndParameterizedInvocationsKeepSurefiresNames() throws Exception {
      TestResults results = reader.read(report("surefire-3.5.4-junit5-nested.xml"));

      assertThat(results.size()).isEqualTo(22);
      assertThat(results.ids(PASSED))
          .hasSize(22)
          .contains(
              "dev.taskmill.validation.StageGateTest$BaseTests#failingBaseTestsAreNamedUpToThree",
              "dev.taskmill.validation.StageGateTest#expectedExitCodesPass(StageRole, int)[1]");
    }
  }

  @Nested
  class UntrustedInput {
    @Test
    void aDoctypeWithExternalEntitiesIsRefusedNotExpanded() throws Exception {
      assertThat(reader.read(report("hostile-doctype.xml")).isEmpty()).isTrue();
    }

    @Test
    void garbageAddsNothing(@TempDir Path dir) throws Exception {
      Path junk = Files.writeString(dir.resolve("junk.xml"), "<testsuite><testcase name=");
      assertThat(reader.read(junk).isEmpty()).isTrue();
    }
  }

  @Nested
  class Directories {
    @Test
    void allReportsUnderTheDirectoryAreMergedAndAFailureWinsOverAPass(@TempDir Path dir)
        throws Exception {
      Files.createDirectories(dir.resolve("sub"));
      Files.copy(report("pytest-xunit1.xml"), dir.resolve("a.xml"));
      Files.writeString(
          dir.resolve("sub/b.xml"),
          "<testsuites><testsuite name=\"pytest\">"
              + "<testcase classname=\"tests.test_calc\" name=\"test_add\"><failure/></testcase>"
              + "</testsuite></testsuites>");

      TestResults all = reader.readAll(dir);

      assertThat(all.size()).isEqualTo(4);
      assertThat(all.outcome("tests/test_calc.py::test_add")).isEqualTo(FAILED);
    }

    @Test
    void aMissingDirectoryMeansNoResults(@TempDir Path dir) throws Exception {
      assertThat(reader.readAll(dir.resolve("reports")).isEmpty()).isTrue();
    }
  }

  @Nested
  class ProjectDirectories {
    @Test
    void pathsAreRelativeToTheProjectDirectoryInsideTestbed() {
      ContainerPaths paths = ContainerPaths.forProjectDir("web/");
      assertThat(paths.relative("/testbed/web/src/a.test.js")).isEqualTo("src/a.test.js");
      assertThat(paths.relative("/testbed/other/b.test.js")).isEqualTo("other/b.test.js");
      assertThat(paths.relative("./src/a.test.js")).isEqualTo("src/a.test.js");
    }
  }
}
