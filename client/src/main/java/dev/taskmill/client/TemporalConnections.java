package dev.taskmill.client;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.util.Duration;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.workflowservice.v1.GetClusterInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;

/** Opens service stubs and clients, and tells a real server from the standalone test server. */
public final class TemporalConnections {
  private TemporalConnections() {}

  /**
   * Stubs to {@code settings.address()} with its TLS and API key, reporting Temporal's own metrics
   * to {@code registry} when given.
   */
  public static WorkflowServiceStubs connect(ConnectionSettings settings, MeterRegistry registry) {
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder().setTarget(settings.address());
    secure(options, settings);
    if (registry != null) {
      Scope scope =
          new RootScopeBuilder()
              .reporter(new MicrometerClientStatsReporter(registry))
              .reportEvery(Duration.ofSeconds(10));
      options.setMetricsScope(scope);
    }
    return WorkflowServiceStubs.newServiceStubs(options.build());
  }

  /**
   * TLS (the JVM's trust store, or the given CA), mTLS with a PKCS#8 key, a server name to verify,
   * an API key.
   */
  static void secure(WorkflowServiceStubsOptions.Builder options, ConnectionSettings settings) {
    TlsSettings tls = settings.tls();
    if (tls.enabled()) {
      if (tls.mutual() || tls.serverCaCertPath() != null) {
        options.setSslContext(sslContext(tls));
      } else {
        options.setEnableHttps(true);
      }
      if (tls.serverName() != null) {
        options.setChannelInitializer(channel -> channel.overrideAuthority(tls.serverName()));
      }
    }
    if (settings.apiKey() != null) {
      String key = settings.apiKey();
      options.addApiKey(() -> key);
    }
  }

  static SslContext sslContext(TlsSettings tls) {
    try {
      SimpleSslContextBuilder builder;
      if (tls.mutual()) {
        try (InputStream cert = Files.newInputStream(Path.of(tls.clientCertPath()));
            InputStream key = Files.newInputStream(Path.of(tls.clientKeyPath()))) {
          builder = SimpleSslContextBuilder.forPKCS8(cert, key);
          return withCa(builder, tls).build();
        }
      }
      return withCa(SimpleSslContextBuilder.noKeyOrCertChain(), tls).build();
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot set up TLS from TEMPORAL_TLS_* (" + e.getMessage() + ")", e);
    }
  }

  private static SimpleSslContextBuilder withCa(SimpleSslContextBuilder builder, TlsSettings tls)
      throws IOException, GeneralSecurityException {
    if (tls.serverCaCertPath() == null) {
      return builder;
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream ca = Files.newInputStream(Path.of(tls.serverCaCertPath()))) {
      int i = 0;
      for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(ca)) {
        store.setCertificateEntry("ca-" + i++, cert);
      }
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    return builder.setTrustManager(trust.getTrustManagers()[0]);
  }

  public static WorkflowClient client(WorkflowServiceStubs stubs, ConnectionSettings settings) {
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace(settings.namespace()).build());
  }

  /** True when a Temporal frontend answers at the stubs' address within {@code seconds}. */
  public static boolean answers(WorkflowServiceStubs stubs, long seconds) {
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(seconds, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return true;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() == Status.Code.UNIMPLEMENTED;
    }
  }

  /**
   * The standalone test server does not implement GetClusterInfo; a real server does. Workers
   * attached to the test server need a zero sticky schedule-to-start timeout, or a killed worker's
   * workflows hang (platform notes).
   */
  public static boolean isTestServer(WorkflowServiceStubs stubs) {
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(5, TimeUnit.SECONDS)
          .getClusterInfo(GetClusterInfoRequest.getDefaultInstance());
      return false;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() == Status.Code.UNIMPLEMENTED;
    }
  }
}
