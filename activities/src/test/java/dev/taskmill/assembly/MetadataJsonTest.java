package dev.taskmill.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * metadata.json, the product's public format, byte for byte: the fixture was written by the
 * key-by-key writer before metadata became records, so any change to the format shows here first.
 */
class MetadataJsonTest {
  static final String GOLDEN = "metadata-golden.json";

  @TempDir Path tmp;

  @Test
  void aSampleWithoutEnrichmentWritesExactlyTheFixture() throws Exception {
    SampleAssemblerTest fixture = new SampleAssemblerTest();
    fixture.tmp = tmp;
    Path out = tmp.resolve(MetadataWriter.FILE);

    MetadataWriter.write(
        fixture.input("acme__calc__pr-42", fixture.workArea("golden")),
        Instant.parse("2026-12-01T10:00:00Z"),
        out);

    String written = Files.readString(out);
    String record = System.getProperty("taskmill.recordMetadataGolden");
    if (record != null) {
      Files.writeString(Path.of(record), written);
    }
    assertThat(written).isEqualTo(resource(GOLDEN));
  }

  static String resource(String name) throws IOException {
    try (InputStream in = MetadataJsonTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
