package dev.taskmill.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taskmill.testing.FixtureRepo;
import io.temporal.failure.ApplicationFailure;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.AcceptAllPublickeyAuthenticator;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.UploadPack;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ssh:// URLs through JGit's Apache MINA sshd transport, against an sshd server in the test that
 * serves git-upload-pack from a fixture repository (no sshd binary, no network beyond loopback).
 */
class SshCloneTest {
  @TempDir Path tmp;
  SshServer server;
  SshSessionFactory previous;

  @BeforeEach
  void startServer() throws IOException {
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(tmp.resolve("host-key")));
    server.setPublickeyAuthenticator(AcceptAllPublickeyAuthenticator.INSTANCE);
    server.setCommandFactory((channel, command) -> new UploadPackCommand(command));
    server.start();
    previous = SshSessionFactory.getInstance();
  }

  @AfterEach
  void stopServer() throws IOException {
    SshSessionFactory.setInstance(previous);
    server.stop(true);
  }

  @Test
  void theTransportIsThereWithoutAnySetup() {
    assertThat(SshSessionFactory.getInstance().getClass().getName()).contains("sshd");
  }

  @Test
  void anSshUrlIsClonedThroughTheSshdTransport() throws Exception {
    trustEveryHostWithAFreshKey();
    try (FixtureRepo origin = FixtureRepo.init(tmp.resolve("origin"))) {
      String commit = origin.write("a.txt", "1").commit("first");
      String url = "ssh://git@127.0.0.1:" + port() + origin.dir().toAbsolutePath();
      RepositoryCache cache = new RepositoryCache(tmp.resolve("cache"));

      try (Repository clone = cache.open(RepoLocation.parse(url), null, commit)) {
        assertThat(clone.getObjectDatabase().has(ObjectId.fromString(commit))).isTrue();
      }
    }
  }

  @Test
  void anUnknownHostIsOneLineNotAnNpe() {
    // The default factory: the test server's host key is in no known_hosts, so the connection is
    // refused.
    String url = "ssh://git@127.0.0.1:" + port() + "/nowhere.git";
    RepositoryCache cache = new RepositoryCache(tmp.resolve("cache"));

    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class, () -> cache.open(RepoLocation.parse(url), null).close());

    assertThat(failure.getType()).isEqualTo("REPO_UNREACHABLE");
    assertThat(failure.getOriginalMessage())
        .contains("127.0.0.1")
        .doesNotContain("\n")
        .doesNotContain("NullPointerException")
        .doesNotContain("this.sch");
  }

  private int port() {
    return ((InetSocketAddress) server.getBoundAddresses().iterator().next()).getPort();
  }

  /** A client identity made here and a host-key database that trusts the test server. */
  private void trustEveryHostWithAFreshKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair identity = generator.generateKeyPair();
    File home = tmp.resolve("home").toFile();
    SshSessionFactory.setInstance(
        new SshdSessionFactoryBuilder()
            .setHomeDirectory(home)
            .setSshDirectory(new File(home, ".ssh"))
            .setDefaultKeysProvider(dir -> List.of(identity))
            .setServerKeyDatabase(
                (h, s) ->
                    new ServerKeyDatabase() {
                      @Override
                      public List<PublicKey> lookup(
                          String connectAddress,
                          InetSocketAddress remoteAddress,
                          Configuration config) {
                        return List.of();
                      }

                      @Override
                      public boolean accept(
                          String connectAddress,
                          InetSocketAddress remoteAddress,
                          PublicKey serverKey,
                          Configuration config,
                          CredentialsProvider provider) {
                        return true;
                      }
                    })
            .build(null));
  }

  /** Serves "git-upload-pack '/path'" with JGit's UploadPack. */
  private static final class UploadPackCommand implements Command, Runnable {
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    UploadPackCommand(String command) {
      this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      new Thread(this, "test-upload-pack").start();
    }

    @Override
    public void run() {
      String path = command.replaceFirst("^git-upload-pack\\s+", "").replace("'", "");
      try (Repository repository =
          new FileRepositoryBuilder().setWorkTree(new File(path)).setMustExist(true).build()) {
        new UploadPack(repository).upload(in, out, err);
        out.flush();
        exit.onExit(0);
      } catch (IOException | RuntimeException e) {
        exit.onExit(1, String.valueOf(e.getMessage()));
      }
    }

    @Override
    public void destroy(ChannelSession channel) {
      // the thread ends with its streams
    }
  }
}
