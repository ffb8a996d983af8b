package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.failure.FailureType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** README's exit-code table lists every code the CLI can exit with, and no other. */
class ExitCodeTableTest {
  @Test
  void theReadmeTableMatchesTheCodes() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String table = readme.substring(readme.indexOf("### Exit codes"));
    Matcher row =
        Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(table.substring(0, table.indexOf("\n\n##")));
    Set<Integer> documented = new java.util.TreeSet<>();
    while (row.find()) {
      documented.add(Integer.parseInt(row.group(1)));
    }

    Set<Integer> used =
        Arrays.stream(FailureType.values()).map(FailureType::exitCode).collect(Collectors.toSet());
    used.addAll(
        Set.of(
            0,
            TaskmillCli.INTERNAL,
            2,
            UserError.SERVER_UNREACHABLE,
            UserError.NOT_FOUND,
            VerifyCommand.FAILED,
            UserError.SERVER_GONE,
            EvaluateCommand.INCOMPLETE,
            ExportCommand.INVALID,
            BatchFile.INVALID,
            BatchBoard.NO_SAMPLE));

    assertThat(documented).isEqualTo(new java.util.TreeSet<>(used));
  }
}
