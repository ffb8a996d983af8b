package dev.taskmill.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tree goes, links in it go without what they point at, and a missing path is no error. */
class FileTreesTest {
  @TempDir Path tmp;

  @Test
  void deletesATreeButNotWhatItsLinksPointAt() throws Exception {
    Path outside = Files.writeString(tmp.resolve("keep.txt"), "keep");
    Path tree = Files.createDirectories(tmp.resolve("tree/a/b"));
    Files.writeString(tree.resolve("f.txt"), "x");
    Files.createSymbolicLink(tmp.resolve("tree/a/link"), outside);

    FileTrees.deleteRecursively(tmp.resolve("tree"));

    assertThat(tmp.resolve("tree")).doesNotExist();
    assertThat(outside).hasContent("keep");
  }

  @Test
  void aMissingPathOrADanglingLinkIsFine() throws Exception {
    FileTrees.deleteRecursively(tmp.resolve("nothing"));
    Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("gone"));

    FileTrees.deleteRecursively(dangling);

    assertThat(Files.exists(dangling, LinkOption.NOFOLLOW_LINKS)).isFalse();
  }
}
