package dev.taskmill.environment.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parsers that collect a Python project's test-time requirements, one declaration style per
 * row.
 */
class PythonRequirementsTest {
  @TempDir Path tmp;

  List<String> specs(Map<String, String> files) throws IOException {
    for (var file : files.entrySet()) {
      Path path = tmp.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    return PythonRequirements.collect(tmp).requirements().stream()
        .map(PythonRequirement::spec)
        .toList();
  }

  static Stream<Arguments> declarations() {
    return Stream.of(
        Arguments.of(
            "PEP 621 dependencies and the test extra, not docs",
            Map.of(
                "pyproject.toml",
                """
            [project]
            name = "boxes"
            dependencies = ["attrs>=21", "six"]
            [project.optional-dependencies]
            test = ["pytest-timeout"]
            Testing = ["hypothesis"]
            docs = ["sphinx"]
            """),
            List.of("attrs>=21", "six", "pytest-timeout", "hypothesis")),
        Arguments.of(
            "PEP 735 groups with include-group and the project's own extra",
            Map.of(
                "pyproject.toml",
                """
            [project]
            name = "Boxes"
            [project.optional-dependencies]
            fast = ["ujson"]
            [dependency-groups]
            lint = ["ruff"]
            base = ["iniconfig"]
            test = [{include-group = "base"}, "pytest-mock", "boxes[fast]"]
            """),
            List.of("iniconfig", "pytest-mock", "ujson")),
        Arguments.of(
            "Poetry: names only, python and optional ones left",
            Map.of(
                "pyproject.toml",
                """
            [tool.poetry]
            name = "boxes"
            [tool.poetry.dependencies]
            python = "^3.8"
            requests = "^2.31"
            ujson = { version = "*", optional = true }
            [tool.poetry.group.test.dependencies]
            pytest-mock = "^3"
            """),
            List.of("requests", "pytest-mock")),
        Arguments.of(
            "setup.cfg install_requires and the tests extra",
            Map.of(
                "setup.cfg",
                """
            [metadata]
            name = boxes
            [options]
            install_requires =
                attrs>=21
                six ; python_version < "4"
            [options.extras_require]
            tests =
                pytest-xdist
            docs = sphinx
            """),
            List.of("attrs>=21", "six ; python_version < \"4\"", "pytest-xdist")),
        Arguments.of(
            "setup.py literal lists only",
            Map.of(
                "setup.py",
                """
            from setuptools import setup
            setup(name="boxes", install_requires=["attrs>=21", 'six'], tests_require=["mock"])
            """),
            List.of("attrs>=21", "six", "mock")),
        Arguments.of(
            "requirements files, includes, hashes; docs and lint files left out",
            Map.of(
                "requirements.txt",
                    "attrs==23.1.0 \\\n    --hash=sha256:abc\n-r requirements/base.txt\n-e .\n"
                        + "git+https://example.com/x.git#egg=x\nsix  # a comment\n",
                "requirements/base.txt", "--index-url https://example.com/simple\niniconfig\n",
                "requirements/test.in", "pytest-mock\n",
                "requirements-docs.txt", "sphinx\n",
                "requirements-lint.txt", "ruff\n"),
            List.of("attrs==23.1.0", "iniconfig", "six", "pytest-mock")),
        Arguments.of(
            "a dev file's includes of the docs' and the linters' pins are left out (pallets/jinja)",
            Map.of(
                "requirements/dev.txt", "-r docs.txt\n-r tests.txt\n-r typing.txt\npre-commit\n",
                "requirements/docs.txt", "markupsafe==2.1.1\nsphinx==4.5.0\n",
                "requirements/tests.txt", "pytest==7.1.2\n",
                "requirements/typing.txt", "mypy==0.961\n"),
            List.of("pytest==7.1.2", "pre-commit")),
        Arguments.of(
            "tox.ini: plain deps, -r, extras; factor lines and substitutions left to tox",
            Map.of(
                "tox.ini",
                    """
                [testenv]
                deps =
                    pytest-mock
                    py38: pytest<7
                    {[base]deps}
                    -r{toxinidir}/requirements-test.txt
                extras = testing
                """,
                "requirements-test.txt", "freezegun\n",
                "pyproject.toml",
                    "[project]\nname = \"boxes\"\n[project.optional-dependencies]\ntesting = [\"responses\"]\n"),
            List.of("responses", "freezegun", "pytest-mock")),
        Arguments.of(
            "pytest plugins from pytest.ini",
            Map.of(
                "pytest.ini",
                """
            [pytest]
            addopts = -p pytest_randomly -p no:cacheprovider -p myproject.plugin --timeout=30 -n auto
            required_plugins = pytest-mock>=3 pytest-env
            asyncio_mode = auto
            """),
            List.of(
                "pytest-mock>=3",
                "pytest-env",
                "pytest-randomly",
                "pytest-timeout",
                "pytest-xdist",
                "pytest-asyncio")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("declarations")
  void collectsWhatTheProjectDeclaresForItsTests(
      String name, Map<String, String> files, List<String> expected) throws IOException {
    assertThat(specs(files)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void pluginsAreMarkedAsNeededAndAPluginDeclaredTwiceKeepsTheMark() throws IOException {
    specs(
        Map.of(
            "pyproject.toml",
            """
        [project]
        name = "boxes"
        [project.optional-dependencies]
        test = ["pytest-timeout"]
        [tool.pytest.ini_options]
        addopts = ["--timeout=60"]
        """));
    var collected = PythonRequirements.collect(tmp).requirements();
    assertThat(collected)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.name()).isEqualTo("pytest-timeout");
              assertThat(r.plugin()).isTrue();
            });
  }

  @Test
  void aBrokenPyprojectIsOneNoteNotACrash() throws IOException {
    Files.writeString(tmp.resolve("pyproject.toml"), "[project\nname = ");
    Files.writeString(tmp.resolve("requirements.txt"), "six\n");
    var collected = PythonRequirements.collect(tmp);
    assertThat(collected.requirements()).extracting(PythonRequirement::spec).containsExactly("six");
    assertThat(collected.notes())
        .singleElement()
        .asString()
        .startsWith("pyproject.toml is not valid TOML")
        .doesNotContain("\n");
  }

  @Nested
  class OneLine {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        nullValues = "-",
        value = {
          "attrs>=21                      | attrs          | attrs>=21",
          "Foo.Bar_baz[Extra] ~= 1.2      | foo-bar-baz    | Foo.Bar_baz[Extra] ~= 1.2",
          "six; python_version<'3'        | six            | six; python_version<'3'",
          "zope.interface (>=5)           | zope-interface | zope.interface (>=5)",
          "# only a comment               | -              | -",
          "-e .                           | -              | -",
          "--index-url https://x/simple   | -              | -",
          "./vendor/pkg                   | -              | -",
          "pkg @ https://example.com/p.whl | -             | -",
          "git+https://example.com/x.git  | -              | -",
          "not a requirement              | -              | -"
        })
    void parsesARequirementLineOrSkipsIt(String line, String name, String spec) {
      var parsed = PythonRequirement.parse(line, "t", false);
      if (name == null) {
        assertThat(parsed).isEmpty();
      } else {
        assertThat(parsed)
            .get()
            .satisfies(
                r -> {
                  assertThat(r.name()).isEqualTo(name);
                  assertThat(r.spec()).isEqualTo(spec);
                });
      }
    }
  }

  @Nested
  class Imports {
    @Test
    void findsTopLevelModulesOfImportAndFromLines() {
      assertThat(
              PythonImports.modulesIn(
                  """
          import os, attr as a
          from dateutil.parser import parse
          from . import sibling
              import yaml
          x = "import nothing"
          """))
          .containsExactlyInAnyOrder("os", "attr", "dateutil", "yaml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
      "attrs,attr",
      "python-dateutil,dateutil",
      "PyYAML,yaml",
      "pytest-timeout,pytest_timeout",
      "Pillow,PIL",
      "typing_extensions,typing_extensions"
    })
    void knowsTheModuleOfADistribution(String distribution, String module) {
      assertThat(PythonImports.modulesOf(distribution)).contains(module);
    }

    @Test
    void scansTheRepositoryButNotVirtualenvs() throws IOException {
      Files.createDirectories(tmp.resolve("pkg"));
      Files.createDirectories(tmp.resolve(".venv/lib"));
      Files.writeString(tmp.resolve("pkg/a.py"), "import attr\n");
      Files.writeString(tmp.resolve(".venv/lib/b.py"), "import secret_vendored\n");
      assertThat(PythonImports.scan(tmp)).isEqualTo(Set.of("attr"));
    }
  }

  @Nested
  class RequirementsFileSelection {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "requirements.txt,true",
      "requirements-dev.txt,true",
      "requirements/test.txt,true",
      "requirements-docs.txt,false",
      "requirements/lint.txt,false",
      "requirements_typing.txt,false"
    })
    void keepsWhatTheTestsUse(String file, boolean kept) {
      assertThat(RequirementsFiles.forTests(file)).isEqualTo(kept);
    }
  }

  @Nested
  class Ini {
    @Test
    void readsContinuationLinesAndBothSeparators() {
      IniFile ini = IniFile.parse("[a]\nkey: one\n  two\n; comment\nother = x = y\n[b]\n");
      assertThat(ini.lines("a", "key")).containsExactly("one", "two");
      assertThat(ini.get("a", "other")).contains("x = y");
      assertThat(ini.keys("b")).isEmpty();
    }
  }
}
