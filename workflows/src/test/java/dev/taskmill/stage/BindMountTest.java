package dev.taskmill.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BindMountTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/srv/m2:/root/.m2:ro,   /srv/m2,   /root/.m2, true",
    "/srv/npm:/cache/npm:rw, /srv/npm,  /cache/npm, false",
    "/srv/pip:/wheels,       /srv/pip,  /wheels,   true",
  })
  void parsesTheContractForm(String spec, String host, String container, boolean readOnly) {
    assertThat(BindMount.parse(spec)).isEqualTo(new BindMount(host, container, readOnly));
  }

  @ParameterizedTest
  @ValueSource(strings = {"relative:/x:ro", "/x:relative", "/x:/y:rx", "/x", "/x:/y:ro:extra"})
  void refusesAnythingElseNamingIt(String spec) {
    assertThatThrownBy(() -> BindMount.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(spec.split(":")[0]);
  }
}
