package dev.taskmill.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The connection read from the temporal CLI's variables: address, namespace, TLS, mTLS, API key.
 */
class ConnectionSettingsTest {
  /** A self-signed certificate and its PKCS#8 key, made with openssl for this test only. */
  static final String CERT =
      Path.of("src/test/resources/tls/client.pem").toAbsolutePath().toString();

  static final String KEY =
      Path.of("src/test/resources/tls/client.key").toAbsolutePath().toString();

  @Nested
  class FromEnvironment {
    @Test
    void nothingSetIsTheLocalDevelopmentServerInPlainText() {
      ConnectionSettings settings = ConnectionSettings.fromEnvironment(null, null, Map.of());
      assertThat(settings.address()).isEqualTo("localhost:7233");
      assertThat(settings.namespace()).isEqualTo("default");
      assertThat(settings.tls().enabled()).isFalse();
      assertThat(settings.describe()).isEqualTo("localhost:7233 (namespace default, plain text)");
    }

    @Test
    void theCommandLineWinsOverTheVariables() {
      ConnectionSettings settings =
          ConnectionSettings.fromEnvironment(
              "other:7233",
              "mine",
              Map.of("TEMPORAL_ADDRESS", "env:7233", "TEMPORAL_NAMESPACE", "envns"));
      assertThat(settings.address()).isEqualTo("other:7233");
      assertThat(settings.namespace()).isEqualTo("mine");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
      "TEMPORAL_TLS,true,TLS",
      "TEMPORAL_TLS_SERVER_NAME,ns.acct.tmprl.cloud,TLS",
      "TEMPORAL_API_KEY,secret-key,'TLS, API key'"
    })
    void anyTlsOptionOrAnApiKeyTurnsTlsOn(String variable, String value, String security) {
      ConnectionSettings settings =
          ConnectionSettings.fromEnvironment(
              null,
              null,
              Map.of(
                  "TEMPORAL_ADDRESS",
                  "ns.acct.tmprl.cloud:7233",
                  "TEMPORAL_NAMESPACE",
                  "ns.acct",
                  variable,
                  value));
      assertThat(settings.tls().enabled()).isTrue();
      assertThat(settings.describe())
          .isEqualTo("ns.acct.tmprl.cloud:7233 (namespace ns.acct, " + security + ")")
          .doesNotContain("secret-key");
      assertThat(settings.toString()).doesNotContain("secret-key");
    }

    @Test
    void mtlsNeedsBothCertificateAndKey() {
      assertThatThrownBy(
              () ->
                  ConnectionSettings.fromEnvironment(
                      null, null, Map.of("TEMPORAL_TLS_CLIENT_CERT_PATH", CERT)))
          .hasMessageContaining("TEMPORAL_TLS_CLIENT_KEY_PATH")
          .hasMessageContaining("only the certificate");
    }
  }

  @Nested
  class Stubs {
    @Test
    void mtlsWithACustomCaBuildsAnSslContext() {
      ConnectionSettings settings =
          ConnectionSettings.fromEnvironment(
              "ns.acct.tmprl.cloud:7233",
              "ns.acct",
              Map.of(
                  "TEMPORAL_TLS_CLIENT_CERT_PATH",
                  CERT,
                  "TEMPORAL_TLS_CLIENT_KEY_PATH",
                  KEY,
                  "TEMPORAL_TLS_SERVER_CA_CERT_PATH",
                  CERT,
                  "TEMPORAL_API_KEY",
                  "k"));
      WorkflowServiceStubsOptions.Builder options =
          WorkflowServiceStubsOptions.newBuilder().setTarget(settings.address());

      TemporalConnections.secure(options, settings);
      WorkflowServiceStubsOptions built = options.build();

      assertThat(built.getSslContext()).isNotNull();
      assertThat(built.getSslContext().isClient()).isTrue();
      assertThat(built.getGrpcMetadataProviders()).hasSize(1);
      assertThat(settings.describe()).contains("mTLS, API key");
    }

    @Test
    void plainTlsUsesTheJvmTrustStore() {
      ConnectionSettings settings =
          ConnectionSettings.fromEnvironment(
              "ns.acct.tmprl.cloud:7233", "ns.acct", Map.of("TEMPORAL_API_KEY", "k"));
      WorkflowServiceStubsOptions.Builder options =
          WorkflowServiceStubsOptions.newBuilder().setTarget(settings.address());
      TemporalConnections.secure(options, settings);
      assertThat(options.build().getEnableHttps()).isTrue();
    }

    @Test
    void anUnreadableCertificateIsOneLine() {
      ConnectionSettings settings =
          ConnectionSettings.fromEnvironment(
              "h:7233",
              null,
              Map.of(
                  "TEMPORAL_TLS_CLIENT_CERT_PATH",
                  "/no/such.pem",
                  "TEMPORAL_TLS_CLIENT_KEY_PATH",
                  KEY));
      assertThatThrownBy(
              () -> TemporalConnections.secure(WorkflowServiceStubsOptions.newBuilder(), settings))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cannot set up TLS from TEMPORAL_TLS_*");
    }
  }
}
