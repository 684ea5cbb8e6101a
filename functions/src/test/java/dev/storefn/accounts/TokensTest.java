package dev.storefn.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Tokens on their own, with plain values: what a repeat of a verified token is still checked for. */
class TokensTest {

    private static final String KEY = "storefn-test-secret-key-0123456789abcdef";
    private final Tokens tokens = new Tokens(KEY);

    @Test
    void aTokenVerifiedBeforeGivesTheSameClaimsAndKeepsItsType() {
        String session = Tokens.newSessionId();
        String access = tokens.issue(Tokens.Type.ACCESS, 7, session);
        String refresh = tokens.issue(Tokens.Type.REFRESH, 7, session);

        Tokens.Claims first = tokens.verify(access, Tokens.Type.ACCESS).orElseThrow();
        assertThat(tokens.verify(access, Tokens.Type.ACCESS)).contains(first);
        assertThat(first.userId()).isEqualTo(7);
        assertThat(first.sessionId()).isEqualTo(session);
        // Known as an access token, it is still no refresh token, and the other way round.
        assertThat(tokens.verify(access, Tokens.Type.REFRESH)).isEmpty();
        assertThat(tokens.verify(refresh, Tokens.Type.REFRESH)).isPresent();
        assertThat(tokens.verify(refresh, Tokens.Type.ACCESS)).isEmpty();
        assertThat(tokens.verify(refresh, Tokens.Type.REFRESH)).isPresent();
    }

    @Test
    void aTokenThatVerifiedIsRefusedOnceItExpires() throws Exception {
        long now = System.currentTimeMillis();
        // JWT expiry has whole seconds: this one ends at the second after next.
        Date expiry = new Date((now / 1000 + 2) * 1000);
        String token = sign(new JWTClaimsSet.Builder().claim("token_type", "access").claim("user_id", "7").claim("sid", "s")
                .issueTime(new Date(now)).expirationTime(expiry).build());

        assertThat(tokens.verify(token, Tokens.Type.ACCESS)).isPresent();
        Thread.sleep(expiry.getTime() - System.currentTimeMillis() + 50);

        assertThat(tokens.verify(token, Tokens.Type.ACCESS)).isEmpty();
        // Logout may still end the session of a lapsed token.
        assertThat(tokens.verifyIgnoringExpiry(token, Tokens.Type.ACCESS)).isPresent();
    }

    @Test
    void aTokenWithoutItsIssueTimeIsRefused() throws Exception {
        // Without it a session's end (create-staff --reset-password) could not tell the token's age.
        Date expiry = new Date(System.currentTimeMillis() + 60_000);
        String token = sign(new JWTClaimsSet.Builder().claim("token_type", "access").claim("user_id", "7").claim("sid", "s")
                .expirationTime(expiry).build());

        assertThat(tokens.verify(token, Tokens.Type.ACCESS)).isEmpty();
    }

    @Test
    void aTokenWithABadSignatureIsRefusedEveryTimeAndTheKeptOnesStayBounded() throws Exception {
        String good = tokens.issue(Tokens.Type.ACCESS, 7, "s");
        String forged = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
        for (int i = 0; i < 3; i++) {
            assertThat(tokens.verify(forged, Tokens.Type.ACCESS)).isEmpty();
        }
        // More distinct tokens than are kept: each still verifies, the early ones again after the cache starts over.
        String earliest = tokens.issue(Tokens.Type.ACCESS, 1, "s");
        assertThat(tokens.verify(earliest, Tokens.Type.ACCESS)).isPresent();
        for (int i = 0; i <= Tokens.VERIFIED_KEPT; i++) {
            assertThat(tokens.verify(tokens.issue(Tokens.Type.ACCESS, i, "s"), Tokens.Type.ACCESS)).isPresent();
            assertThat(tokens.verifiedKept()).isBetween(1, Tokens.VERIFIED_KEPT);
        }
        assertThat(tokens.verify(earliest, Tokens.Type.ACCESS).orElseThrow().userId()).isEqualTo(1);
        assertThat(tokens.verify(forged, Tokens.Type.ACCESS)).isEmpty();
    }

    private static String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(KEY.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
