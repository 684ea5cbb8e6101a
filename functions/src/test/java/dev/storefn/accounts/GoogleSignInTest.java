package dev.storefn.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import dev.storefn.platform.wire.WireResponse;
import dev.storefn.platform.provider.ProviderGates;
import tools.jackson.databind.JsonNode;

/** Google ID tokens signed with the test's own key, whose JWKS is served from a local endpoint. */
class GoogleSignInTest extends AccountsTestSupport {

    static final String CLIENT_ID = "storefn-test.apps.googleusercontent.com";
    static final RSAKey GOOGLE_KEY = key("google-1");
    static final RSAKey STRANGER_KEY = key("google-1");
    static final HttpServer JWKS = jwksServer();
    static final AtomicInteger CLIENTS = new AtomicInteger();

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) {
        registry.add("GOOGLE_CLIENT_ID", () -> CLIENT_ID);
        registry.add("GOOGLE_JWKS_URL", () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/oauth2/v3/certs");
    }

    @AfterAll
    static void stop() {
        JWKS.stop(0);
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwksServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(GOOGLE_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/v3/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet.Builder claims(String email) {
        return new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .audience(CLIENT_ID)
                .subject("1098765")
                .issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                .claim("email", email)
                .claim("email_verified", true)
                .claim("given_name", "Grace")
                .claim("family_name", "Hopper")
                .claim("picture", "https://lh3.googleusercontent.com/a/grace");
    }

    static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private WireResponse google(String idToken) {
        return sendFrom("198.51.104." + CLIENTS.incrementAndGet() % 250, "POST", "/api/google/",
                "{\"id_token\":\"" + idToken + "\"}", Map.of());
    }

    @Test
    void aVerifiedGoogleAccountSignsUpThenSignsIn() throws Exception {
        WireResponse first = google(sign(GOOGLE_KEY, claims("grace@example.com").build()));
        assertThat(first.status()).isEqualTo(200);
        JsonNode body = body(first);
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("user", "created", "access", "refresh");
        assertThat(body.get("created").asBoolean()).isTrue();
        assertThat(body.get("user").get("first_name").asString()).isEqualTo("Grace");
        assertThat(body.get("user").get("picture").asString()).isEqualTo("https://lh3.googleusercontent.com/a/grace");
        assertThat(send("GET", "/api/me/", null, bearer(body.get("access").asString())).status()).isEqualTo(200);

        JsonNode again = body(google(sign(GOOGLE_KEY, claims("Grace@EXAMPLE.com").build())));
        assertThat(again.get("created").asBoolean()).isFalse();
        assertThat(again.get("user").get("id")).isEqualTo(body.get("user").get("id"));
        assertThat(users.findByEmail(Email.of("grace@example.com").orElseThrow()).orElseThrow().passwordHash()).isEmpty();
    }

    @Test
    void anExistingAccountIsLinkedAndItsPictureUpdated() throws Exception {
        User existing = createUser("grace@example.com", false);
        JsonNode body = body(google(sign(GOOGLE_KEY, claims("grace@example.com").build())));
        assertThat(body.get("created").asBoolean()).isFalse();
        assertThat(body.get("user").get("id").asLong()).isEqualTo(existing.id());
        assertThat(body.get("user").get("picture").asString()).isEqualTo("https://lh3.googleusercontent.com/a/grace");
    }

    @Test
    void tokensThatShouldNotPassAreInvalid() throws Exception {
        String[] refused = {
                sign(STRANGER_KEY, claims("grace@example.com").build()),
                sign(GOOGLE_KEY, claims("grace@example.com").audience("someone-else.apps.googleusercontent.com").build()),
                sign(GOOGLE_KEY, claims("grace@example.com").issuer("https://evil.example.com").build()),
                sign(GOOGLE_KEY, claims("grace@example.com").expirationTime(new Date(System.currentTimeMillis() - 120_000)).build()),
                "not-a-jwt",
        };
        for (String token : refused) {
            WireResponse response = google(token);
            assertThat(response.status()).as(token).isEqualTo(400);
            assertThat(body(response).get("detail").asString()).isEqualTo("Invalid Google token");
        }
        assertThat(users.findByEmail(Email.of("grace@example.com").orElseThrow())).isEmpty();
    }

    @Test
    void anUnverifiedEmailIsRefused() throws Exception {
        WireResponse response = google(sign(GOOGLE_KEY, claims("grace@example.com").claim("email_verified", false).build()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(users.findByEmail(Email.of("grace@example.com").orElseThrow())).isEmpty();
    }

    @Test
    void aMissingIdTokenIs400() {
        WireResponse response = sendFrom("198.51.105.1", "POST", "/api/google/", "{}", Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).get("detail").asString()).isEqualTo("Missing id_token");
    }

    @Test
    void aBlockedAccountIs403() throws Exception {
        block(createUser("grace@example.com", false));
        WireResponse response = google(sign(GOOGLE_KEY, claims("grace@example.com").build()));
        assertThat(response.status()).isEqualTo(403);
        assertThat(body(response).get("detail").asString()).isEqualTo("Your account has been blocked. Please contact support.");
    }

    @Test
    void unreachableKeysAreReportedAsUnavailable() throws Exception {
        GoogleIdTokens unreachable = new GoogleIdTokens(CLIENT_ID, "http://127.0.0.1:9/certs", new ProviderGates(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        String token = sign(GOOGLE_KEY, claims("grace@example.com").build());
        assertThatThrownBy(() -> unreachable.verify(token)).isInstanceOf(GoogleIdTokens.Unavailable.class);
    }
}
