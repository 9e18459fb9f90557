package org.recblend.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md as executable rules: compute and data never see JavaFX,
 * the pipeline core knows no concrete node, and the UI never talks SQL.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.recblend");
    }

    @Test
    void layersOnlyDependDownwards() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Launcher").definedBy("org.recblend")
                .layer("Ui").definedBy("org.recblend.ui..")
                .layer("Cli").definedBy("org.recblend.cli..")
                .layer("Nodes").definedBy("org.recblend.nodes..")
                .layer("Pipeline").definedBy("org.recblend.pipeline..")
                .layer("Engine").definedBy("org.recblend.engine..")
                .layer("Encode").definedBy("org.recblend.encode..")
                .layer("Ingest").definedBy("org.recblend.ingest..")
                .layer("Sample").definedBy("org.recblend.sample..")
                .layer("Store").definedBy("org.recblend.store..")
                .layer("Task").definedBy("org.recblend.task..")
                .layer("Domain").definedBy("org.recblend.domain..")
                .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Nodes").mayOnlyBeAccessedByLayers("Ui", "Cli")
                .whereLayer("Pipeline").mayOnlyBeAccessedByLayers("Nodes", "Sample", "Ui", "Cli")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("Nodes", "Ui", "Cli")
                .whereLayer("Encode").mayOnlyBeAccessedByLayers("Engine", "Nodes", "Ui", "Cli")
                .whereLayer("Ingest").mayOnlyBeAccessedByLayers("Nodes", "Sample", "Ui", "Cli")
                .whereLayer("Sample").mayOnlyBeAccessedByLayers("Ui", "Cli")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Pipeline", "Nodes", "Engine", "Encode", "Ingest", "Sample", "Ui", "Cli")
                .whereLayer("Task").mayOnlyBeAccessedByLayers("Store", "Pipeline", "Nodes", "Engine", "Encode", "Ingest", "Sample", "Ui", "Cli")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Store", "Pipeline", "Nodes", "Engine", "Encode", "Ingest", "Sample", "Ui", "Cli");
        rule.check(classes);
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.recblend.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..")
                .because("the pipeline runs headless (tests, command line) exactly as in the GUI")
                .check(classes);
    }

    @Test
    void theUiNeverTalksSql() {
        noClasses().that().resideInAPackage("org.recblend.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.flywaydb..")
                .because("views and view models go through services, never the database")
                .check(classes);
    }

    @Test
    void theDomainDependsOnNothingHeavy() {
        noClasses().that().resideInAnyPackage("org.recblend.domain..", "org.recblend.task..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "ai.djl..", "org.h2..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void nothingButTheCommandLinePrintsToTheConsole() {
        noClasses().that().resideOutsideOfPackages("org.recblend.cli..", "org.recblend")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("log through SLF4J or the TaskMonitor so the GUI can show it")
                .check(classes);
    }
}
