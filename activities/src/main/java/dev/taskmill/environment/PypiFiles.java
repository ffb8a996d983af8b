package dev.taskmill.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.progress.Heartbeat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * PyPI's JSON API and its files, read by the JVM: a project's document, and an sdist downloaded
 * with the sha256 the document lists checked. Nothing fetched here is run.
 */
final class PypiFiles {
  private static final long MAX_SDIST_BYTES = 256L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A project's JSON document, or why there is none. */
  record Project(JsonNode document, String why) {}

  private final URI pypi;
  private final Heartbeat heartbeat;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(15))
          .build();

  PypiFiles(URI pypi, Heartbeat heartbeat) {
    this.pypi = pypi;
    this.heartbeat = heartbeat;
  }

  /** {@code pypi/<name>/json}; a 404 means PyPI does not know the name. */
  Project project(String name) throws IOException {
    HttpResponse<InputStream> answer = get(pypi.resolve("pypi/" + name + "/json"));
    try (InputStream body = answer.body()) {
      if (answer.statusCode() == 404) {
        return new Project(null, "PyPI does not know " + name);
      }
      if (answer.statusCode() != 200) {
        return new Project(
            null, "PyPI's JSON API answered " + answer.statusCode() + " for " + name);
      }
      return new Project(JSON.readTree(body), null);
    }
  }

  /** Downloads the sdist and checks its sha256; returns why not, or null. */
  String download(SdistRelease sdist, Path file) throws IOException {
    URI url = pypi.resolve(sdist.url());
    if (!url.getScheme().matches("https?")) {
      return "PyPI lists the sdist of " + sdist.filename() + " at a URL taskmill does not fetch";
    }
    heartbeat.beat("downloading " + sdist.filename());
    HttpResponse<InputStream> answer = get(url);
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream body = new DigestInputStream(answer.body(), sha256)) {
      if (answer.statusCode() != 200) {
        return "the download of " + sdist.filename() + " answered " + answer.statusCode();
      }
      try (OutputStream to = Files.newOutputStream(file)) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = body.read(buffer)) > 0; ) {
          total += n;
          if (total > MAX_SDIST_BYTES) {
            to.close();
            Files.deleteIfExists(file);
            return "the sdist "
                + sdist.filename()
                + " is larger than "
                + (MAX_SDIST_BYTES >> 20)
                + " MiB";
          }
          to.write(buffer, 0, n);
        }
      }
    }
    String actual = HexFormat.of().formatHex(sha256.digest());
    if (!actual.equalsIgnoreCase(sdist.sha256())) {
      Files.deleteIfExists(file);
      return "the sdist "
          + sdist.filename()
          + " does not match the sha256 PyPI lists (got "
          + actual.substring(0, 12)
          + "..., expected "
          + sdist.sha256().substring(0, Math.min(12, sdist.sha256().length()))
          + "...)";
    }
    return null;
  }

  private HttpResponse<InputStream> get(URI url) throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(url)
              .timeout(Duration.ofMinutes(2))
              .header("User-Agent", "taskmill")
              .header("Accept", "application/json, */*")
              .build(),
          HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + url, e);
    }
  }
}
