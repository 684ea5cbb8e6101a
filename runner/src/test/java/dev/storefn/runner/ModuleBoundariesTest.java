package dev.storefn.runner;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;

/**
 * The modules, by audience: the platform knows no feature; the shop (the features and their route table) knows
 * no adapter; the Lambda adapter knows no dev tooling; dev tooling knows nothing of the runner, which alone sees
 * everything. Each package lives in its own module. The runner's tests see every module, so the rules are here;
 * the rules inside the shop are the functions module's ArchitectureTest.
 */
class ModuleBoundariesTest {

    private static final Set<String> NOT_SHOP = Set.of("platform", "lambda", "devtools", "runner");

    /** A class's module, from where it was loaded: a module's classes directory or its jar. */
    private static final Pattern MODULE = Pattern.compile("/(platform|functions|lambda|devtools|runner)/target/classes/"
            + "|storefn-(platform|functions|lambda|devtools|runner)-[0-9][^/]*\\.jar");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(location -> !isTest(location))
            .importPackages("dev.storefn");

    private static boolean isTest(Location location) {
        String uri = location.toString();
        return uri.contains("/test-classes/") || uri.contains("-tests.jar");
    }

    private static String[] shopPackages() {
        Set<String> packages = new TreeSet<>();
        packages.add("dev.storefn");
        for (JavaClass type : CLASSES) {
            String[] parts = type.getPackageName().split("\\.");
            if (parts.length > 2 && !NOT_SHOP.contains(parts[2])) {
                packages.add("dev.storefn." + parts[2] + "..");
            }
        }
        return packages.toArray(String[]::new);
    }

    @Test
    void eachModuleDependsOnlyOnTheModulesBeneathIt() {
        assertThat(shopPackages()).contains("dev.storefn", "dev.storefn.accounts..", "dev.storefn.orders..");
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("platform").definedBy("dev.storefn.platform..")
                .layer("shop").definedBy(shopPackages())
                .layer("lambda").definedBy("dev.storefn.lambda..")
                .layer("devtools").definedBy("dev.storefn.devtools..")
                .layer("runner").definedBy("dev.storefn.runner..")
                .whereLayer("runner").mayNotBeAccessedByAnyLayer()
                .whereLayer("devtools").mayOnlyBeAccessedByLayers("runner")
                .whereLayer("lambda").mayOnlyBeAccessedByLayers("devtools", "runner")
                .whereLayer("shop").mayOnlyBeAccessedByLayers("lambda", "devtools", "runner")
                .check(CLASSES);
    }

    @Test
    void eachPackageLivesInItsOwnModule() {
        Map<String, String> moduleOfPackage = Map.of("platform", "platform", "lambda", "lambda", "devtools", "devtools",
                "runner", "runner");
        List<String> misplaced = new ArrayList<>();
        int seen = 0;
        for (JavaClass type : CLASSES) {
            Matcher module = MODULE.matcher(type.getSource().map(source -> source.getUri().toString()).orElse(""));
            if (!module.find()) {
                continue;
            }
            seen++;
            String found = module.group(1) != null ? module.group(1) : module.group(2);
            String[] parts = type.getPackageName().split("\\.");
            String expected = parts.length > 2 ? moduleOfPackage.getOrDefault(parts[2], "functions") : "functions";
            if (!found.equals(expected)) {
                misplaced.add(type.getName() + " is in " + found + ", not " + expected);
            }
        }
        assertThat(seen).as("classes whose module was recognised").isGreaterThan(300);
        assertThat(misplaced).isEmpty();
    }
}
