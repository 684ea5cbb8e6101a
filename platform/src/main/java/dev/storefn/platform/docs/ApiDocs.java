package dev.storefn.platform.docs;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Properties;
import java.util.function.Function;

import org.springframework.stereotype.Component;

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

    @Override
    public Document apply(Input input) {
        return Page.DOCUMENT;
    }

    /** Made on the first request, not at start-up (a cold start would pay for it), and kept: it changes only with a release. */
    private static final class Page {
        static final Document DOCUMENT = page();
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
        Properties properties = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    /** A file of the WebJar, which must not hold the tag that would end the element it is written into. */
    private static String asset(String version, String name, String closingTag) {
        try (InputStream in = resource(WEBJAR + version + "/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Looked for at each "</" rather than in a lower-cased copy, which took most of the page's making.
            for (int at = text.indexOf("</"); at >= 0; at = text.indexOf("</", at + 2)) {
                if (text.regionMatches(true, at, closingTag, 0, closingTag.length())) {
                    throw new IllegalStateException(name + " holds " + closingTag + " and cannot be written into the page");
                }
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the class path (the org.webjars:swagger-ui dependency)");
        }
        return in;
    }

    static String sha256(String script) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
