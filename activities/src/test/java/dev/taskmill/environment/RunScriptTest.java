package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RunScriptTest {
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path tmp;

  static RunScript script(
      StackKind kind, String framework, String url, String projectDir, List<String> manifests) {
    return new RunScript(
        kind,
        framework,
        url,
        COMMIT,
        projectDir,
        "taskmill-sample/x:0123",
        manifests,
        List.of(dev.taskmill.stage.BindMount.parse("/cache/m2:/taskmill/deps/m2:ro")));
  }

  @Nested
  class EveryStack {
    @ParameterizedTest
    @CsvSource({
      "PYTHON, PYTEST",
      "MAVEN, JUNIT5",
      "MAVEN, JUNIT4",
      "GRADLE, JUNIT5",
      "NPM, MOCHA",
      "NPM, JEST",
      "NPM, VITEST",
      "GO, GO_TEST"
    })
    void isValidBashWithBothModes(StackKind kind, String framework) throws Exception {
      String text =
          script(kind, framework, "https://example.com/a/b.git", "", List.of("x")).render();
      Path file = Files.writeString(tmp.resolve("run.sh"), text);
      assertThat(Bash.run(tmp, "bash -n " + file + " && echo syntax-ok")).contains("syntax-ok");
      assertThat(text)
          .contains("run_stage()", "host_main()", "stage_build()", "stage_test()")
          .contains("--network none", "--pids-limit", "--memory", "--cpus", "timeout");
    }

    @ParameterizedTest
    @EnumSource(StackKind.class)
    void writesMachineReadableReports(StackKind kind) {
      String stage = RunScript.resource("stage-" + kind.template() + ".sh");
      assertThat(stage).contains("$REPORTS");
    }
  }

  @Test
  void namesTheReportOfEachRunner() {
    assertThat(RunScript.resource("stage-python.sh"))
        .contains("--junitxml=$REPORTS/pytest.xml", "coverage json");
    assertThat(RunScript.resource("stage-maven.sh"))
        .contains("surefire-reports", "mvn -o", "COMPILATION ERROR");
    assertThat(RunScript.resource("stage-gradle.sh")).contains("test-results", "--offline");
    assertThat(RunScript.resource("stage-npm.sh"))
        .contains("--reporter xunit", "--json", "--reporter=junit");
    assertThat(RunScript.resource("stage-go.sh")).contains("go test -json", "-coverprofile");
  }

  @Nested
  class HostileRepositoryStrings {
    @Test
    void headerHoldsThemAsDataAndRunsNothing() throws Exception {
      Path marker = tmp.resolve("pwned");
      List<String> names =
          Hostile.names().stream().map(n -> n.replace("/tmp/pwned", marker.toString())).toList();
      for (String name : names) {
        RunScript s = script(StackKind.NPM, "MOCHA", name, name, names);
        String probe =
            s.header() + "printf '%s\\0' \"$REPO_URL\" \"$PROJECT_DIR\" \"${MANIFESTS[@]}\"\n";
        List<String> expected = new ArrayList<>(List.of(name, name));
        expected.addAll(names);
        assertThat(Bash.run(tmp, probe)).isEqualTo(String.join("\0", expected) + "\0");
      }
      assertThat(marker).doesNotExist();
    }

    @Test
    void theWholeScriptStaysValidBash() throws Exception {
      List<String> names = Hostile.names();
      String text = script(StackKind.PYTHON, "PYTEST", names.get(0), names.get(4), names).render();
      Path file = Files.writeString(tmp.resolve("run.sh"), text);
      assertThat(Bash.run(tmp, "bash -n " + file + " && echo syntax-ok")).contains("syntax-ok");
    }

    @Test
    void stageModeWithAHostilePatchNameRunsNothing() throws Exception {
      Path marker = tmp.resolve("pwned");
      String text = script(StackKind.PYTHON, "PYTEST", "u", "", List.of()).render();
      Path file = Files.writeString(tmp.resolve("run.sh"), text);
      // Outside a container the patches are not in /taskmill/patches: the stage stops with exit 3
      // after reading
      // the arguments as data.
      var result =
          Bash.run(
              tmp,
              "TASKMILL_OUT_DIR=" + tmp.resolve("out") + " bash " + file + " stage \"$@\"",
              List.of("$(touch " + marker + ")", "`touch " + marker + "`"));
      assertThat(result.exitCode()).isEqualTo(3);
      assertThat(result.out()).contains("patch not found: /taskmill/patches/$(touch");
      assertThat(marker).doesNotExist();
    }
  }
}
