package dev.taskmill.enrichment.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.diff.Side;
import dev.taskmill.testing.StackFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treesitter.TreeSitterGo;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterTypescript;

class DiffSemanticsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Nested
  class Sides {
    @Test
    void deletedFilesTakeSymbolsFromTheOldContentAndNewFilesFromTheNew() {
      String gone = "def old_helper():\n    return 1\n";
      String added = "class Fresh:\n    def run(self):\n        return 2\n";
      String diff =
          """
          diff --git a/pkg/gone.py b/pkg/gone.py
          deleted file mode 100644
          --- a/pkg/gone.py
          +++ /dev/null
          @@ -1,2 +0,0 @@
          -def old_helper():
          -    return 1
          diff --git a/pkg/fresh.py b/pkg/fresh.py
          new file mode 100644
          --- /dev/null
          +++ b/pkg/fresh.py
          @@ -0,0 +1,3 @@
          +class Fresh:
          +    def run(self):
          +        return 2
          """;
      DiffSemantics semantics =
          DiffSemantics.of(
              diff,
              "",
              (path, side) ->
                  Optional.ofNullable(
                      side == Side.OLD
                          ? Map.of("pkg/gone.py", gone).get(path)
                          : Map.of("pkg/fresh.py", added).get(path)));
      assertThat(semantics.changedSymbols())
          .containsExactly(
              "pkg/gone.py: old_helper", "pkg/fresh.py: Fresh", "pkg/fresh.py: Fresh.run");
      assertThat(semantics.linesAdded()).isEqualTo(3);
      assertThat(semantics.linesRemoved()).isEqualTo(2);
    }

    @Test
    void aRenamedMethodNamesBothItsOldAndItsNewName() {
      String before = "class Calc:\n    def add(self, a, b):\n        return a + b\n";
      String after = "class Calc:\n    def plus(self, a, b):\n        return a + b\n";
      DiffSemantics semantics = new Diffs().modify("calc.py", before, after).asFix();
      assertThat(semantics.files().get(0).hunks().get(0).symbols())
          .extracting(Symbol::qualifiedName)
          .containsExactly("Calc.plus", "Calc.add");
    }

    @Test
    void missingContentIsSaidInTheNoteAndGivesNoSymbols() {
      Diffs diffs = new Diffs().modify("calc.py", "x = 1\n", "x = 2\n");
      DiffSemantics semantics =
          DiffSemantics.of(diffs.text(), "", (path, side) -> Optional.empty());
      assertThat(semantics.files().get(0).symbols()).isEmpty();
      assertThat(semantics.files().get(0).parseNote()).contains("content of calc.py not available");
    }
  }

  @Nested
  class Json {
    @Test
    void serializesToTheDocumentedShape() throws Exception {
      Diffs fix =
          new Diffs()
              .modify(
                  "src/calc.py",
                  "class Calc:\n    def add(self, a, b):\n        return a\n",
                  "class Calc:\n    def add(self, a, b):\n        return a + b\n");
      Diffs tests =
          new Diffs()
              .modify(
                  "tests/test_calc.py",
                  "def test_add():\n    pass\n",
                  "def test_add():\n    assert Calc().add(1, 2) == 3\n");
      DiffSemantics semantics =
          DiffSemantics.of(
              fix.text(),
              tests.text(),
              (path, side) ->
                  fix.contents().apply(path, side).or(() -> tests.contents().apply(path, side)));
      JsonNode json = JSON.readTree(JSON.writeValueAsString(semantics));

      assertThat(fieldNames(json))
          .containsExactly(
              "parser", "filesChanged", "linesAdded", "linesRemoved", "files", "changedSymbols");
      assertThat(json.get("parser").get("python").asText()).isEqualTo("tree-sitter-python 0.25.0");
      assertThat(json.get("filesChanged").asInt()).isEqualTo(2);
      JsonNode file = json.get("files").get(0);
      assertThat(fieldNames(file))
          .containsExactly(
              "path", "role", "language", "linesAdded", "linesRemoved", "hunks", "symbols");
      assertThat(file.get("role").asText()).isEqualTo("fix");
      assertThat(json.get("files").get(1).get("role").asText()).isEqualTo("test");
      assertThat(fieldNames(file.get("hunks").get(0)))
          .containsExactly("oldStart", "oldLines", "newStart", "newLines", "symbols");
      assertThat(fieldNames(file.get("symbols").get(0)))
          .containsExactly("kind", "name", "qualifiedName");
      assertThat(json.get("changedSymbols"))
          .extracting(JsonNode::asText)
          .containsExactly("src/calc.py: Calc.add");
      assertThat(JSON.readValue(JSON.writeValueAsString(semantics), DiffSemantics.class))
          .isEqualTo(semantics);
    }

    private List<String> fieldNames(JsonNode node) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      return names;
    }
  }

  @Nested
  class FromRepository {
    @Test
    void readsBothSidesFromTheBaseAndTheMergeCommit(@TempDir Path dir) throws Exception {
      StackFixtures.Fixture fixture = StackFixtures.python(dir.resolve("repo"));
      Path fixPatch = Files.writeString(dir.resolve("fix.patch"), fixture.fixPatch());
      Path testsPatch = Files.writeString(dir.resolve("tests.patch"), fixture.testsPatch());
      try (var repo = fixture.repo()) {
        DiffSemantics semantics =
            DiffSemantics.of(
                fixture.repo().git().getRepository(),
                fixture.baseCommit(),
                fixture.mergeCommit(),
                fixPatch,
                testsPatch);
        assertThat(semantics.changedSymbols()).containsExactly("calc.py: clamp");
        assertThat(semantics.files())
            .extracting(FileSemantics::path, FileSemantics::role)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("calc.py", "fix"),
                org.assertj.core.groups.Tuple.tuple("tests/test_calc.py", "test"));
        assertThat(semantics.files().get(1).symbols())
            .extracting(Symbol::qualifiedName)
            .containsExactly("test_calc.py", "test_clamp_upper");
        assertThat(semantics.filesChanged()).isEqualTo(2);
        assertThat(semantics.linesAdded())
            .isEqualTo(semantics.files().stream().mapToInt(FileSemantics::linesAdded).sum());
      }
    }

    @Test
    void javaFixtureNamesTheMethodWithItsParameters(@TempDir Path dir) throws Exception {
      StackFixtures.Fixture fixture = StackFixtures.mavenJunit5(dir.resolve("repo"));
      Path fixPatch = Files.writeString(dir.resolve("fix.patch"), fixture.fixPatch());
      try (var repo = fixture.repo()) {
        DiffSemantics semantics =
            DiffSemantics.of(
                fixture.repo().git().getRepository(),
                fixture.baseCommit(),
                fixture.mergeCommit(),
                fixPatch,
                dir.resolve("missing-tests.patch"));
        assertThat(semantics.changedSymbols())
            .containsExactly("src/main/java/fx/Calc.java: Calc.clamp(int,int,int)");
        assertThat(semantics.parser()).containsEntry("java", "javaparser 3.28.2");
      }
    }
  }

  @Nested
  class Parsers {
    @Test
    void namedVersionsAreTheJarsOnTheClasspath() {
      assertThat(jar(com.github.javaparser.JavaParser.class))
          .endsWith("javaparser-core-3.28.2.jar");
      assertThat(jar(TreeSitterPython.class))
          .endsWith(Outliners.TREE_SITTER_PYTHON.replace(' ', '-') + ".jar");
      assertThat(jar(TreeSitterJavascript.class))
          .endsWith(Outliners.TREE_SITTER_JAVASCRIPT.replace(' ', '-') + ".jar");
      assertThat(jar(TreeSitterTypescript.class))
          .endsWith(Outliners.TREE_SITTER_TYPESCRIPT.replace(' ', '-') + ".jar");
      assertThat(jar(TreeSitterGo.class))
          .endsWith(Outliners.TREE_SITTER_GO.replace(' ', '-') + ".jar");
      assertThat(Outliners.JAVAPARSER).isEqualTo("javaparser 3.28.2");
    }

    @Test
    void treeSitterOutlinesRunConcurrently() throws Exception {
      String source = "class A:\n    def m(self):\n        return 1\n";
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Outline>> futures =
            IntStream.range(0, 64)
                .mapToObj(i -> pool.submit(() -> Outliners.outline("a.py", source)))
                .toList();
        for (Future<Outline> future : futures) {
          assertThat(future.get().enclosing(3)).contains(new Symbol("method", "m", "A.m"));
        }
      } finally {
        pool.shutdownNow();
      }
    }

    private String jar(Class<?> type) {
      return type.getProtectionDomain().getCodeSource().getLocation().getPath();
    }
  }
}
