package dev.storefn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Features are independent and know nothing of the adapters that run them. */
class ArchitectureTest {

    private static final String[] FEATURES = {"dev.storefn.accounts..", "dev.storefn.catalog..", "dev.storefn.cart..",
            "dev.storefn.orders..", "dev.storefn.payments..", "dev.storefn.panel.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.storefn");

    @Test
    void featuresKnowNothingOfHttpServletsOrLambda() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web..",
                        "org.springframework.http..", "com.amazonaws..", "org.springframework.cloud.function.adapter..",
                        "dev.storefn.lambda..")
                .check(CLASSES);
    }

    @Test
    void thePlatformDependsOnNoFeature() {
        noClasses().that().resideInAPackage("dev.storefn.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(CLASSES);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("dev.storefn.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
