package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShellQuoteTest {
  @TempDir Path tmp;

  static List<String> hostile() {
    return Hostile.names();
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void bashReadsBackExactlyTheStringAndRunsNothing(String value) throws Exception {
    Path marker = tmp.resolve("pwned");
    String text = value.replace("/tmp/pwned", marker.toString());
    String out = Bash.run(tmp, ShellQuote.assign("V", text) + "\nprintf '%s' \"$V\"");
    assertThat(out).isEqualTo(text);
    assertThat(marker).doesNotExist();
  }

  @Test
  void arraysKeepEachElementWhole() throws Exception {
    List<String> values = List.of("a b", "c'd", "$(id)", "");
    String out = Bash.run(tmp, "A=" + ShellQuote.array(values) + "\nprintf '<%s>' \"${A[@]}\"");
    assertThat(out).isEqualTo("<a b><c'd><$(id)><>");
  }

  @Test
  void refusesNulAndBadVariableNames() {
    assertThatThrownBy(() -> ShellQuote.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShellQuote.assign("A;B", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesNoFileEvenWhenTheWholeListIsEvaluated() throws Exception {
    Path marker = tmp.resolve("pwned");
    List<String> values =
        hostile().stream().map(v -> v.replace("/tmp/pwned", marker.toString())).toList();
    Bash.run(tmp, "A=" + ShellQuote.array(values) + "\nfor a in \"${A[@]}\"; do :; done");
    assertThat(marker).doesNotExist();
    assertThat(Files.list(tmp)).isEmpty();
  }
}
