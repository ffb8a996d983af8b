package dev.taskmill.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A bare repository over git's "dumb" HTTP protocol (plain files, which JGit's http transport
 * reads), whose requests wait while the gate is closed: a clone through it stays in progress until
 * the test opens the gate, so that a test can kill the worker in the middle of the clone. The
 * repository is made with the git CLI ({@code git clone --bare}, {@code git update-server-info}).
 */
final class GatedGitServer implements AutoCloseable {
  private final HttpServer http;
  private final Path bare;
  private final CountDownLatch firstRequest = new CountDownLatch(1);
  private volatile CountDownLatch gate = new CountDownLatch(1);

  GatedGitServer(Path source, Path bare) throws IOException, InterruptedException {
    this.bare = bare;
    git("clone", "--quiet", "--bare", source.toString(), bare.toString());
    git("-C", bare.toString(), "update-server-info");
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.setExecutor(Executors.newCachedThreadPool());
    http.createContext("/", this::serve);
    http.start();
  }

  String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/" + bare.getFileName();
  }

  /** Waits until a clone has asked for something (and is now held at the gate). */
  void awaitFirstRequest(int seconds) throws InterruptedException {
    if (!firstRequest.await(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("no clone reached " + url() + " within " + seconds + " s");
    }
  }

  /** Lets every request through from now on. */
  void open() {
    gate.countDown();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      firstRequest.countDown();
      try {
        gate.await(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String prefix = "/" + bare.getFileName() + "/";
      Path file =
          path.startsWith(prefix)
              ? bare.resolve(path.substring(prefix.length())).normalize()
              : null;
      if (file == null || !file.startsWith(bare) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = Files.readAllBytes(file);
      // Not git's smart content type, so JGit falls back to the dumb protocol.
      exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException clientGone) {
      // the killed worker's connection: nothing to answer
    }
  }

  private static void git(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }

  @Override
  public void close() {
    open();
    http.stop(0);
  }
}
