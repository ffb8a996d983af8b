package dev.taskmill.worker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a worker's /metrics page the way Prometheus does, and names the series on it. */
final class MetricsScrape {
  private MetricsScrape() {}

  static String page(MetricsEndpoint endpoint) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("/metrics answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The metric names on the page without the suffixes timers add (_count, _sum, _max, _bucket). */
  static Set<String> names(String page) {
    return page.lines()
        .filter(line -> !line.startsWith("#") && !line.isBlank())
        .map(line -> line.split("[{ ]", 2)[0].replaceAll("_(count|sum|max|bucket)$", ""))
        .collect(Collectors.toSet());
  }
}
