package dev.taskmill.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON Schemas (draft 2020-12) of a sample's documents, loaded from the classpath ({@code
 * dev/taskmill/schemas/}, copied there by the build from {@code docs/schemas/}).
 */
public final class SampleSchemas {
  public static final String RESOURCE_DIR = "/dev/taskmill/schemas/";
  public static final String TRAJECTORY = "trajectory.schema.json";
  public static final String METADATA = "metadata.schema.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SampleSchemas INSTANCE = new SampleSchemas();

  private final Schema trajectory;
  private final Schema metadata;

  private SampleSchemas() {
    // Error paths as JSONPath ($.steps[2].phase), the form the verify report prints.
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
    trajectory = registry.getSchema(read(TRAJECTORY));
    metadata = registry.getSchema(read(METADATA));
  }

  public static SampleSchemas get() {
    return INSTANCE;
  }

  /** The schema document as a tree, from the classpath. */
  public static JsonNode read(String name) {
    try (InputStream in = SampleSchemas.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + RESOURCE_DIR + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The violations of ideal_trajectory.json or failed_trajectory.json, each as "JSON path:
   * message".
   */
  public List<String> validateTrajectory(JsonNode document) {
    return describe(trajectory.validate(document));
  }

  /** The violations of metadata.json, each as "JSON path: message". */
  public List<String> validateMetadata(JsonNode document) {
    return describe(metadata.validate(document));
  }

  private static List<String> describe(List<Error> errors) {
    return errors.stream().map(SampleSchemas::describe).toList();
  }

  /** One violation as "JSON path: message". */
  public static String describe(Error error) {
    String path =
        error.getInstanceLocation() == null ? "$" : error.getInstanceLocation().toString();
    String message = error.getMessage();
    return message.startsWith(path) ? message : path + ": " + message;
  }
}
