package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the Python stage leaves when the project does not install in place (its build backend's
 * plugin is not in the image): the version module a VCS version plugin writes and the metadata
 * entry. Runs taskmill's own script with the host's python3 on a pyproject.toml only, with the user
 * site in a temporary folder; no project code runs.
 */
class PythonStageScriptTest {
  @TempDir Path tmp;

  static Stream<Arguments> projects() {
    return Stream.of(
        Arguments.of(
            "hatch-vcs, dotted keys (python-humanize/humanize)",
            "[project]\nname = \"humanize\"\ndynamic = [\"version\"]\n"
                + "[tool.hatch]\nbuild.hooks.vcs.version-file = \"src/humanize/_version.py\"\n",
            "src/humanize/_version.py",
            "humanize-0.0.0.dist-info"),
        Arguments.of(
            "setuptools-scm version_file",
            "[project]\nname = \"boxes\"\ndynamic = [\"version\"]\n"
                + "[tool.setuptools_scm]\nversion_file = \"src/boxes/_version.py\"\n",
            "src/boxes/_version.py",
            "boxes-0.0.0.dist-info"),
        Arguments.of(
            "setuptools-scm's older write_to",
            "[project]\nname = \"my-boxes\"\ndynamic = [\"version\"]\n"
                + "[tool.setuptools_scm]\nwrite_to = \"src/boxes/version.py\"\n",
            "src/boxes/version.py",
            "my_boxes-0.0.0.dist-info"),
        Arguments.of(
            "a static version and no plugin",
            "[project]\nname = \"boxes\"\nversion = \"1.2.3\"\n",
            null,
            "boxes-1.2.3.dist-info"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projects")
  void leavesTheVersionModuleAndTheMetadata(
      String name, String pyproject, String versionFile, String distInfo) throws Exception {
    Path project = Files.createDirectories(tmp.resolve("project"));
    Files.createDirectories(project.resolve("src/humanize"));
    Files.createDirectories(project.resolve("src/boxes"));
    Files.writeString(project.resolve("pyproject.toml"), pyproject);

    Bash.Result result = register(project);

    assertThat(result.exitCode()).as(result.out()).isZero();
    if (versionFile != null) {
      assertThat(project.resolve(versionFile))
          .content()
          .contains("__version__ = version = \"0.0.0\"", "version_tuple = (0, 0, 0)");
    }
    try (Stream<Path> site = Files.walk(tmp.resolve("userbase"))) {
      assertThat(site.map(p -> p.getFileName().toString())).contains(distInfo);
    }
  }

  @ParameterizedTest(name = "{0} is not written")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"../outside.py", "/tmp/taskmill-absolute.py", "missing-dir/_version.py"})
  void aVersionFileOutsideTheProjectOrItsFoldersIsNotWritten(String target) throws Exception {
    Path project = Files.createDirectories(tmp.resolve("project"));
    Files.writeString(
        project.resolve("pyproject.toml"),
        "[project]\nname = \"boxes\"\ndynamic = [\"version\"]\n"
            + "[tool.setuptools_scm]\nversion_file = \""
            + target
            + "\"\n");

    Bash.Result result = register(project);

    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(project.resolve(target).normalize()).doesNotExist();
  }

  private Bash.Result register(Path project) throws Exception {
    Path stage =
        Files.writeString(tmp.resolve("stage-python.sh"), RunScript.resource("stage-python.sh"));
    String script =
        "set -u\n"
            + "export PYTHONUSERBASE="
            + tmp.resolve("userbase")
            + "\nnote() { printf 'taskmill: %s\\n' \"$*\"; }\n"
            // The image's python is the host's python3 here (3.11, with tomllib, as in the image).
            + "python() { python3 \"$@\"; }\n"
            + "source "
            + stage
            + "\ncd "
            + project
            + "\npython_register_metadata\n";
    return Bash.run(tmp, script, List.of());
  }
}
