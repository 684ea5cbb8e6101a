package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.storefn.testing.ThroughLambda;

/**
 * {@code /metrics} as a Prometheus on the box scrapes it: every route's answers by status with a latency
 * histogram, the pool and the JVM; refused to anything that came through a proxy. (deploy/test.sh shows
 * nginx refusing the path from outside.)
 */
class MetricsHttpTest extends HttpTest {

    @BeforeEach
    void onTheBoxOnly() {
        ThroughLambda.skipUnlessDirect("the box's Prometheus endpoint; on Lambda the same figures are metric log lines");
    }

    private HttpResponse<String> scrape(String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(String scrape, String route, int status) {
        Matcher matcher = Pattern.compile("^storefn_requests_seconds_count\\{route=\"" + Pattern.quote(route) + "\",status=\""
                + status + "\"} ([0-9.]+)$", Pattern.MULTILINE).matcher(scrape);
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void aScrapeCountsEachRouteByStatusWithItsLatencyHistogramAndThePoolAndJvm() throws Exception {
        String before = scrape().body();
        long products = count(before, "GET /api/products/", 200);
        long missing = count(before, "GET /api/products/{id}/", 404);

        assertThat(call("GET", "/api/products/", null, null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/products/", null, null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/products/987654321/", null, null).status()).isEqualTo(404);
        assertThat(call("GET", "/no/such/path/", null, null).status()).isEqualTo(404);

        HttpResponse<String> response = scrape();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        String scrape = response.body();
        assertThat(count(scrape, "GET /api/products/", 200)).isEqualTo(products + 2);
        assertThat(count(scrape, "GET /api/products/{id}/", 404)).isEqualTo(missing + 1);
        assertThat(count(scrape, "none", 404)).isPositive();
        assertThat(scrape).containsPattern("(?m)^storefn_requests_seconds_bucket\\{route=\"GET /api/products/\",status=\"200\",le=\"0\\.005\"} [0-9]+$");
        assertThat(scrape).containsPattern("(?m)^storefn_db_pool_max [1-9]");
        assertThat(scrape).containsPattern("(?m)^storefn_db_pool_active ").containsPattern("(?m)^storefn_db_pool_open [1-9]");
        assertThat(scrape).containsPattern("(?m)^jvm_memory_used_bytes\\{");
        assertThat(scrape).containsPattern("(?m)^process_resident_memory_bytes [1-9]");
    }

    @Test
    void whatCameThroughAProxyOrIsNotAReadIsTheUnknownPathItIsToThePublic() throws Exception {
        for (String[] headers : new String[][] {{"X-Forwarded-For", "203.0.113.9"}, {"Forwarded", "for=203.0.113.9"}}) {
            HttpResponse<String> response = scrape(headers);
            assertThat(response.statusCode()).as(headers[0]).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"detail\":\"Not found.\"}");
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(404);
    }
}
