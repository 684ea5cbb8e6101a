package dev.storefn.platform.docs;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import dev.storefn.platform.operation.Document;
import dev.storefn.platform.operation.Transaction;

/**
 * {@code GET /docs/}: Swagger UI over {@code /schema/}, as one self-contained page. Its script and style come
 * from the swagger-ui WebJar in the jar and are written into the page itself, so it needs nothing but this
 * host (no CDN, no asset routes) and works under any path prefix, an API Gateway stage's too. Its content
 * security policy lets only those two scripts run, by their hashes.
 */
@Component
@Transaction(NONE)
public class ApiDocs implements Function<ApiDocs.Input, Document> {

    public record Input() {
    }

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";

    // Relative, so the page also works under a path prefix. No validator: it would send the document to swagger.io.
    static final String START = "window.ui = SwaggerUIBundle({url: '../schema/', dom_id: '#swagger-ui', deepLinking: true,"
            + " validatorUrl: null});";

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>storefn API</title>
              <style>%s</style>
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script>%s</script>
              <script>%s</script>
            </body>
            </html>
            """;

    /** Made on the first request, not at start-up (a cold start would pay for it), and kept: it changes only with a release. */
    private static final Supplier<Document> DOCUMENT = SingletonSupplier.of(ApiDocs::page);

    @Override
    public Document apply(Input input) {
        return DOCUMENT.get();
    }

    static Document page() {
        String version = webJarVersion();
        String css = asset(version, "swagger-ui.css", "</style");
        String bundle = asset(version, "swagger-ui-bundle.js", "</script");
        // Style attributes stay allowed, for the Markdown Swagger UI renders (a table's alignment): they cannot run code,
        // nor load what img-src refuses.
        String policy = "default-src 'none'; script-src 'sha256-" + sha256(bundle) + "' 'sha256-" + sha256(START)
                + "'; style-src 'sha256-" + sha256(css) + "'; style-src-attr 'unsafe-inline'; img-src 'self' data:;"
                + " connect-src 'self'; base-uri 'none'; form-action 'none'";
        return new Document("text/html; charset=utf-8", PAGE.formatted(css, bundle, START).getBytes(StandardCharsets.UTF_8), policy);
    }

    private static String webJarVersion() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties"))
                    .getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the WebJar, which must not hold the tag that would end the element it is written into. */
    private static String asset(String version, String name, String closingTag) {
        String text;
        try {
            text = new ClassPathResource(WEBJAR + version + "/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Looked for at each "</" rather than in a lower-cased copy, which took most of the page's making.
        for (int at = text.indexOf("</"); at >= 0; at = text.indexOf("</", at + 2)) {
            if (text.regionMatches(true, at, closingTag, 0, closingTag.length())) {
                throw new IllegalStateException(name + " holds " + closingTag + " and cannot be written into the page");
            }
        }
        return text;
    }

    static String sha256(String script) {
        return Base64.getEncoder().encodeToString(DigestUtils.sha256(script));
    }
}
