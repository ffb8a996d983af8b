package dev.taskmill.validation.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PytestIdsTest {
  @ParameterizedTest(name = "{1} {2} -> {3}")
  @CsvSource(
      nullValues = "null",
      value = {
        // file (xunit1 only), classname, name, id
        "tests/test_calc.py, tests.test_calc.TestClamp,    test_upper,     tests/test_calc.py::TestClamp::test_upper",
        "null,               tests.test_calc.TestClamp,    test_upper,     tests/test_calc.py::TestClamp::test_upper",
        "null,               tests.test_calc,              test_add,       tests/test_calc.py::test_add",
        "null,               tests.Unit.test_io.TestRead,  test_eof,       tests/Unit/test_io.py::TestRead::test_eof",
        "null,               pkg.io_test,                  test_x[a.b-1],  pkg/io_test.py::test_x[a.b-1]",
        "null,               checks.Outer.Inner,           test_y,         checks.py::Outer::Inner::test_y",
        "tests/v1.2/test_api.py, tests.v1.2.test_api.TestGet, test_ok,    tests/v1.2/test_api.py::TestGet::test_ok",
        "null,               '',                           tests.test_strict, tests/test_strict.py",
      })
  void buildsPytestNodeIds(String file, String classname, String name, String id) {
    assertThat(PytestIds.of(file, classname, name)).isEqualTo(id);
  }
}
