package dev.taskmill.analysis.prs;

import dev.taskmill.analysis.PrSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * Finds pull requests in git history alone: merge commits "Merge pull request #N from ...", squash
 * commits "Title (#N)" on the first-parent line of a branch, and refs/pull/N/head. The base is the
 * merge's first parent or the squash commit's parent; for a pull ref it is the merge-base with the
 * default branch, or the head's parent when the head was rebased onto the default branch.
 */
public final class PrFinder {
  /**
   * A requested PR may be old: its search walks this far, far beyond the scan of recent commits.
   */
  static final int DEEP_SCAN = 200_000;

  private final Repository repository;
  private final String defaultBranch;

  public PrFinder(Repository repository, String defaultBranch) {
    this.repository = repository;
    this.defaultBranch = defaultBranch;
  }

  /**
   * The PRs a scan found and how many commits it read, for messages such as "in the last 2000
   * commits".
   */
  public record Scan(List<FoundPr> prs, int commitsScanned) {}

  /**
   * The PRs among the last {@code maxCommits} first-parent commits of the default branch, plus pull
   * refs no older than the oldest of them; one per number (the most recent), newest first, at most
   * {@code maxPrs}.
   */
  public Scan recent(int maxCommits, int maxPrs) {
    try (RevWalk walk = new RevWalk(repository)) {
      ObjectId tip = defaultTip();
      Map<Integer, FoundPr> byNumber = new LinkedHashMap<>();
      Walked walked = scanBranch(walk, tip, null, defaultBranch, maxCommits, 0, byNumber, null);
      for (FoundPr ref : pullRefs(walk, tip, 0, walked.oldest(), byNumber.keySet())) {
        byNumber.putIfAbsent(ref.number(), ref);
      }
      // Merged PRs come before open ones: a repository with many open PRs must not crowd out its
      // merged fixes.
      return new Scan(
          byNumber.values().stream()
              .sorted(
                  Comparator.comparing((FoundPr f) -> f.source() == PrSource.PULL_REF)
                      .thenComparing(Comparator.comparingLong(FoundPr::commitTime).reversed()))
              .limit(maxPrs)
              .toList(),
          walked.commits());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot walk the history of " + defaultBranch + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every commit that carries PR {@code number}: on the default branch, on other branches
   * (cherry-picks onto maintenance branches repeat the subject) and its pull ref; default-branch
   * matches first, then newest.
   */
  public List<FoundPr> matching(int number) {
    try (RevWalk walk = new RevWalk(repository)) {
      ObjectId tip = defaultTip();
      List<FoundPr> found = new ArrayList<>();
      collect(walk, tip, null, defaultBranch, number, found);
      for (Ref branch :
          repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS, "refs/remotes/origin/")) {
        String name = Repository.shortenRefName(branch.getName());
        if (!name.equals(defaultBranch)
            && !name.endsWith("/HEAD")
            && branch.getObjectId() != null) {
          collect(walk, branch.getObjectId(), tip, name, number, found);
        }
      }
      if (found.isEmpty()) {
        // A merged PR's pull ref is the branch it came from, not a second copy: only PRs git shows
        // no merge or
        // squash commit for are taken from their pull ref.
        found.addAll(pullRefs(walk, tip, number, 0, java.util.Set.of()));
      }
      return found.stream()
          .sorted(
              Comparator.comparing((FoundPr f) -> !f.onDefaultBranch())
                  .thenComparing(f -> f.source() == PrSource.PULL_REF)
                  .thenComparing(Comparator.comparingLong(FoundPr::commitTime).reversed()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot search the history for PR #" + number + ": " + e.getMessage(), e);
    }
  }

  private void collect(
      RevWalk walk, ObjectId tip, ObjectId exclude, String branch, int number, List<FoundPr> out)
      throws IOException {
    scanBranch(walk, tip, exclude, branch, DEEP_SCAN, number, new LinkedHashMap<>(), out);
  }

  /**
   * How far a walk went: the commit time of the oldest commit read and how many commits were read.
   */
  private record Walked(long oldest, int commits) {}

  /**
   * Walks the first-parent line from {@code tip}, collecting PR commits into {@code byNumber} and
   * {@code every}.
   */
  private Walked scanBranch(
      RevWalk walk,
      ObjectId tip,
      ObjectId exclude,
      String branch,
      int maxCommits,
      int number,
      Map<Integer, FoundPr> byNumber,
      List<FoundPr> every)
      throws IOException {
    walk.reset();
    walk.setRevFilter(RevFilter.ALL);
    walk.setFirstParent(true);
    walk.markStart(walk.parseCommit(tip));
    if (exclude != null) {
      walk.markUninteresting(walk.parseCommit(exclude));
    }
    boolean onDefault = exclude == null;
    long oldest = Long.MAX_VALUE;
    int seen = 0;
    for (RevCommit commit : walk) {
      if (++seen > maxCommits) {
        break;
      }
      oldest = Math.min(oldest, commit.getCommitTime());
      Optional<PrCommitMessage> message = PrCommitMessage.parse(commit.getFullMessage());
      if (message.isEmpty()
          || commit.getParentCount() == 0
          || (number > 0 && message.get().number() != number)) {
        continue;
      }
      PrCommitMessage m = message.get();
      // A merge subject on a one-parent commit is a cherry-picked merge: it carries the PR's whole
      // diff.
      PrSource source =
          m.mergeSubject() && commit.getParentCount() > 1
              ? PrSource.MERGE_COMMIT
              : PrSource.SQUASH_COMMIT;
      FoundPr pr =
          new FoundPr(
              m.number(),
              m.title(),
              m.body(),
              commit.name(),
              commit.getParent(0).name(),
              source,
              branch,
              onDefault,
              true,
              commit.getCommitTime());
      byNumber.putIfAbsent(m.number(), pr);
      if (every != null) {
        every.add(pr);
      }
    }
    return new Walked(oldest == Long.MAX_VALUE ? 0 : oldest, Math.min(seen, maxCommits));
  }

  /**
   * refs/pull/N/head (all of them when {@code number} is 0) whose head is no older than {@code
   * minTime}, except the numbers in {@code known}. The cheap filters come first: a GitHub mirror
   * holds thousands of pull refs.
   */
  private List<FoundPr> pullRefs(
      RevWalk walk, ObjectId defaultTip, int number, long minTime, java.util.Set<Integer> known)
      throws IOException {
    String prefix = number > 0 ? "refs/pull/" + number + "/" : "refs/pull/";
    List<FoundPr> found = new ArrayList<>();
    for (Ref ref : repository.getRefDatabase().getRefsByPrefix(prefix)) {
      String[] parts = ref.getName().split("/");
      if (parts.length != 4
          || !parts[3].equals("head")
          || !parts[2].matches("\\d{1,9}")
          || ref.getObjectId() == null) {
        continue;
      }
      int prNumber = Integer.parseInt(parts[2]);
      walk.reset();
      walk.setFirstParent(false);
      RevCommit head = walk.parseCommit(ref.getObjectId());
      if (known.contains(prNumber) || head.getCommitTime() < minTime) {
        continue;
      }
      RevCommit tip = walk.parseCommit(defaultTip);
      boolean merged = walk.isMergedInto(head, tip);
      String base =
          merged
              ? (head.getParentCount() > 0 ? head.getParent(0).name() : null)
              : mergeBase(head, tip);
      if (base == null || base.equals(head.name())) {
        continue;
      }
      String full = head.getFullMessage().strip();
      int newline = full.indexOf('\n');
      found.add(
          new FoundPr(
              prNumber,
              newline < 0 ? full : full.substring(0, newline).strip(),
              newline < 0 ? "" : full.substring(newline + 1).strip(),
              head.name(),
              base,
              PrSource.PULL_REF,
              ref.getName(),
              merged,
              merged,
              head.getCommitTime()));
    }
    return found;
  }

  /**
   * A walk of its own: the merge-base filter cannot share a walk that isMergedInto has already
   * used.
   */
  private String mergeBase(RevCommit head, RevCommit tip) throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(head));
      walk.markStart(walk.parseCommit(tip));
      RevCommit base = walk.next();
      return base == null ? null : base.name();
    }
  }

  private ObjectId defaultTip() throws IOException {
    ObjectId tip = repository.resolve(Constants.R_HEADS + defaultBranch);
    if (tip == null) {
      throw new IOException("branch " + defaultBranch + " has no commit");
    }
    return tip;
  }
}
