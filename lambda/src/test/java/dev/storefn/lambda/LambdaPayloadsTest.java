package dev.storefn.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

class LambdaPayloadsTest {

    private static WireRequest accepting(String acceptEncoding) {
        return new WireRequest("GET", "/api/orders/admin/all/", Map.of(),
                acceptEncoding == null ? Map.of() : Map.of("accept-encoding", List.of(acceptEncoding)), new byte[0], "198.51.100.1");
    }

    /** A JSON list of orders as the admin list writes them, of about the given size. */
    private static WireResponse orders(int bytes) {
        StringBuilder json = new StringBuilder("[");
        for (int id = 1; json.length() < bytes; id++) {
            json.append(id > 1 ? "," : "").append("{\"id\":").append(id).append(",\"user\":").append(id % 997)
                    .append(",\"total_amount\":\"").append(100 + id % 900).append(".00\",\"payment_method\":\"cod\",")
                    .append("\"order_status\":\"processing\",\"created_at\":\"2025-05-0").append(1 + id % 9).append("T10:00:00+05:30\"}");
        }
        return WireResponse.json(200, json.append("]").toString());
    }

    private static byte[] gunzip(String base64) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            return in.readAllBytes();
        }
    }

    @Test
    void anAnswerTheClientAcceptsGzippedIsSentGzippedAndBase64Encoded() throws IOException {
        WireResponse answer = orders(200_000);

        APIGatewayV2HTTPResponse event = ApiGatewayEvents.toHttpApi(LambdaPayloads.fit(accepting("gzip, deflate, br"), answer));

        assertThat(event.getHeaders()).containsEntry("Content-Encoding", "gzip").containsEntry("Vary", "Accept-Encoding")
                .containsEntry("Content-Type", "application/json");
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(gunzip(event.getBody())).isEqualTo(answer.body());
        assertThat(event.getBody().length()).isLessThan(answer.body().length / 4);
    }

    @Test
    void withoutGzipAcceptedOrForSmallAnswersTheBodyIsTextAsItWas() {
        WireResponse large = orders(200_000);
        WireResponse small = WireResponse.json(200, "{\"id\":1}");

        for (String refused : new String[] {null, "identity", "gzip;q=0, deflate", "br", "*;q=0", "gzip;q=0.000"}) {
            WireResponse sent = LambdaPayloads.fit(accepting(refused), large);
            assertThat(sent).as(String.valueOf(refused)).isSameAs(large);
        }
        assertThat(LambdaPayloads.fit(accepting("gzip"), small)).isSameAs(small);
        assertThat(LambdaPayloads.acceptsGzip("*")).isTrue();
        assertThat(LambdaPayloads.acceptsGzip("GZIP;q=0.5")).isTrue();
        assertThat(LambdaPayloads.acceptsGzip("br, *;q=0.1")).isTrue();
        assertThat(LambdaPayloads.acceptsGzip("gzip;q=0, *")).isFalse();
    }

    @Test
    void anAnswerThatWouldNotFitIsAClearJsonErrorWithOrWithoutGzip() {
        WireResponse fitsOnlyGzipped = orders(8_000_000).withHeader("X-Request-Id", "3b505004fb7175b5");
        WireResponse tooLargeEvenGzipped = WireResponse.json(200, randomText(10_000_000));

        WireResponse plain = LambdaPayloads.fit(accepting(null), fitsOnlyGzipped);
        WireResponse zipped = LambdaPayloads.fit(accepting("gzip"), fitsOnlyGzipped);
        WireResponse refused = LambdaPayloads.fit(accepting("gzip"), tooLargeEvenGzipped);

        assertThat(plain.status()).isEqualTo(500);
        assertThat(plain.header("X-Request-Id")).isEqualTo("3b505004fb7175b5");
        assertThat(plain.header("Content-Type")).isEqualTo("application/json");
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo("{\"detail\":\"This answer is larger than the 6 MB a"
                + " function on AWS Lambda can return. Ask for it in pages (page and page_size) or accept gzip (Accept-Encoding).\"}");
        assertThat(zipped.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(500);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo("{\"detail\":\"This answer is larger than the 6 MB a"
                + " function on AWS Lambda can return, even gzipped. Ask for it in pages (page and page_size).\"}");
    }

    @Test
    void quotesCountTwiceSinceTheBodyIsAStringInTheResponseEvent() {
        String quotes = "\"".repeat(LambdaPayloads.LIMIT / 2 + 10);
        WireResponse answer = WireResponse.json(200, "[" + quotes + "]");

        assertThat(answer.body().length).isLessThan(LambdaPayloads.LIMIT);
        assertThat(LambdaPayloads.fit(accepting(null), answer).status()).isEqualTo(500);
    }

    @Test
    void aStreamedAnswerIsHeldGzippedOrPlainAndGivenUpOnceItCouldNotFit() throws IOException {
        WireResponse large = orders(8_000_000);
        WireResponse small = orders(2_000);
        WireResponse streamedLarge = WireResponse.streamed(200, large.headers(), out -> out.write(large.body()));
        WireResponse streamedSmall = WireResponse.streamed(200, small.headers(), out -> out.write(small.body()));

        WireResponse zipped = LambdaPayloads.fit(accepting("gzip"), streamedLarge);
        WireResponse plainSmall = LambdaPayloads.fit(accepting(null), streamedSmall);
        WireResponse plainLarge = LambdaPayloads.fit(accepting(null), streamedLarge);

        assertThat(zipped.status()).isEqualTo(200);
        assertThat(zipped.streamed()).isNull();
        assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gunzip(Base64.getEncoder().encodeToString(zipped.body()))).isEqualTo(large.body());
        assertThat(plainSmall.streamed()).isNull();
        assertThat(plainSmall.body()).isEqualTo(small.body());
        assertThat(plainLarge.status()).isEqualTo(500);
    }

    private static String randomText(int length) {
        java.util.Random random = new java.util.Random(7);
        StringBuilder text = new StringBuilder(length + 2).append('"');
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.append('"').toString();
    }
}
