package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.taskmill.progress.Heartbeat;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API and sdist downloads against a local server: a wrong sha256 keeps no file. */
class PypiFilesTest {
  static final byte[] SDIST = "not really a tarball".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;
  HttpServer server;
  PypiFiles files;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          byte[] body =
              path.equals("/pypi/demo/json")
                  ? "{\"releases\":{}}".getBytes(StandardCharsets.UTF_8)
                  : path.equals("/files/demo-1.0.tar.gz") ? SDIST : null;
          HttpReply.send(exchange, body);
        });
    server.start();
    files =
        new PypiFiles(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), Heartbeat.NONE);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aKnownProjectHasItsDocumentAnUnknownOneSaysSo() throws Exception {
    assertThat(files.project("demo").document().has("releases")).isTrue();
    assertThat(files.project("nowhere").why()).isEqualTo("PyPI does not know nowhere");
  }

  @Test
  void theDownloadIsCheckedAgainstTheListedSha256() throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(SDIST));
    Path file = tmp.resolve("demo-1.0.tar.gz");

    assertThat(
            files.download(
                new SdistRelease("1.0", "demo-1.0.tar.gz", "/files/demo-1.0.tar.gz", sha), file))
        .isNull();
    assertThat(file).hasBinaryContent(SDIST);

    Files.delete(file);
    assertThat(
            files.download(
                new SdistRelease(
                    "1.0", "demo-1.0.tar.gz", "/files/demo-1.0.tar.gz", "00".repeat(32)),
                file))
        .startsWith("the sdist demo-1.0.tar.gz does not match the sha256 PyPI lists");
    assertThat(file).doesNotExist();
    assertThat(
            files.download(
                new SdistRelease("1.0", "demo-1.0.tar.gz", "file:///etc/passwd", sha), file))
        .contains("at a URL taskmill does not fetch");
  }
}
