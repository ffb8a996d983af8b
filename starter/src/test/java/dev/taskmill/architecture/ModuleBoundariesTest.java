package dev.taskmill.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Fails when a module reaches the wrong way: the contract stays free of JGit, docker-java and
 * implementations.
 */
class ModuleBoundariesTest {
  private static JavaClasses workflows;
  private static JavaClasses activities;
  private static JavaClasses worker;
  private static JavaClasses client;

  @BeforeAll
  static void importModules() {
    ClassFileImporter importer =
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
    workflows = importer.withImportOption(inModule("workflows")).importPackages("dev.taskmill");
    activities =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(inModule("activities"))
            .importPackages("dev.taskmill");
    worker =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(inModule("worker"))
            .importPackages("dev.taskmill");
    client =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(inModule("client"))
            .importPackages("dev.taskmill");
  }

  /** Keeps only classes from one module, recognised by its jar or target/classes folder. */
  private static ImportOption inModule(String module) {
    Pattern jar = Pattern.compile(".*taskmill-" + module + "-[^/]*\\.jar.*");
    Pattern dir = Pattern.compile(".*/" + module + "/target/classes/.*");
    return (Location location) -> location.matches(jar) || location.matches(dir);
  }

  /**
   * A taskmill class from a module other than the contract and the client. By where the class was
   * loaded from, not by package: workflows and activities share package names
   * (dev.taskmill.validation, dev.taskmill.analysis...).
   */
  private static DescribedPredicate<JavaClass> taskmillOutsideContractAndClient() {
    return DescribedPredicate.describe(
        "taskmill classes outside the workflows and client modules",
        (JavaClass c) ->
            c.getPackageName().startsWith("dev.taskmill")
                && c.getSource()
                    .map(
                        source -> {
                          Location location = Location.of(source.getUri());
                          return !inModule("workflows").includes(location)
                              && !inModule("client").includes(location);
                        })
                    .orElse(true));
  }

  @Nested
  class TheContract {
    @Test
    void usesNeitherJgitNorDockerJava() {
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.eclipse.jgit..", "com.github.dockerjava..")
          .check(workflows);
    }

    @Test
    void doesNotKnowTheImplementations() {
      noClasses()
          .should()
          .dependOnClassesThat()
          .haveSimpleNameEndingWith("ActivityImpl")
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.taskmill.worker..",
              "dev.taskmill.cli..",
              "dev.taskmill.client..",
              "dev.taskmill.git..",
              "dev.taskmill.docker..")
          .check(workflows);
    }

    @Test
    void importsNoJacksonDatabind() {
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.fasterxml.jackson.databind..")
          .check(workflows);
    }

    @Test
    void workflowCodeDoesNoIo() {
      noClasses()
          .that()
          .resideInAPackage("dev.taskmill.workflow..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.io..", "java.nio..", "java.net..")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .check(workflows);
    }
  }

  @Nested
  class TheImplementations {
    @Test
    void doNotReachIntoWorkerOrCli() {
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.taskmill.worker..", "dev.taskmill.cli..", "dev.taskmill.client..")
          .check(activities);
    }
  }

  @Nested
  class TheWorker {
    @Test
    void doesNotReachIntoTheCli() {
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.taskmill.cli..")
          .check(worker);
    }

    @Test
    void takesOnlyTheConnectionFromTheClient() {
      // The worker reaches the server with the client's connection settings; the facade is for
      // callers only.
      noClasses()
          .should()
          .dependOnClassesThat(
              JavaClass.Predicates.resideInAPackage("dev.taskmill.client..")
                  .and(
                      DescribedPredicate.not(JavaClass.Predicates.simpleName("ConnectionSettings")))
                  .and(
                      DescribedPredicate.not(
                          JavaClass.Predicates.simpleName("TemporalConnections"))))
          .check(worker);
    }
  }

  @Nested
  class TheClient {
    @Test
    void knowsNothingOfTaskmillButTheContract() {
      noClasses().should().dependOnClassesThat(taskmillOutsideContractAndClient()).check(client);
    }

    @Test
    void usesNeitherJgitNorDockerJava() {
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.eclipse.jgit..", "com.github.dockerjava..")
          .check(client);
    }

    @Test
    void rulesSeeWhatTheyJudge() {
      // A wrong module pattern would import nothing, or call nothing outside, and the rules above
      // would pass vacuously.
      DescribedPredicate<JavaClass> outside = taskmillOutsideContractAndClient();
      assertThat(client.contain("dev.taskmill.client.TaskmillClient")).isTrue();
      assertThat(activities).isNotEmpty().allMatch(outside::test);
      assertThat(workflows).isNotEmpty().noneMatch(outside::test);
      assertThat(client).noneMatch(outside::test);
    }
  }

  @Nested
  class TheActivities {
    /**
     * The activities module's own classes, without its test jar (which the starter's tests also
     * see).
     */
    private final JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(
                location ->
                    inModule("activities").includes(location) && !location.contains("-tests.jar"))
            .importPackages("dev.taskmill");

    @Test
    void onlyTheDockerRoomTouchesDockerJava() {
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.taskmill.docker..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.github.dockerjava..")
          .check(main);
    }

    @Test
    void haveNoImportCyclesBetweenTheirRooms() {
      slices().matching("dev.taskmill.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void seeTheirClasses() {
      assertThat(main.contain("dev.taskmill.docker.ContainerEngine")).isTrue();
      assertThat(main.contain("dev.taskmill.validation.ValidatorDockerTest")).isFalse();
    }
  }
}
