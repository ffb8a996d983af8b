package dev.taskmill.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.taskmill.metrics.TaskmillMetrics;
import io.temporal.worker.MetricsType;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * deploy/: the compose file and Prometheus' configuration parse and fit together (docker compose is
 * not installed everywhere, so this parses them), and the Grafana dashboard queries only series
 * that the worker exports.
 */
class DeployConfigTest {
  static final Path DEPLOY = Path.of("..", "deploy");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Pattern SERIES = Pattern.compile("\\b(?:taskmill|temporal)_[a-z0-9_]+");

  @Nested
  class Compose {
    @Test
    void hasTheServerOnPostgresTheUiScalableWorkersPrometheusAndGrafana() throws IOException {
      JsonNode services =
          YAML.readTree(DEPLOY.resolve("docker-compose.yml").toFile()).path("services");

      assertThat(fieldNames(services))
          .contains("postgresql", "temporal", "temporal-ui", "worker", "prometheus", "grafana");
      assertThat(services.path("temporal").path("environment").path("DB").asText())
          .startsWith("postgres");
      assertThat(services.path("worker").has("ports"))
          .as("a fixed host port would stop --scale")
          .isFalse();
      assertThat(services.path("worker").path("build").path("dockerfile").asText())
          .isEqualTo("deploy/worker.Dockerfile");
      assertThat(services.path("prometheus").path("volumes").toString())
          .contains("./prometheus/prometheus.yml");
      assertThat(services.path("grafana").path("volumes").toString())
          .contains("./grafana/taskmill-dashboard.json");
    }

    @Test
    void prometheusScrapesTheWorkersOnTheirMetricsPort() throws IOException {
      JsonNode jobs =
          YAML.readTree(DEPLOY.resolve("prometheus/prometheus.yml").toFile())
              .path("scrape_configs");
      String workerCommand = java.nio.file.Files.readString(DEPLOY.resolve("worker.Dockerfile"));

      JsonNode worker = jobs.findParent("dns_sd_configs").path("dns_sd_configs").get(0);
      assertThat(worker.path("names").get(0).asText()).isEqualTo("worker");
      assertThat(workerCommand)
          .contains("\"--metrics-port\", \"" + worker.path("port").asInt() + "\"");
    }
  }

  @Nested
  class Kubernetes {
    JsonNode read(String file) throws IOException {
      return YAML.readTree(DEPLOY.resolve("k8s").resolve(file).toFile());
    }

    @Test
    void theManifestsPassTheSchemasOfKubernetesOffline() throws Exception {
      Path tool = Path.of("..", ".tools", "k8s-validate", "1.37.0", "bin", "kubernetes-validate");
      boolean ci = "true".equals(System.getenv("CI"));
      org.junit.jupiter.api.Assumptions.assumeTrue(
          ci || java.nio.file.Files.isExecutable(tool),
          "kubernetes-validate is not installed: bash deploy/k8s/validate.sh --install");
      Process check =
          new ProcessBuilder("bash", DEPLOY.resolve("k8s/validate.sh").toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(check.getInputStream().readAllBytes());
      assertThat(check.waitFor()).as(output).isZero();
      assertThat(output).contains("valid for Kubernetes");
    }

    @Test
    void bothWorkerKindsReadTheConfigMapAndServeTheirQueueAndMetrics() throws IOException {
      String configMap = read("configmap.yaml").path("metadata").path("name").asText();
      for (String kind : List.of("light", "docker")) {
        JsonNode container =
            read("worker-" + kind + ".yaml")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
        assertThat(container.path("envFrom").toString()).contains("\"name\":\"" + configMap + "\"");
        assertThat(container.path("args").toString())
            .contains("\"--queues\",\"" + kind + "\"")
            .contains(
                "\"--metrics-port\",\""
                    + container.path("ports").get(0).path("containerPort").asInt()
                    + "\"");
      }
      assertThat(read("worker-docker.yaml").toString()).contains("/var/run/docker.sock");
    }

    @Test
    void theConfigMapNamesOnlyVariablesTheWorkerReads() throws IOException {
      Set<String> known =
          Set.of(
              "TEMPORAL_ADDRESS",
              "TEMPORAL_NAMESPACE",
              "TEMPORAL_TLS",
              "TASKMILL_CACHE_DIR",
              "TASKMILL_IMAGES_CONFIG",
              "JAVA_TOOL_OPTIONS");
      assertThat(fieldNames(read("configmap.yaml").path("data"))).isSubsetOf(known);
    }

    @Test
    void theAutoscalersScaleTheDeploymentsOnCpuAndSlowlyIn() throws IOException {
      List<JsonNode> autoscalers =
          YAML.readValues(
                  YAML.getFactory().createParser(DEPLOY.resolve("k8s/autoscaling.yaml").toFile()),
                  JsonNode.class)
              .readAll();
      Set<String> targets = new HashSet<>();
      for (JsonNode hpa : autoscalers) {
        targets.add(hpa.path("spec").path("scaleTargetRef").path("name").asText());
        assertThat(hpa.path("spec").path("metrics").get(0).path("resource").path("name").asText())
            .isEqualTo("cpu");
      }
      assertThat(targets)
          .containsExactlyInAnyOrder(
              read("worker-light.yaml").path("metadata").path("name").asText(),
              read("worker-docker.yaml").path("metadata").path("name").asText());
    }
  }

  @Nested
  class Dashboard {
    @Test
    void queriesOnlySeriesTheWorkerExports() throws IOException {
      JsonNode dashboard =
          new ObjectMapper().readTree(DEPLOY.resolve("grafana/taskmill-dashboard.json").toFile());
      List<String> queried = new ArrayList<>();
      for (JsonNode expr : dashboard.findValues("expr")) {
        Matcher matcher = SERIES.matcher(expr.asText());
        while (matcher.find()) {
          queried.add(matcher.group());
        }
      }

      assertThat(queried)
          .as("the dashboard queries taskmill's own series")
          .isNotEmpty()
          .allSatisfy(series -> assertThat(exported()).as(series).contains(base(series)));
      assertThat(queried.stream().map(DeployConfigTest::base))
          .as("every taskmill series has a panel")
          .containsAll(TaskmillMetrics.PROMETHEUS_NAMES);
    }
  }

  /** A series without the suffixes Prometheus adds to a timer or histogram. */
  static String base(String series) {
    return series.replaceAll("_(bucket|count|sum|max)$", "");
  }

  /**
   * taskmill's names, and the SDK's (MetricsType) as Micrometer's Prometheus registry writes them:
   * timers with _seconds, counters with _total, gauges as they are (the SDK does not say which is
   * which, so all three pass).
   */
  static Set<String> exported() {
    Set<String> names = new HashSet<>(TaskmillMetrics.PROMETHEUS_NAMES);
    for (Field field : MetricsType.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          String name = (String) field.get(null);
          names.addAll(List.of(name, name + "_seconds", name + "_total"));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
