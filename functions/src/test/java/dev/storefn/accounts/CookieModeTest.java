package dev.storefn.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;

@TestPropertySource(properties = "AUTH_COOKIES=true")
class CookieModeTest extends AccountsTestSupport {

    private record Session(String access, String refresh, String csrf) {
        String cookieHeader() {
            return "__Host-access=" + access + "; __Secure-refresh=" + refresh + "; __Host-csrftoken=" + csrf;
        }
    }

    private Session signIn() {
        createUser("ada@example.com", false);
        WireResponse response = post("/api/login/", "{\"email\":\"ada@example.com\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(response.status()).isEqualTo(200);
        List<String> cookies = response.headerValues("Set-Cookie");
        assertThat(cookies).hasSize(3);
        return new Session(value(cookies, "__Host-access"), value(cookies, "__Secure-refresh"), value(cookies, "__Host-csrftoken"));
    }

    private static String value(List<String> cookies, String name) {
        String cookie = cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow();
        return cookie.substring(name.length() + 1, cookie.indexOf(';'));
    }

    @Test
    void signingInSetsHttpOnlySecureSameSiteCookiesAndKeepsTheJsonBody() {
        createUser("ada@example.com", false);
        WireResponse response = post("/api/login/", "{\"email\":\"ada@example.com\",\"password\":\"" + PASSWORD + "\"}");
        JsonNode body = body(response);
        assertThat(body.has("access")).isTrue();
        List<String> cookies = response.headerValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("__Host-access=" + body.get("access").asString() + ";")
                .contains("HttpOnly", "Secure", "SameSite=Lax", "Max-Age=3600", "Path=/"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("__Secure-refresh=").contains("HttpOnly", "Secure", "Max-Age=604800"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("__Host-csrftoken=").contains("Secure").doesNotContain("HttpOnly"));
    }

    @Test
    void aSignInPostedFromAnotherSitesPageIsRefusedAndSetsNoCookie() {
        createUser("ada@example.com", false);
        String login = "{\"email\":\"ada@example.com\",\"password\":\"" + PASSWORD + "\"}";
        WireResponse forged = send("POST", "/api/login/", login, Map.of("Origin", "https://evil.example", "Host", "api.shop.example"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(body(forged).get("detail").asString())
                .isEqualTo("CSRF Failed: Origin checking failed - https://evil.example does not match any trusted origins.");
        assertThat(forged.headerValues("Set-Cookie")).isEmpty();
        // The storefront's origin, the API's own, and clients that send no Origin at all are served.
        assertThat(send("POST", "/api/login/", login, Map.of("Origin", "http://localhost:5173")).status()).isEqualTo(200);
        assertThat(send("POST", "/api/login/", login, Map.of("Origin", "https://api.shop.example", "Host", "api.shop.example")).status())
                .isEqualTo(200);
        assertThat(post("/api/login/", login).status()).isEqualTo(200);
    }

    @Test
    void cookiesAuthenticateSafeRequests() {
        Session session = signIn();
        WireResponse me = send("GET", "/api/me/", null, Map.of("Cookie", session.cookieHeader()));
        assertThat(me.status()).isEqualTo(200);
        assertThat(body(me).get("email").asString()).isEqualTo("ada@example.com");
    }

    @Test
    void cookieAuthenticatedUnsafeRequestsNeedTheMatchingCsrfHeader() {
        Session session = signIn();
        WireResponse missing = send("POST", "/api/logout/", null, Map.of("Cookie", session.cookieHeader()));
        assertThat(missing.status()).isEqualTo(403);
        assertThat(body(missing).get("detail").asString()).startsWith("CSRF Failed");
        WireResponse wrong = send("POST", "/api/logout/", null, Map.of("Cookie", session.cookieHeader(), "X-CSRFToken", "forged"));
        assertThat(wrong.status()).isEqualTo(403);
        WireResponse planted = send("POST", "/api/logout/", null,
                Map.of("Cookie", "__Host-access=" + session.access() + "; __Host-csrftoken=forged", "X-CSRFToken", "forged"));
        assertThat(planted.status()).isEqualTo(403);

        WireResponse ok = send("POST", "/api/logout/", null, Map.of("Cookie", session.cookieHeader(), "X-CSRFToken", session.csrf()));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.headerValues("Set-Cookie")).hasSize(3).allSatisfy(cookie -> assertThat(cookie).contains("Max-Age=0"));
        assertThat(send("GET", "/api/me/", null, Map.of("Cookie", session.cookieHeader())).status()).isEqualTo(401);
    }

    @Test
    void bearerRequestsNeedNoCsrfHeader() {
        Session session = signIn();
        assertThat(send("POST", "/api/logout/", null, bearer(session.access())).status()).isEqualTo(200);
    }

    @Test
    void theRefreshCookieRefreshesWithTheCsrfHeaderAndOnlyWithIt() {
        Session session = signIn();
        WireResponse forged = send("POST", "/api/refresh/", null, Map.of("Cookie", "__Secure-refresh=" + session.refresh()));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(body(forged).get("detail").asString()).startsWith("CSRF Failed");
        WireResponse refreshed = send("POST", "/api/refresh/", null, Map.of("Cookie", "__Secure-refresh=" + session.refresh()
                + "; __Host-csrftoken=" + session.csrf(), "X-CSRFToken", session.csrf()));
        assertThat(refreshed.status()).isEqualTo(200);
        String access = body(refreshed).get("access").asString();
        assertThat(refreshed.headerValues("Set-Cookie")).singleElement().satisfies(c -> assertThat(c).startsWith("__Host-access=" + access));
    }
}
