package dev.taskmill.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which test ids come from the files a tests.patch touches, for each id form of docs/test-ids.md.
 */
class TestScopeTest {
  static final String PATCH =
      String.join(
          "\n",
          "diff --git a/tests/test_calc.py b/tests/test_calc.py",
          "diff --git a/test/res.send.js b/test/res.send.js",
          "diff --git a/src/test/java/org/acme/CalcTest.java b/src/test/java/org/acme/CalcTest.java",
          "diff --git a/pkg/calc/calc_test.go b/pkg/calc/calc_test.go",
          "");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tests/test_calc.py::test_upper                       | true",
        "tests/test_calc.py::TestClamp::test_upper[1-2]       | true",
        "tests/test_calc_more.py::test_upper                  | false",
        "tests/test_env.py::test_needs_a_pager                | false",
        "test/res.send.js > res > should send                 | true",
        "test/res.sendFile.js > res > should send             | false",
        "org.acme.CalcTest#clamps                             | true",
        "org.acme.CalcTest$Nested#clamps                      | true",
        "org.acme.CalcTestSupport#x                           | false",
        "org.other.CalcTest#clamps                            | false",
        "example.com/m/pkg/calc/TestClamp                     | true",
        "example.com/m/pkg/other/TestClamp                    | false",
      })
  void decidesByTheTouchedFiles(String id, boolean inScope, @TempDir Path dir) throws Exception {
    Path patch = Files.writeString(dir.resolve("tests.patch"), PATCH);
    assertThat(TestScope.ofPatch(patch).contains(id)).isEqualTo(inScope);
  }

  @ParameterizedTest
  @CsvSource({"anything", "tests/x.py::y"})
  void withoutAPatchEveryTestIsInScope(String id) {
    assertThat(TestScope.everything().contains(id)).isTrue();
  }
}
