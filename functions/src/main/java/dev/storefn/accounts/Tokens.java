package dev.storefn.accounts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.storefn.platform.BoundedMemo;
import dev.storefn.platform.Unique;
import dev.storefn.platform.Misconfiguration;

/**
 * Signed HS256 JWTs, with simplejwt's claims ({@code token_type}, {@code user_id} as a string, {@code jti},
 * {@code iat}, {@code exp}) plus the session id ({@code sid}) that logout revokes.
 */
@Component
class Tokens {

    static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
    static final Duration REFRESH_LIFETIME = Duration.ofDays(7);
    static final int MIN_SECRET_BYTES = 32;

    enum Type {
        ACCESS("access", ACCESS_LIFETIME), REFRESH("refresh", REFRESH_LIFETIME);

        final String claim;
        final Duration lifetime;

        Type(String claim, Duration lifetime) {
            this.claim = claim;
            this.lifetime = lifetime;
        }
    }

    record Claims(long userId, String sessionId, Instant issuedAt, Instant expiresAt) {
    }

    private final byte[] secret;
    private final MACSigner signer;
    private final MACVerifier verifier;
    static final int VERIFIED_KEPT = 4096;
    /**
     * Tokens that verified, by their text: a caller sends the same token with every request for an hour, and
     * parsing its JSON and computing its HMAC each time was a fifth of an authenticated request's time. Only
     * tokens that verified are kept, so garbage cannot fill it; expiry is still checked on every use, and the
     * session's revocation is checked by the caller of {@link #verify} as before.
     */
    private final BoundedMemo<String, Verified> verified = new BoundedMemo<>(VERIFIED_KEPT);

    private record Verified(Type type, Claims claims) {
    }

    Tokens(@Value("${SECRET_KEY:}") String secretKey) {
        this.secret = secretKey.getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new Misconfiguration(secretKey.isEmpty()
                    ? "SECRET_KEY is not set: set it to 32 or more random characters, e.g. the output of `openssl rand -base64 48`"
                    : "SECRET_KEY is too short (" + secret.length + " bytes): set it to 32 or more random characters, e.g. the output"
                            + " of `openssl rand -base64 48`");
        }
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException("SECRET_KEY cannot be used as an HMAC key", e);
        }
    }

    static String newSessionId() {
        return Unique.hex(16);
    }

    String issue(Type type, long userId, String sessionId) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("token_type", type.claim)
                .claim("user_id", Long.toString(userId))
                .claim("sid", sessionId)
                .jwtID(Unique.hex(16))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(type.lifetime)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return jwt.serialize();
    }

    /** The claims of a well-signed, unexpired token of the expected type; empty for anything else. */
    Optional<Claims> verify(String token, Type expected) {
        return read(token, expected).filter(claims -> claims.expiresAt().isAfter(Instant.now()));
    }

    /** Like {@link #verify} but also for expired tokens: logout must be able to end a session whose access token lapsed. */
    Optional<Claims> verifyIgnoringExpiry(String token, Type expected) {
        return read(token, expected);
    }

    private Optional<Claims> read(String token, Type expected) {
        if (token == null || token.isEmpty() || token.length() > 4096) {
            return Optional.empty();
        }
        Verified known = verified.get(token);
        if (known != null) {
            return known.type() == expected ? Optional.of(known.claims()) : Optional.empty();
        }
        Optional<Claims> claims = parse(token, expected);
        claims.ifPresent(valid -> verified.put(token, new Verified(expected, valid)));
        return claims;
    }

    /** How many verified tokens are kept now. */
    int verifiedKept() {
        return verified.size();
    }

    private Optional<Claims> parse(String token, Type expected) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Object userId = claims.getClaim("user_id");
            String sessionId = claims.getStringClaim("sid");
            Date expiry = claims.getExpirationTime();
            Date issued = claims.getIssueTime();
            if (!expected.claim.equals(claims.getClaim("token_type")) || userId == null || sessionId == null || expiry == null
                    || issued == null) {
                return Optional.empty();
            }
            return Optional.of(new Claims(Long.parseLong(userId.toString()), sessionId, issued.toInstant(), expiry.toInstant()));
        } catch (ParseException | JOSEException | NumberFormatException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** The CSRF token of a session for cookie mode: derived from the session, so a planted cookie is useless. */
    String csrfToken(String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("csrf:" + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
