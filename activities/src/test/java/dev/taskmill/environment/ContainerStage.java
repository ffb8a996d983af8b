package dev.taskmill.environment;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs `bash /taskmill/run.sh stage PATCH...` in a fresh container as the stage contract says (test
 * helper).
 */
final class ContainerStage {
  record Result(int exitCode, String log, Path out) {}

  private ContainerStage() {}

  static Result run(
      DockerClient docker, EnvironmentOutput env, Path patchDir, Path out, String... patches)
      throws Exception {
    Files.createDirectories(out);
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
    List<Bind> binds = new ArrayList<>();
    binds.add(Bind.parse(env.runScript() + ":/taskmill/run.sh:ro"));
    binds.add(Bind.parse(out + ":/taskmill/out:rw"));
    for (String patch : new java.util.LinkedHashSet<>(List.of(patches))) {
      binds.add(Bind.parse(patchDir.resolve(patch) + ":/taskmill/patches/" + patch + ":ro"));
    }
    env.mounts().forEach(m -> binds.add(Bind.parse(m.spec())));
    List<String> cmd = new ArrayList<>(List.of("bash", "/taskmill/run.sh", "stage"));
    cmd.addAll(List.of(patches));
    HostConfig host =
        HostConfig.newHostConfig()
            .withNetworkMode("none")
            .withBinds(binds)
            .withMemory(2L << 30)
            .withPidsLimit(1024L)
            .withNanoCPUs(2_000_000_000L);
    String id =
        docker
            .createContainerCmd(env.sampleImage())
            .withUser(env.user())
            .withCmd(cmd)
            .withHostConfig(host)
            .exec()
            .getId();
    try {
      docker.startContainerCmd(id).exec();
      int code =
          docker
              .waitContainerCmd(id)
              .exec(new WaitContainerResultCallback())
              .awaitStatusCode(10, TimeUnit.MINUTES);
      StringBuilder log = new StringBuilder();
      docker
          .logContainerCmd(id)
          .withStdOut(true)
          .withStdErr(true)
          .exec(
              new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                  log.append(
                      new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                }
              })
          .awaitCompletion(1, TimeUnit.MINUTES);
      return new Result(code, log.toString(), out);
    } finally {
      docker.removeContainerCmd(id).withForce(true).exec();
    }
  }
}
