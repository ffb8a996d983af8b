package dev.taskmill.environment.npm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which npm specs point at a git host, and whether a repository loads a package. */
class GitDependenciesTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "someuser/some-tool,true",
    "someuser/some-tool#v1.2,true",
    "github:someuser/some-tool,true",
    "gitlab:group/project,true",
    "git+https://example.com/a/b.git,true",
    "git://example.com/a/b.git,true",
    "https://example.com/a/b.git#main,true",
    "7.0.0,false",
    "^1.2.3,false",
    "@scope/pkg@1,false",
    "file:../local,false",
    "./local,false",
    "npm:other@1,false",
    "https://example.com/pkg.tgz,false",
    "latest,false"
  })
  void tellsAGitHostedSpecFromARegistryOne(String spec, boolean git) {
    assertThat(GitDependencies.isGit(spec)).isEqualTo(git);
  }

  @Test
  void findsThemInEverySectionAndRemovesThemFromTheCopy() throws IOException {
    Path pkg = tmp.resolve("package.json");
    Files.writeString(
        pkg,
        """
        {"name": "x", "dependencies": {"left-pad": "1.3.0", "lib": "github:u/lib"},
         "devDependencies": {"some-tool": "someuser/some-tool", "mocha": "10.4.0"}}
        """);
    var git = GitDependencies.find(pkg);
    assertThat(git)
        .extracting(GitDependencies.GitDependency::describe)
        .containsExactly(
            "dependency lib (\"github:u/lib\")",
            "devDependency some-tool (\"someuser/some-tool\")");
    GitDependencies.remove(pkg, git);
    assertThat(Files.readString(pkg))
        .contains("left-pad", "mocha")
        .doesNotContain("some-tool", "github:u/lib");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "test/a.test.js     | const t = require('some-tool');                | true",
        "test/a.test.mjs    | import { x } from \"some-tool/sub\";           | true",
        "src/a.ts           | const m = await import('some-tool');          | true",
        ".mocharc.json      | {\"require\": [\"some-tool\"]}                  | true",
        "test/a.test.js     | const t = require('some-tool-extra');          | false",
        "node_modules/x/a.js | require('some-tool')                          | false",
        "README.md          | npm i some-tool                                | false"
      })
  void aPackageIsUsedWhenCodeOrATestConfigurationLoadsIt(String file, String text, boolean used)
      throws IOException {
    Path path = tmp.resolve("repo").resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
    assertThat(GitDependencies.used(tmp.resolve("repo"), "some-tool")).isEqualTo(used);
  }
}
