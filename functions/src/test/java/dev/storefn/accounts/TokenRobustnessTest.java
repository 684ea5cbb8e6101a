package dev.storefn.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.storefn.platform.wire.WireResponse;

/** Whatever a client presents as a token, the answer is never a 500. */
class TokenRobustnessTest extends AccountsTestSupport {

    private static final String OTHER_KEY = "someone-else's-secret-key-0123456789abcdef";
    private static final String OUR_KEY = "storefn-test-secret-key-0123456789abcdef";

    private static String sign(String key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private List<String> hostileTokens(User user) throws Exception {
        List<String> tokens = new ArrayList<>();
        Date past = new Date(System.currentTimeMillis() - 7_200_000);
        Date future = new Date(System.currentTimeMillis() + 3_600_000);
        String id = Long.toString(user.id());
        tokens.add(sign(OUR_KEY, new JWTClaimsSet.Builder().claim("token_type", "access").claim("user_id", id).claim("sid", "s")
                .expirationTime(past).build()));
        tokens.add(sign(OTHER_KEY, new JWTClaimsSet.Builder().claim("token_type", "access").claim("user_id", id).claim("sid", "s")
                .expirationTime(future).build()));
        tokens.add(sign(OUR_KEY, new JWTClaimsSet.Builder().claim("token_type", "access").claim("user_id", "abc").claim("sid", "s")
                .expirationTime(future).build()));
        tokens.add(sign(OUR_KEY, new JWTClaimsSet.Builder().claim("token_type", "access").claim("user_id", List.of(1)).claim("sid", "s")
                .expirationTime(future).build()));
        tokens.add(sign(OUR_KEY, new JWTClaimsSet.Builder().claim("token_type", "access").claim("sid", "s").expirationTime(future).build()));
        tokens.add(sign(OUR_KEY, new JWTClaimsSet.Builder().claim("token_type", "access").claim("user_id", id).expirationTime(future).build()));
        tokens.add(sign(OUR_KEY, new JWTClaimsSet.Builder().claim("token_type", "access").claim("user_id", "99999999999999999999")
                .claim("sid", "s").expirationTime(future).build()));
        tokens.add(tokens.get(0).substring(0, tokens.get(0).lastIndexOf('.')) + ".");
        String unsignedHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"token_type\":\"access\",\"user_id\":\"" + id + "\",\"sid\":\"s\",\"exp\":9999999999}").getBytes());
        tokens.add(unsignedHeader + "." + payload + ".");
        tokens.add(tokens.get(1).replace('.', '!'));
        tokens.add("a".repeat(10_000));
        tokens.add("..");
        Random random = new Random(42);
        for (int i = 0; i < 30; i++) {
            byte[] bytes = new byte[random.nextInt(200) + 1];
            random.nextBytes(bytes);
            tokens.add(Base64.getUrlEncoder().encodeToString(bytes) + "." + Base64.getUrlEncoder().encodeToString(bytes));
        }
        return tokens;
    }

    private record Pair(String access, String refresh) {
    }

    private Pair tokens(User user) {
        String session = Tokens.newSessionId();
        return new Pair(tokens.issue(Tokens.Type.ACCESS, user.id(), session), tokens.issue(Tokens.Type.REFRESH, user.id(), session));
    }

    @Test
    void invalidExpiredRevokedOrWrongTypeTokensNeverProduceA500() throws Exception {
        User user = createUser("ada@example.com", false);
        Pair revoked = tokens(user);
        assertThat(send("POST", "/api/logout/", null, bearer(revoked.access())).status()).isEqualTo(200);
        List<String> hostile = hostileTokens(user);
        hostile.add(revoked.access());
        hostile.add(revoked.refresh());
        for (String token : hostile) {
            WireResponse me = send("GET", "/api/me/", null, bearer(token));
            assertThat(me.status()).as(token).isIn(401);
            WireResponse products = send("GET", "/api/products/", null, bearer(token));
            assertThat(products.status()).as(token).isIn(200, 401);
            String json = "{\"refresh\":\"" + token.replace("\"", "") + "\"}";
            assertThat(post("/api/refresh/", json).status()).as(token).isIn(401);
            assertThat(post("/api/logout/", json).status()).as(token).isEqualTo(200);
        }
        assertThat(send("GET", "/api/me/", null, bearer(tokens(user).refresh())).status()).isEqualTo(401);
    }
}
