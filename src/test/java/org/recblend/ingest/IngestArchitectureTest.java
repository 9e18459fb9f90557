package org.recblend.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import engine's place in the layers: it may use store, domain and task only; inside it,
 * the readers know nothing of specs or the database, and the importer knows no preset.
 */
class IngestArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.recblend.ingest");
    }

    @Test
    void ingestUsesOnlyStoreDomainTaskAndItsLibraries() {
        ArchRuleDefinition.classes().that().resideInAPackage("org.recblend.ingest..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.recblend.ingest..", "org.recblend.store..",
                        "org.recblend.domain..", "org.recblend.task..", "java..", "org.apache.commons.csv..",
                        "com.fasterxml.jackson..", "org.slf4j..", "")
                .check(classes);
    }

    @Test
    void readersKnowNoSpecsAndNoDatabase() {
        noClasses().that().resideInAPackage("org.recblend.ingest.read..")
                .should().dependOnClassesThat().resideInAnyPackage("org.recblend.ingest", "org.recblend.ingest.infer..",
                        "org.recblend.ingest.preset..", "org.recblend.ingest.bench..", "org.recblend.store..", "java.sql..")
                .check(classes);
    }

    @Test
    void importerKnowsNoPresetInferenceOrBenchmark() {
        noClasses().that().resideInAPackage("org.recblend.ingest")
                .should().dependOnClassesThat().resideInAnyPackage("org.recblend.ingest.infer..", "org.recblend.ingest.preset..",
                        "org.recblend.ingest.bench..")
                .check(classes);
    }

    @Test
    void noStandardStreams() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes);
    }
}
