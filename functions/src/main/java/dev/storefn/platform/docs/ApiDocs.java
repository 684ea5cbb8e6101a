package dev.storefn.platform.docs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Document;

/**
 * {@code GET /docs/}: Swagger UI over {@code /schema/}. The page loads a pinned swagger-ui-dist from jsDelivr
 * with subresource integrity, and its content security policy allows nothing else to run.
 */
@Component
public class ApiDocs implements Function<ApiDocs.Input, Document> {

    public record Input() {
    }

    static final String SWAGGER_UI = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.35.0/";
    // sha384 of the files in the swagger-ui-dist 5.35.0 npm package, which jsDelivr serves unchanged.
    static final String BUNDLE_INTEGRITY = "sha384-gjRm0bEPMeTmMh5jT2cHccIwCUZSTd8YC+j0d0sXw0MdGEfScduGpSyF3ZSSLkX9";
    static final String CSS_INTEGRITY = "sha384-WlYgdmXYOOBWL5apwjDEZwN+U3HmXSSu5R6V5aGxEcf7z+KuRNwBhoxKVN1i3D5I";

    // Relative, so the page also works under a path prefix (an API Gateway stage).
    private static final String START = "window.ui = SwaggerUIBundle({url: '../schema/', dom_id: '#swagger-ui'});";

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>storefn API</title>
              <link rel="stylesheet" href="%sswagger-ui.css" integrity="%s" crossorigin="anonymous">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="%sswagger-ui-bundle.js" integrity="%s" crossorigin="anonymous"></script>
              <script>%s</script>
            </body>
            </html>
            """.formatted(SWAGGER_UI, CSS_INTEGRITY, SWAGGER_UI, BUNDLE_INTEGRITY, START);

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src " + SWAGGER_UI + " 'sha256-" + sha256(START)
            + "'; style-src " + SWAGGER_UI + " 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

    @Override
    public Document apply(Input input) {
        return Document.page("text/html; charset=utf-8", PAGE, CONTENT_SECURITY_POLICY);
    }

    private static String sha256(String script) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
