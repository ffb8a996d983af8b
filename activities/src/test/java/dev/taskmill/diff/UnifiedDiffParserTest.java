package dev.taskmill.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffParserTest {
  @Test
  void newFileHasOnlyAddedLines() {
    String diff =
        """
        diff --git a/src/new.py b/src/new.py
        new file mode 100644
        index 0000000..3b18e51
        --- /dev/null
        +++ b/src/new.py
        @@ -0,0 +1,2 @@
        +def f():
        +    return 1
        """;
    PatchFile file = UnifiedDiffParser.parse(diff).get(0);
    assertThat(file.change()).isEqualTo(PatchFile.Change.ADDED);
    assertThat(file.oldPath()).isNull();
    assertThat(file.path()).isEqualTo("src/new.py");
    assertThat(file.hunks().get(0).addedLines()).containsExactly(1, 2);
    assertThat(file.hunks().get(0).removedLines()).isEmpty();
  }

  @Test
  void deletedFileHasOnlyRemovedLinesAndKeepsItsOldPath() {
    String diff =
        """
        diff --git a/lib/gone.js b/lib/gone.js
        deleted file mode 100644
        index 3b18e51..0000000
        --- a/lib/gone.js
        +++ /dev/null
        @@ -1,3 +0,0 @@
        -function gone() {
        -  return 1;
        -}
        """;
    PatchFile file = UnifiedDiffParser.parse(diff).get(0);
    assertThat(file.change()).isEqualTo(PatchFile.Change.DELETED);
    assertThat(file.newPath()).isNull();
    assertThat(file.path()).isEqualTo("lib/gone.js");
    assertThat(file.linesRemoved()).isEqualTo(3);
    assertThat(file.hunks().get(0).removedLines()).containsExactly(1, 2, 3);
  }

  @Test
  void renameWithAndWithoutChanges() {
    String diff =
        """
        diff --git a/old/name.py b/new/name.py
        similarity index 80%
        rename from old/name.py
        rename to new/name.py
        index 1111111..2222222 100644
        --- a/old/name.py
        +++ b/new/name.py
        @@ -1,2 +1,2 @@
         def f():
        -    return 1
        +    return 2
        diff --git a/a.txt b/docs/a.txt
        similarity index 100%
        rename from a.txt
        rename to docs/a.txt
        """;
    List<PatchFile> files = UnifiedDiffParser.parse(diff);
    assertThat(files)
        .extracting(PatchFile::change)
        .containsExactly(PatchFile.Change.RENAMED, PatchFile.Change.RENAMED);
    assertThat(files.get(0).oldPath()).isEqualTo("old/name.py");
    assertThat(files.get(0).newPath()).isEqualTo("new/name.py");
    assertThat(files.get(0).hunks().get(0).removedLines()).containsExactly(2);
    assertThat(files.get(0).hunks().get(0).addedLines()).containsExactly(2);
    assertThat(files.get(1).oldPath()).isEqualTo("a.txt");
    assertThat(files.get(1).newPath()).isEqualTo("docs/a.txt");
    assertThat(files.get(1).hunks()).isEmpty();
  }

  @Test
  void multipleHunksNumberEachSideAndTellRemovedDashLinesFromHeaders() {
    String diff =
        """
        diff --git a/db/schema.sql b/db/schema.sql
        index 1111111..2222222 100644
        --- a/db/schema.sql
        +++ b/db/schema.sql
        @@ -2,4 +2,4 @@ create table a (
           id int,
        --- the name
        +-- the full name
           name text
         );
        @@ -20,3 +20,5 @@ create table b (
           x int
        +  , y int
        +  , z int
         );
        \\ No newline at end of file
        diff --git a/other.sql b/other.sql
        index 1111111..2222222 100644
        --- a/other.sql
        +++ b/other.sql
        @@ -1 +1 @@
        -select 1;
        +select 2;
        """;
    List<PatchFile> files = UnifiedDiffParser.parse(diff);
    assertThat(files).hasSize(2);
    PatchFile schema = files.get(0);
    assertThat(schema.hunks()).hasSize(2);
    assertThat(schema.hunks().get(0).removedLines()).containsExactly(3);
    assertThat(schema.hunks().get(0).addedLines()).containsExactly(3);
    assertThat(schema.hunks().get(1).addedLines()).containsExactly(21, 22);
    assertThat(schema.hunks().get(1).oldLines()).isEqualTo(3);
    assertThat(schema.hunks().get(1).newLines()).isEqualTo(5);
    assertThat(schema.linesAdded()).isEqualTo(3);
    assertThat(schema.linesRemoved()).isEqualTo(1);
    // "@@ -1 +1 @@": a missing count means one line.
    assertThat(files.get(1).hunks().get(0).oldLines()).isEqualTo(1);
    assertThat(files.get(1).hunks().get(0).addedLines()).containsExactly(1);
  }

  @Test
  void binaryPatchIsSkippedAndTheNextFileIsRead() {
    String diff =
        """
        diff --git a/img/logo.png b/img/logo.png
        index 1111111..2222222 100644
        GIT binary patch
        literal 12
        TcmZ?wbhEHbRA6LaWMBXQ1NZ>7

        literal 8
        PcmZ?wbhEHb6krAb1w{bx

        diff --git a/calc.py b/calc.py
        index 1111111..2222222 100644
        --- a/calc.py
        +++ b/calc.py
        @@ -1 +1 @@
        -x = 1
        +x = 2
        diff --git a/data.bin b/data.bin
        index 1111111..2222222 100644
        Binary files a/data.bin and b/data.bin differ
        """;
    List<PatchFile> files = UnifiedDiffParser.parse(diff);
    assertThat(files)
        .extracting(PatchFile::path)
        .containsExactly("img/logo.png", "calc.py", "data.bin");
    assertThat(files).extracting(PatchFile::binary).containsExactly(true, false, true);
    assertThat(files.get(0).hunks()).isEmpty();
    assertThat(files.get(1).hunks().get(0).addedLines()).containsExactly(1);
  }

  @Test
  void quotedPathsAreUnquoted() {
    String diff =
        """
        diff --git "a/src/my file\\303\\251.py" "b/src/my file\\303\\251.py"
        index 1111111..2222222 100644
        --- "a/src/my file\\303\\251.py"
        +++ "b/src/my file\\303\\251.py"
        @@ -1 +1 @@
        -x = 1
        +x = 2
        diff --git a/with space.txt b/with space.txt
        old mode 100644
        new mode 100755
        """;
    List<PatchFile> files = UnifiedDiffParser.parse(diff);
    assertThat(files.get(0).path()).isEqualTo("src/my fileé.py");
    assertThat(files.get(1).path()).isEqualTo("with space.txt");
    assertThat(files.get(1).change()).isEqualTo(PatchFile.Change.MODIFIED);
  }

  @Test
  void emptyDiffHasNoFiles() {
    assertThat(UnifiedDiffParser.parse("")).isEmpty();
    assertThat(UnifiedDiffParser.parse(null)).isEmpty();
  }
}
