package dev.storefn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.transaction.annotation.Transactional;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.storefn.platform.operation.OwnsTables;
import dev.storefn.platform.operation.Transaction;
import dev.storefn.platform.provider.ProviderGates;
import dev.storefn.platform.routes.Route;

/**
 * The boundaries of the code base. A feature is every package directly under {@code dev.storefn} other than
 * the platform and the adapters, found from the classes themselves, so a new feature is covered the day it
 * appears. Features are independent of HTTP, Lambda and the platform's wire machinery; they talk to each
 * other only through what a feature exposes (Java's visibility sees to that), and across tables by this rule:
 * a feature may read another feature's tables in its own SQL (joins for its views), but writes them only
 * through the owning feature's code.
 */
class ArchitectureTest {

    private static final Set<String> NOT_FEATURES = Set.of("platform", "lambda");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.storefn");

    /** {@code accounts}, {@code catalog}, ...: every package under {@code dev.storefn} that is not platform or adapter. */
    static Set<String> features() {
        Set<String> features = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            String name = type.getPackageName();
            if (name.startsWith("dev.storefn.")) {
                String top = name.substring("dev.storefn.".length()).split("\\.")[0];
                if (!NOT_FEATURES.contains(top)) {
                    features.add(top);
                }
            }
        }
        return features;
    }

    private static String[] featurePackages() {
        return features().stream().map(feature -> "dev.storefn." + feature + "..").toArray(String[]::new);
    }

    @Test
    void theFeaturesAreFoundFromTheCode() {
        assertThat(features()).contains("accounts", "catalog", "panel").doesNotContain("platform", "lambda");
    }

    @Test
    void featuresKnowNothingOfHttpLambdaJsonTreesOrTheWire() {
        noClasses().that().resideInAnyPackage(featurePackages())
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web..",
                        "org.springframework.http..", "com.amazonaws..", "org.springframework.cloud.function.adapter..",
                        "dev.storefn.lambda..", "dev.storefn.platform.wire..", "dev.storefn.platform.dispatch..",
                        "dev.storefn.platform.binding..", "tools.jackson.databind.node..", "tools.jackson.core..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("tools.jackson.databind.JsonNode")
                .check(CLASSES);
    }

    @Test
    void everyFunctionOfAFeatureTakesAndGivesItsOwnRecords() throws ClassNotFoundException {
        List<String> offenders = new ArrayList<>();
        for (JavaClass type : CLASSES) {
            if (!features().contains(featureOf(type)) || !type.isAssignableTo(Function.class)) {
                continue;
            }
            ResolvableType function = ResolvableType.forClass(Class.forName(type.getName())).as(Function.class);
            Class<?> input = function.getGeneric(0).resolve();
            Class<?> output = function.getGeneric(1).resolve();
            if (input == null || !input.isRecord() || output == null || Map.class.isAssignableFrom(output)
                    || output.getName().startsWith("dev.storefn.platform.wire")) {
                offenders.add(type.getName() + ": " + input + " -> " + output);
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyRouteOfTheTableIsServedByAFeatureOrPlatformOperation() {
        for (Route route : RouteTable.ROUTES) {
            assertThat(route.input().isRecord()).as(route.name()).isTrue();
            assertThat(route.operation().getPackageName()).startsWith("dev.storefn.");
        }
    }

    /** Each feature lists its own routes beside its operations, so no other package needs to see them. */
    @Test
    void aFeaturesOperationsArePackagePrivate() {
        List<String> visible = RouteTable.ROUTES.stream().map(Route::operation)
                .filter(operation -> features().contains(operation.getPackageName().substring("dev.storefn.".length())))
                .filter(operation -> java.lang.reflect.Modifier.isPublic(operation.getModifiers())).map(Class::getName).toList();
        assertThat(visible).isEmpty();
    }

    @Test
    void thePlatformDependsOnNoFeature() {
        noClasses().that().resideInAPackage("dev.storefn.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(featurePackages())
                .check(CLASSES);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("dev.storefn.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void aFeatureWritesOnlyTheTablesItOwns() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        for (String feature : features()) {
            OwnsTables owned = ownedTables(feature);
            assertThat(owned).as("dev.storefn." + feature + " says which tables it owns (@OwnsTables on its package-info)")
                    .isNotNull();
            Arrays.stream(owned.value()).forEach(table -> assertThat(owners.put(table, feature)).as(table + " has one owner").isNull());
        }
        Pattern write = Pattern.compile("(?i)\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE)\\s+([a-z_][a-z0-9_]*)");
        List<String> trespasses = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String feature : features()) {
            try (Stream<Path> sources = Files.walk(Path.of("src/main/java/dev/storefn", feature))) {
                for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                    Matcher matcher = write.matcher(Files.readString(source));
                    while (matcher.find()) {
                        String owner = owners.get(matcher.group(2).toLowerCase());
                        seen.add(feature + " writes " + matcher.group(2).toLowerCase());
                        if (owner != null && !owner.equals(feature)) {
                            trespasses.add(source + " writes " + matcher.group(2) + ", which " + owner + " owns");
                        }
                    }
                }
            }
        }
        // The scan must see the SQL it judges: accounts' own writes are there to be found.
        assertThat(seen).contains("accounts writes users", "accounts writes revoked_sessions");
        assertThat(trespasses).isEmpty();
    }

    @Test
    void onlyTheOrderLifecycleWritesAnOrdersStatuses() throws IOException {
        Pattern write = Pattern.compile("(?i)\\b(UPDATE\\s+orders\\b[^;]*?\\b(order_status|payment_status)\\s*=|INSERT\\s+INTO\\s+orders\\b)");
        List<String> writers = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                if (write.matcher(Files.readString(source)).find()) {
                    writers.add(source.getFileName().toString());
                }
            }
        }
        assertThat(writers).containsExactly("OrderLifecycle.java");
    }

    /**
     * A call that goes over the network to a provider: Stripe's services, Cloudinary's uploader and admin API, a
     * fetched resource (Google's keys), or any HTTP client.
     */
    private static boolean callsAProvider(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        return owner.startsWith("com.stripe.service.") || owner.equals("com.stripe.StripeClient") && call.getName().startsWith("raw")
                || owner.equals("com.cloudinary.Uploader") || owner.equals("com.cloudinary.Api")
                || call.getTargetOwner().isAssignableTo("com.nimbusds.jose.util.ResourceRetriever") && call.getName().equals("retrieveResource")
                || owner.startsWith("java.net.http.") || owner.equals("java.net.URL") && call.getName().startsWith("open");
    }

    @Test
    void everyCallToAProviderPassesItsGate() {
        Set<String> callers = new TreeSet<>();
        List<String> ungated = new ArrayList<>();
        for (JavaClass type : CLASSES) {
            JavaClass outer = type.getEnclosingClass().orElse(type);
            boolean calls = type.getMethodCallsFromSelf().stream().anyMatch(ArchitectureTest::callsAProvider);
            if (!calls) {
                continue;
            }
            callers.add(outer.getSimpleName());
            boolean gated = outer.getMethodCallsFromSelf().stream().anyMatch(call -> call.getTargetOwner().isEquivalentTo(ProviderGates.class)
                    && call.getName().equals("call"));
            if (!gated) {
                ungated.add(type.getName());
            }
        }
        // The scan sees the calls it judges: each provider's adapter is found.
        assertThat(callers).contains("StripeCheckouts", "CloudinaryMediaStore", "GoogleIdTokens");
        assertThat(ungated).isEmpty();
    }

    /**
     * The platform runs an operation that says {@code @Transaction(ONE)} in one transaction: nothing in it may reach a
     * provider (Stripe, Cloudinary, Google) by itself or through the collaborators it calls.
     */
    @Test
    void nothingThatCallsAProviderRunsInOneTransaction() {
        List<String> offenders = new ArrayList<>();
        int inOne = 0;
        for (JavaClass type : CLASSES) {
            if (!type.isAnnotatedWith(Transaction.class) || type.getAnnotationOfType(Transaction.class).value() != Transaction.Mode.ONE) {
                continue;
            }
            inOne++;
            if (dependsOnTheGates(type) || type.getMethodCallsFromSelf().stream().anyMatch(call -> dependsOnTheGates(call.getTargetOwner()))) {
                offenders.add(type.getName());
            }
        }
        assertThat(inOne).as("operations that run in one transaction").isGreaterThan(15);
        assertThat(offenders).isEmpty();
    }

    /** One transaction idiom: an operation says how it uses transactions ({@code @Transaction}); Spring's annotation is not used. */
    @Test
    void transactionsAreDeclaredOnOperationsOnly() {
        noClasses().should().beAnnotatedWith(Transactional.class).check(CLASSES);
        noMethods().should().beAnnotatedWith(Transactional.class).check(CLASSES);
    }

    private static boolean dependsOnTheGates(JavaClass type) {
        return type.getDirectDependenciesFromSelf().stream().anyMatch(dependency -> dependency.getTargetClass().isEquivalentTo(ProviderGates.class));
    }

    private static OwnsTables ownedTables(String feature) {
        try {
            return Class.forName("dev.storefn." + feature + ".package-info").getAnnotation(OwnsTables.class);
        } catch (ClassNotFoundException noPackageInfo) {
            return null;
        }
    }

    private static String featureOf(JavaClass type) {
        String name = type.getPackageName();
        return name.startsWith("dev.storefn.") ? name.substring("dev.storefn.".length()).split("\\.")[0] : "";
    }
}
