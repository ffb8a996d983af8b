package dev.taskmill.worker;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A Prometheus scrape endpoint at /metrics for the worker's Temporal and taskmill metrics. */
public final class MetricsEndpoint implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpServer server;

  private MetricsEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Serves /metrics on {@code port} (0 picks a free port). */
  public static MetricsEndpoint start(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    MetricsEndpoint endpoint = new MetricsEndpoint(server);
    // taskmill's own meters are recorded on the global registry (TaskmillMetrics); this endpoint
    // serves them too.
    io.micrometer.core.instrument.Metrics.addRegistry(endpoint.registry);
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] body = endpoint.registry.scrape().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return endpoint;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    io.micrometer.core.instrument.Metrics.removeRegistry(registry);
    registry.close();
  }
}
