package dev.taskmill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.EncodingKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The typed outcome travels as the words the board carried as a String, so old and new CLIs and
 * workers agree.
 */
class ProgressJsonTest {
  @ParameterizedTest
  @EnumSource(RunOutcome.class)
  void writesTheOldWord(RunOutcome outcome) {
    Progress progress = new Progress(List.of(), "done", outcome, "/s/task-1");
    String json =
        DefaultDataConverter.STANDARD_INSTANCE
            .toPayload(progress)
            .orElseThrow()
            .getData()
            .toString(StandardCharsets.UTF_8);

    assertThat(json).contains("\"outcome\":\"" + outcome.word() + "\"");
  }

  @ParameterizedTest
  @EnumSource(RunOutcome.class)
  void readsTheOldWord(RunOutcome outcome) {
    // What a worker from before the enum answers to the progress query.
    String json =
        "{\"phases\":[],\"detail\":\"\",\"outcome\":\"" + outcome.word() + "\",\"sampleDir\":null}";
    Payload payload =
        Payload.newBuilder()
            .putMetadata(EncodingKeys.METADATA_ENCODING_KEY, ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFromUtf8(json))
            .build();

    Progress read =
        DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, Progress.class, Progress.class);

    assertThat(read.outcome()).isEqualTo(outcome);
  }
}
