package dev.storefn.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.storefn.Storefn;
import dev.storefn.platform.wire.QueryStrings;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.dispatch.Dispatcher;
import dev.storefn.platform.wire.WireResponse;

class RateLimitTest extends AccountsTestSupport {

    private static final String WRONG = "{\"email\":\"ada@example.com\",\"password\":\"wrong password\"}";

    private WireResponse loginFrom(String address) {
        return sendFrom(address, "POST", "/api/login/", WRONG, Map.of());
    }

    @Test
    void aLoginFloodFromOneAddressEndsIn429JsonWhileAnotherAddressIsUnaffected() {
        createUser("ada@example.com", false);
        for (int i = 0; i < 5; i++) {
            assertThat(loginFrom("198.51.100.1").status()).isEqualTo(400);
        }
        WireResponse limited = loginFrom("198.51.100.1");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).isEqualTo("application/json");
        assertThat(body(limited).get("detail").asString()).startsWith("Request was throttled.");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(loginFrom("198.51.100.2").status()).isEqualTo(400);
    }

    @Test
    void theClientAddressIsTheRightMostUntrustedForwardedEntry() {
        // Through the local proxy every request comes from 127.0.0.1; X-Forwarded-For tells the clients apart.
        for (int i = 0; i < 5; i++) {
            sendFrom("127.0.0.1", "POST", "/api/login/", WRONG, Map.of("X-Forwarded-For", "6.6.6.6, 198.51.100.3"));
        }
        assertThat(sendFrom("127.0.0.1", "POST", "/api/login/", WRONG, Map.of("X-Forwarded-For", "1.1.1.1, 198.51.100.3")).status())
                .isEqualTo(429);
        assertThat(sendFrom("127.0.0.1", "POST", "/api/login/", WRONG, Map.of("X-Forwarded-For", "198.51.100.4")).status())
                .isEqualTo(400);
        // An untrusted peer cannot pick its own address by sending the header.
        for (int i = 0; i < 5; i++) {
            sendFrom("198.51.100.5", "POST", "/api/login/", WRONG, Map.of("X-Forwarded-For", "10.9.9." + i));
        }
        assertThat(sendFrom("198.51.100.5", "POST", "/api/login/", WRONG, Map.of("X-Forwarded-For", "10.9.9.99")).status())
                .isEqualTo(429);
    }

    @Test
    void registrationAllowsThreeAnHourPerAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(sendFrom("198.51.100.6", "POST", "/api/register/", "{\"email\":\"u" + i + "@example.com\",\"password\":\"long enough\"}",
                    Map.of()).status()).isEqualTo(201);
        }
        WireResponse fourth = sendFrom("198.51.100.6", "POST", "/api/register/", "{\"email\":\"u9@example.com\",\"password\":\"long enough\"}",
                Map.of());
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(users.findByEmail(Email.of("u9@example.com").orElseThrow())).isEmpty();
    }

    @Test
    void failedLoginsAreAlsoLimitedPerAccountAcrossAddresses() {
        createUser("ada@example.com", false);
        for (int i = 0; i < Login.FAILURES_PER_ACCOUNT; i++) {
            assertThat(loginFrom("198.51.101." + i).status()).isEqualTo(400);
        }
        WireResponse refused = sendFrom("198.51.102.1", "POST", "/api/login/",
                "{\"email\":\"ADA@example.com\",\"password\":\"" + PASSWORD + "\"}", Map.of());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(sendFrom("198.51.102.2", "POST", "/api/login/", "{\"email\":\"other@example.com\",\"password\":\"whatever1\"}",
                Map.of()).status()).isEqualTo(400);
    }

    @Test
    void parallelGuessesFromManyAddressesGetNoMoreThanTheLimitOfPasswordChecks() throws Exception {
        createUser("ada@example.com", false);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String address = "198.51.103." + i;
                answers.add(pool.submit(() -> loginFrom(address).status()));
            }
            int checked = 0;
            for (java.util.concurrent.Future<Integer> answer : answers) {
                int status = answer.get();
                assertThat(status).isIn(400, 429);
                checked += status == 400 ? 1 : 0;
            }
            assertThat(checked).isEqualTo(Login.FAILURES_PER_ACCOUNT);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSuccessfulLoginDoesNotUseUpTheAccountsFailures() {
        createUser("ada@example.com", false);
        for (int i = 0; i < Login.FAILURES_PER_ACCOUNT + 5; i++) {
            assertThat(sendFrom("198.51.104." + i, "POST", "/api/login/", "{\"email\":\"ada@example.com\",\"password\":\"" + PASSWORD + "\"}",
                    Map.of()).status()).isEqualTo(200);
        }
        assertThat(loginFrom("198.51.104.200").status()).isEqualTo(400);
    }

    @Test
    void theLimitHoldsAcrossTwoInstancesSharingTheDatabase() {
        createUser("ada@example.com", false);
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(Storefn.class).web(WebApplicationType.NONE).run()) {
            Dispatcher second = other.getBean(Dispatcher.class);
            assertThat(second).isNotSameAs(dispatcher);
            for (int i = 0; i < 5; i++) {
                Dispatcher instance = i % 2 == 0 ? dispatcher : second;
                assertThat(instance.dispatch(loginRequest("198.51.100.8")).status()).isEqualTo(400);
            }
            assertThat(second.dispatch(loginRequest("198.51.100.8")).status()).isEqualTo(429);
            assertThat(dispatcher.dispatch(loginRequest("198.51.100.8")).status()).isEqualTo(429);
            assertThat(second.dispatch(loginRequest("198.51.100.9")).status()).isEqualTo(400);
        }
    }

    private static WireRequest loginRequest(String address) {
        return new WireRequest("POST", "/api/login/", Map.of(), Map.of("Content-Type", List.of("application/json")),
                WRONG.getBytes(), address);
    }
}
