package dev.taskmill.stage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stage contract (docs/stage-contract.md) as constants: container paths, exit codes, the user
 * and the Maven skip flags. Java reads them here; run.sh gets them from the header {@link
 * #shellVariables()} writes, so the shell scripts hold no copy.
 */
public final class StageContract {
  /** The repository at the base commit; the project directory is below it. */
  public static final String TESTBED = "/testbed";

  /** The sample's run.sh, mounted read-only. */
  public static final String RUN_SCRIPT = "/taskmill/run.sh";

  /** The patch files a stage applies (and the test-id file), mounted read-only. */
  public static final String PATCHES_DIR = "/taskmill/patches";

  /** Where a stage writes reports/ and coverage/, mounted read-write. */
  public static final String OUT_DIR = "/taskmill/out";

  /** The parent of every host-prepared dependency cache. */
  public static final String DEPS_DIR = "/taskmill/deps";

  /** The uid and gid the stages run as; every generated image has that user. */
  public static final int UID = 1000;

  /** {@link #UID} as the engine's "uid:gid". */
  public static final String USER = UID + ":" + UID;

  /**
   * Plugins that check things other than the code (licenses, style, API compatibility, the Maven
   * version) and would fail offline or in an older image than the project's: skipped by the stages
   * and by the warm-up alike.
   */
  public static final List<String> MAVEN_SKIP_FLAGS =
      List.of(
          "-Denforcer.skip=true",
          "-Drat.skip=true",
          "-Djapicmp.skip=true",
          "-Danimal.sniffer.skip=true",
          "-Dcheckstyle.skip=true",
          "-Dspotbugs.skip=true",
          "-Dpmd.skip=true",
          "-Dcpd.skip=true",
          "-Dmaven.javadoc.skip=true",
          "-Drevapi.skip=true",
          "-Dspotless.check.skip=true",
          "-Dlicense.skip=true",
          "-Dmoditect.skip=true");

  private StageContract() {}

  /** A stage's exit codes; any other code means the runner itself broke. */
  public enum Exit {
    /** Every test passed. */
    PASSED(0),
    /** Tests ran and some failed. */
    TESTS_FAILED(1),
    /** A patch does not apply. */
    PATCH_FAILED(3),
    /** The build or the test compilation failed: no test could run. */
    BUILD_FAILED(4);

    private final int code;

    Exit(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    /** Whether a container's exit code is this one. */
    public boolean is(int exitCode) {
      return exitCode == code;
    }
  }

  /** The dependency caches a stage may find under {@link #DEPS_DIR}, each mounted read-only. */
  public enum DependencyCache {
    /** The Maven local repository, used with {@code mvn -o}. */
    M2("m2"),
    /** A node_modules that a writable node_modules of links points into. */
    NODE_MODULES("node_modules"),
    /** Wheels for {@code pip install --no-index --find-links}. */
    WHEELHOUSE("wheelhouse"),
    /** GOMODCACHE, with GOPROXY=off. */
    GOMOD("gomod");

    private final String dir;

    DependencyCache(String dir) {
      this.dir = dir;
    }

    /** Its path in the container. */
    public String containerPath() {
      return DEPS_DIR + "/" + dir;
    }

    /** The read-only mount of {@code hostPath} at this cache's place. */
    public BindMount mount(String hostPath) {
      return BindMount.readOnly(hostPath, containerPath());
    }

    /** Whether {@code mount} is this cache. */
    public boolean isAt(BindMount mount) {
      return mount.containerPath().equals(containerPath());
    }
  }

  /**
   * The contract's values as shell variables, in order, for run.sh's generated header: names are
   * upper-case {@code TASKMILL_*}; lists are bash arrays (values hold no quote or space to escape).
   */
  public static Map<String, Object> shellVariables() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("TASKMILL_TESTBED", TESTBED);
    vars.put("TASKMILL_PATCHES_DIR", PATCHES_DIR);
    vars.put("TASKMILL_OUT_DEFAULT", OUT_DIR);
    vars.put("TASKMILL_DEPS_DIR", DEPS_DIR);
    vars.put("TASKMILL_USER", USER);
    vars.put("TASKMILL_EXIT_PATCH", Exit.PATCH_FAILED.code());
    vars.put("TASKMILL_EXIT_BUILD", Exit.BUILD_FAILED.code());
    vars.put("TASKMILL_MAVEN_SKIP_FLAGS", MAVEN_SKIP_FLAGS);
    return Collections.unmodifiableMap(vars);
  }
}
