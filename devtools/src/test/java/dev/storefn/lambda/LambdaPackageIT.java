package dev.storefn.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.storefn.devtools.aws.SamTemplate;
import dev.storefn.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * storefn-lambda.jar on its own, as Lambda runs it: {@code FunctionInvoker} in a fresh JVM whose class path is
 * the jar alone, with template.yaml's environment and nothing else, against a real PostgreSQL.
 */
class LambdaPackageIT {

    private static final Path JAR = Path.of(System.getProperty("storefn.lambdaJar", "target/storefn-lambda.jar"));
    private static final Path EVENTS = Path.of("..", "events");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Spring's indexes, each a list of lines or a properties file whose values are comma-separated lists. */
    private static final List<String> LINE_INDEXES = List.of(
            "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
            "META-INF/spring.handlers", "META-INF/spring.schemas");
    private static final List<String> PROPERTIES_INDEXES = List.of(
            "META-INF/spring.factories", "META-INF/spring/aot.factories", "META-INF/spring-autoconfigure-metadata.properties");

    @Test
    void aFreshJvmWithOnlyTheJarAnswersAProductFromTheDatabaseAndSignsAShopperUp() throws Exception {
        String jdbcUrl = TestDatabase.jdbcUrl();
        // A deploy migrates with the runner's `migrate`; the function itself starts with migrations off.
        Flyway.configure().dataSource(jdbcUrl, null, null).locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE products, users, rate_limit_counters RESTART IDENTITY CASCADE");
            statement.execute("""
                    INSERT INTO products (name, price, category, description, stock, slug)
                    VALUES ('Packaged Tee', 799.00, 'women', 'Served from the shaded jar alone', 7, 'packaged-tee')""");
        }

        Path work = Files.createDirectories(Path.of("target", "lambda-package-it"));
        Path response = work.resolve("response.json");
        Path signedUp = work.resolve("register-response.json");
        Path log = work.resolve("jvm.log");
        Files.deleteIfExists(response);
        Files.deleteIfExists(signedUp);
        Path launcher = Path.of(LambdaPackageIT.class.getResource("InvokeOnce.java").toURI());
        ProcessBuilder jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", JAR.toString(), launcher.toString(),
                EVENTS.resolve("get-product-v2.json").toString(), response.toString(),
                EVENTS.resolve("register-v2.json").toString(), signedUp.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // Nothing from this machine's environment: only what template.yaml gives the function.
        jvm.environment().clear();
        jvm.environment().putAll(SamTemplate.FIXED_ENVIRONMENT);
        jvm.environment().put("DATABASE_URL", jdbcUrl);
        jvm.environment().put("SECRET_KEY", "lambda-package-test-secret-0123456789abcdef");
        Process process = jvm.start();
        boolean exited = process.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(exited && process.exitValue() == 0).as("the JVM exits with 0; its output:%n%s", output).isTrue();

        JsonNode answer = JSON.readTree(response.toFile());
        assertThat(answer.get("statusCode").asInt()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.get("headers").get("Content-Type").asString()).isEqualTo("application/json");
        JsonNode product = JSON.readTree(answer.get("body").asString());
        assertThat(product.get("id").asInt()).isEqualTo(1);
        assertThat(product.get("name").asString()).isEqualTo("Packaged Tee");
        assertThat(product.get("price").asString()).isEqualTo("799.00");
        // A sign-up hashes the password (Argon2, from the part of BouncyCastle the package keeps) and signs tokens.
        JsonNode registered = JSON.readTree(signedUp.toFile());
        assertThat(registered.get("statusCode").asInt()).as(registered.toString()).isEqualTo(201);
        assertThat(JSON.readTree(registered.get("body").asString()).get("access").asString()).isNotBlank();
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement();
                java.sql.ResultSet hash = statement.executeQuery("SELECT password FROM users WHERE email = 'lambda@example.com'")) {
            assertThat(hash.next()).isTrue();
            assertThat(hash.getString(1)).startsWith("$argon2id$");
        }
        // The JVM did run with template.yaml's options.
        assertThat(output).contains("Picked up JAVA_TOOL_OPTIONS: " + SamTemplate.FIXED_ENVIRONMENT.get("JAVA_TOOL_OPTIONS"));
    }

    @Test
    void theJarHoldsNoDevToolingNoTestCodeNoEmbeddedPostgresNoSignaturesAndNoNativeCode() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names).contains("dev/storefn/Storefn.class", "dev/storefn/lambda/ApiGatewayFunctions.class",
                    "db/migration/V1__shop_schema.sql");
            // The local API Gateway, Lambda context and schedule, the template generator and the runner: for
            // developers and the box, never for Lambda.
            assertThat(names).noneMatch(name -> name.startsWith("dev/storefn/devtools/") || name.startsWith("dev/storefn/runner/")
                    || name.contains("LocalApiGateway") || name.contains("SamTemplate"));
            // Libraries Lambda never runs (see the package's artifact set).
            assertThat(names).noneMatch(name -> name.startsWith("kotlin/") || name.startsWith("org/apache/logging/log4j/")
                    || name.startsWith("org/yaml/snakeyaml/") || name.startsWith("org/bouncycastle/pqc/")
                    || name.startsWith("org/bouncycastle/jcajce/provider/") || name.startsWith("org/apache/catalina/")
                    || name.startsWith("io/micrometer/prometheus") || name.startsWith("picocli/"));
            assertThat(names).noneMatch(name -> name.startsWith("io/zonky/") || name.startsWith("org/junit/")
                    || name.startsWith("org/assertj/") || name.startsWith("org/mockito/")
                    || name.startsWith("org/springframework/test/") || name.startsWith("org/springframework/boot/test/"));
            assertThat(names).noneMatch(name -> name.startsWith("dev/storefn/")
                    && (name.endsWith("Test.class") || name.endsWith("IT.class") || name.contains("TestDatabase")));
            assertThat(names).noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)") || name.equals("META-INF/INDEX.LIST"));
            // Pure Java runs on arm64 as on x86_64 (template.yaml chooses arm64).
            assertThat(names).noneMatch(name -> name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib")
                    || name.endsWith(".jnilib") || name.endsWith(".txz"));
        }
    }

    /**
     * Boot 4 spreads its auto-configuration over many jars, each with its own indexes: every entry of every jar
     * that went into the package must be in the merged index, or a whole module silently goes missing.
     */
    @Test
    void everySpringIndexOfEveryPackagedJarIsMerged() throws IOException {
        try (JarFile shaded = new JarFile(JAR.toFile())) {
            List<JarFile> packaged = packagedDependencies(shaded);
            assertThat(packaged).as("dependency jars found inside the package").hasSizeGreaterThan(20);
            for (JarFile dependency : packaged) {
                try (dependency) {
                    for (String index : LINE_INDEXES) {
                        if (dependency.getEntry(index) != null) {
                            assertThat(lines(shaded, index)).as(index + " of " + dependency.getName())
                                    .containsAll(lines(dependency, index));
                        }
                    }
                    for (String index : PROPERTIES_INDEXES) {
                        if (dependency.getEntry(index) != null) {
                            Properties merged = properties(shaded, index);
                            properties(dependency, index).forEach((key, value) -> assertThat(values(merged.getProperty((String) key)))
                                    .as(index + " " + key + " of " + dependency.getName()).containsAll(values((String) value)));
                        }
                    }
                    for (JarEntry entry : Collections.list(dependency.entries())) {
                        if (entry.getName().startsWith("META-INF/services/") && !entry.isDirectory()) {
                            assertThat(lines(shaded, entry.getName())).as(entry.getName() + " of " + dependency.getName())
                                    .containsAll(lines(dependency, entry.getName()));
                        }
                    }
                }
            }
        }
    }

    /** The jars of the test class path whose first class is in the package. */
    private static List<JarFile> packagedDependencies(JarFile shaded) throws IOException {
        List<JarFile> packaged = new ArrayList<>();
        for (String element : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!element.endsWith(".jar")) {
                continue;
            }
            JarFile dependency = new JarFile(element);
            String firstClass = dependency.stream().map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class"))
                    .findFirst().orElse(null);
            if (firstClass != null && shaded.getEntry(firstClass) != null) {
                packaged.add(dependency);
            } else {
                dependency.close();
            }
        }
        return packaged;
    }

    private static List<String> lines(JarFile jar, String name) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    private static Properties properties(JarFile jar, String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
            properties.load(in);
        }
        return properties;
    }

    private static Set<String> values(String commaSeparated) {
        return commaSeparated == null ? Set.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(value -> !value.isEmpty()).collect(Collectors.toSet());
    }
}
