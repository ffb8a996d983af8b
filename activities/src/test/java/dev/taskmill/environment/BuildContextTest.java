package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.testing.FixtureRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildContextTest {
  @TempDir Path tmp;

  @Test
  void exportsHostileFileNamesAsFilesAndRunsNothing() throws Exception {
    Path marker = tmp.resolve("pwned");
    List<String> names =
        List.of(
            "$(touch " + marker + ")",
            "`touch " + marker + "`",
            "a;rm -rf x",
            "quote'\"name",
            "new\nline",
            "sub dir/-rf");
    try (FixtureRepo repo = FixtureRepo.init(tmp.resolve("repo"))) {
      names.forEach(n -> repo.write(n.replace("/", "_").replace("sub dir_", "sub dir/"), "x"));
      repo.write("requirements.txt", "pytest\n");
      String commit = repo.commit("hostile names");
      BuildContext context =
          BuildContext.export(
              repo.git().getRepository(), commit, StackKind.PYTHON, "", tmp.resolve("ctx"));
      for (String n : names) {
        assertThat(
                context
                    .dir()
                    .resolve("repo")
                    .resolve(n.replace("/", "_").replace("sub dir_", "sub dir/")))
            .hasContent("x");
      }
      assertThat(context.manifests()).containsExactly("requirements.txt");
      assertThat(context.dir().resolve("manifests/requirements.txt")).hasContent("pytest");
      assertThat(context.dir().resolve("taskmill/project-dir")).hasContent("");
      assertThat(marker).doesNotExist();
    }
  }

  @Test
  void theManifestHashChangesWithTheManifestsOnly() {
    try (FixtureRepo repo = FixtureRepo.init(tmp.resolve("repo"))) {
      String first =
          repo.write("pom.xml", "<project/>").write("src/A.java", "class A {}").commit("one");
      String sourceOnly = repo.write("src/A.java", "class A { int x; }").commit("two");
      String pomChanged = repo.write("pom.xml", "<project><!-- dep --></project>").commit("three");
      var r = repo.git().getRepository();
      String h1 =
          BuildContext.export(r, first, StackKind.MAVEN, "", tmp.resolve("c1")).manifestHash();
      String h2 =
          BuildContext.export(r, sourceOnly, StackKind.MAVEN, "", tmp.resolve("c2")).manifestHash();
      String h3 =
          BuildContext.export(r, pomChanged, StackKind.MAVEN, "", tmp.resolve("c3")).manifestHash();
      assertThat(h2).isEqualTo(h1);
      assertThat(h3).isNotEqualTo(h1);
    }
  }

  @ParameterizedTest
  @CsvSource({"../escape", "/etc/passwd", "a/../../b", "."})
  void refusesPathsOutsideTheContext(String path) {
    assertThatThrownBy(() -> BuildContext.inside(tmp.resolve("ctx"), path))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "PYTHON, requirements-dev.txt, true", "PYTHON, pyproject.toml, true",
        "PYTHON, src/app.py, false",
    "MAVEN, module/pom.xml, true", "MAVEN, pom.xml.bak, false", "NPM, package-lock.json, true",
    "NPM, node_modules/x/package.json, false", "GO, go.sum, true",
        "GRADLE, gradle/libs.versions.toml, true"
  })
  void knowsWhichFilesAreManifests(StackKind kind, String path, boolean manifest) {
    assertThat(ManifestFiles.select(kind, List.of(path))).hasSize(manifest ? 1 : 0);
  }

  @Test
  void keepsExecutableBitsAndSymlinks() throws Exception {
    try (FixtureRepo repo = FixtureRepo.init(tmp.resolve("repo"))) {
      repo.write("gradlew", "#!/bin/sh\n");
      Files.setPosixFilePermissions(
          repo.dir().resolve("gradlew"),
          java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      repo.git().add().addFilepattern("gradlew").call();
      String commit = repo.commit("wrapper");
      BuildContext context =
          BuildContext.export(
              repo.git().getRepository(), commit, StackKind.GRADLE, "", tmp.resolve("ctx"));
      assertThat(context.dir().resolve("repo/gradlew")).isExecutable();
      assertThat(context.manifests()).contains("gradlew");
    }
  }
}
