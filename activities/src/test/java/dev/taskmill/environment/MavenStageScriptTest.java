package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Maven stage's decisions (exit 4 for a compilation failure, 1 for failing tests, the test
 * selection, no stale reports from a rerun's snapshot), with a stand-in {@code mvn} on the PATH:
 * this runs taskmill's own script, never a project's build, so it needs no container.
 */
class MavenStageScriptTest {
  @TempDir Path tmp;

  private Path project;

  @BeforeEach
  void project() throws Exception {
    project = Files.createDirectories(tmp.resolve("project"));
    Files.writeString(project.resolve("pom.xml"), "<project/>");
    Files.createDirectories(tmp.resolve("bin"));
    Files.createDirectories(tmp.resolve("out/reports"));
    Files.createDirectories(tmp.resolve("out/coverage"));
  }

  /** A stand-in mvn: records its arguments, then runs {@code body}. */
  private void mvn(String body) throws Exception {
    Path mvn =
        Files.writeString(
            tmp.resolve("bin/mvn"),
            "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > "
                + tmp.resolve("mvn-args")
                + "\n"
                + body
                + "\n");
    mvn.toFile().setExecutable(true);
  }

  private Bash.Result stageTest(String selected) throws Exception {
    return stageTest(selected, "");
  }

  private Bash.Result stageTest(String selected, String env) throws Exception {
    Path stage =
        Files.writeString(tmp.resolve("stage-maven.sh"), RunScript.resource("stage-maven.sh"));
    String script =
        "set -u\n"
            + RunScript.contractHeader()
            + "export PATH="
            + tmp.resolve("bin")
            + ":$PATH\n"
            + "OUT="
            + tmp.resolve("out")
            + " REPORTS="
            + tmp.resolve("out/reports")
            + " COVERAGE="
            + tmp.resolve("out/coverage")
            + " DEPS=/nonexistent\n"
            + "note() { printf 'taskmill: %s\\n' \"$*\"; }\n"
            + "SELECTED_IDS=("
            + selected
            + ")\n"
            + env
            + "source "
            + stage
            + "\ncd "
            + project
            + "\nstage_test\necho \"rc=$?\"\n";
    return Bash.run(tmp, script, List.of());
  }

  @Test
  void aCompilationFailureIsExit4() throws Exception {
    mvn(
        "echo '[ERROR] COMPILATION ERROR :'; echo '[ERROR] Foo.java:[3,1] cannot find symbol'; exit 1");

    assertThat(stageTest("").out()).contains("rc=4");
  }

  @Test
  void failingTestsWithReportsAreExit1AndTheirReportsAreCollected() throws Exception {
    mvn(
        "mkdir -p target/surefire-reports && echo '<testsuite/>' > target/surefire-reports/TEST-a.FooTest.xml; exit 1");

    assertThat(stageTest("").out()).contains("rc=1");
    assertThat(tmp.resolve("out/reports/1-TEST-a.FooTest.xml")).exists();
  }

  @Test
  void aFailureWithoutAnyReportIsExit4() throws Exception {
    mvn("echo '[ERROR] Failed to execute goal'; exit 1");

    assertThat(stageTest("").out()).contains("rc=4");
  }

  @Test
  void selectedIdsBecomeOneSurefireMethodEachWithoutTheirDisplayParts() throws Exception {
    mvn("exit 0");

    stageTest(
        "'a.FooTest#m(String, int)[1]' 'a.FooTest#m(String, int)[2]' 'a.BarTest#n' 'a.BazTest#p[3]'");

    assertThat(Files.readAllLines(tmp.resolve("mvn-args")))
        .contains("-Dtest=a.BarTest#n,a.BazTest#p,a.FooTest#m");
  }

  @Test
  void aRerunOnItsSnapshotDoesNotReportTheFirstRunsFilesAgain() throws Exception {
    Path old = Files.createDirectories(project.resolve("target/surefire-reports"));
    Files.writeString(old.resolve("TEST-a.OldTest.xml"), "<testsuite/>");
    mvn(
        "mkdir -p target/surefire-reports && echo '<testsuite/>' > target/surefire-reports/TEST-a.FooTest.xml");

    assertThat(stageTest("a.FooTest#m").out()).contains("rc=0");
    try (var reports = Files.list(tmp.resolve("out/reports"))) {
      assertThat(reports.map(p -> p.getFileName().toString()))
          .containsExactly("1-TEST-a.FooTest.xml");
    }
  }

  @Nested
  class FromASnapshot {
    private static final String FROM_SNAPSHOT = "export TASKMILL_FROM_SNAPSHOT=1\n";

    @Test
    void oneModuleRunsSurefireAloneOnTheClassesTheSnapshotHolds() throws Exception {
      mvn(
          "mkdir -p target/surefire-reports && echo '<testsuite/>' > target/surefire-reports/TEST-a.FooTest.xml");

      assertThat(stageTest("a.FooTest#m", FROM_SNAPSHOT).out()).contains("rc=0");
      assertThat(Files.readAllLines(tmp.resolve("mvn-args")))
          .contains("surefire:test")
          .doesNotContain("test");
    }

    @Test
    void aFirstRunRunsTheWholeLifecycle() throws Exception {
      mvn("exit 0");

      stageTest("a.FooTest#m");

      assertThat(Files.readAllLines(tmp.resolve("mvn-args")))
          .contains("test")
          .doesNotContain("surefire:test");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "<project><modules><module>core</module></modules></project>",
          "<project><properties><argLine>-Xmx1g</argLine></properties></project>"
        })
    void aReactorOrAnArgLineKeepsTheLifecycle(String pom) throws Exception {
      Files.writeString(project.resolve("pom.xml"), pom);
      mvn("exit 0");

      stageTest("a.FooTest#m", FROM_SNAPSHOT);

      assertThat(Files.readAllLines(tmp.resolve("mvn-args")))
          .contains("test")
          .doesNotContain("surefire:test");
    }

    @Test
    void surefireWithoutAnyReportFallsBackToTheLifecycle() throws Exception {
      mvn(
          "if [[ \" $* \" == *' surefire:test '* ]]; then exit 1; fi\n"
              + "mkdir -p target/surefire-reports && echo '<testsuite/>' > target/surefire-reports/TEST-a.FooTest.xml");

      Bash.Result result = stageTest("a.FooTest#m", FROM_SNAPSHOT);

      assertThat(result.out()).contains("the whole lifecycle instead").contains("rc=0");
      assertThat(Files.readAllLines(tmp.resolve("mvn-args"))).contains("test");
    }
  }
}
