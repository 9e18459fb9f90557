package org.recblend.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering rules that concern the pipeline core and its nodes (see DESIGN.md). */
class PipelineLayeringTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.recblend");

    @Test
    void theCoreKnowsNoConcreteNode() {
        noClasses().that().resideInAPackage("org.recblend.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("org.recblend.nodes..", "org.recblend.ui..", "org.recblend.cli..")
                .check(MAIN);
    }

    @Test
    void domainAndStoreStayBelowThePipeline() {
        noClasses().that().resideInAPackage("org.recblend.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.recblend.store..", "org.recblend.pipeline..",
                        "org.recblend.nodes..", "org.recblend.task..", "java.sql..")
                .check(MAIN);
        noClasses().that().resideInAPackage("org.recblend.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.recblend.pipeline..", "org.recblend.nodes..")
                .check(MAIN);
    }

    @Test
    void pipelineAndNodesUseNoJavaFxAndNoConsole() {
        noClasses().that().resideInAnyPackage("org.recblend.pipeline..", "org.recblend.nodes..", "org.recblend.domain..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("org.recblend.pipeline..", "org.recblend.nodes..", "org.recblend.domain..",
                        "org.recblend.store..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(MAIN);
    }
}
