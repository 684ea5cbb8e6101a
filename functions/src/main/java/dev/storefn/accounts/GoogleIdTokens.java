package dev.storefn.accounts;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;

import dev.storefn.platform.provider.Provider;
import dev.storefn.platform.provider.ProviderBusy;
import dev.storefn.platform.provider.ProviderFailed;
import dev.storefn.platform.provider.ProviderGates;

/**
 * Verifies Google Identity Services ID tokens: RS256 signature against Google's published keys
 * ({@code GOOGLE_JWKS_URL}, cached), issuer, audience ({@code GOOGLE_CLIENT_ID}) and expiry.
 */
@Component
class GoogleIdTokens {

    static final Set<String> ISSUERS = Set.of("accounts.google.com", "https://accounts.google.com");

    record Identity(String email, boolean emailVerified, String givenName, String familyName, String picture) {
    }

    static class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    static class Unavailable extends Exception {
        Unavailable(Throwable cause) {
            super(cause);
        }
    }

    private final String clientId;
    private final DefaultJWTProcessor<SecurityContext> processor;

    GoogleIdTokens(@Value("${GOOGLE_CLIENT_ID:}") String clientId,
            @Value("${GOOGLE_JWKS_URL:https://www.googleapis.com/oauth2/v3/certs}") String jwksUrl, ProviderGates gates)
            throws MalformedURLException {
        this.clientId = clientId;
        DefaultResourceRetriever http = new DefaultResourceRetriever((int) gates.connectTimeout().toMillis(),
                (int) gates.timeout().toMillis(), 64 * 1024);
        // Google is asked for its keys through its gate, never inside a transaction; a refusal is an I/O failure to nimbus.
        ResourceRetriever throughGate = url -> {
            try {
                return gates.call(Provider.GOOGLE, () -> {
                    try {
                        return http.retrieveResource(url);
                    } catch (IOException e) {
                        throw new ProviderFailed("Google's keys could not be fetched: " + e, false, e);
                    }
                });
            } catch (ProviderFailed | ProviderBusy e) {
                throw new IOException(e.getMessage(), e);
            }
        };
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(URI.create(jwksUrl).toURL(), throughGate)
                .cache(Duration.ofHours(6).toMillis(), Duration.ofSeconds(10).toMillis())
                .build();
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(clientId.isEmpty() ? null : clientId, null,
                Set.of("iss", "aud", "exp", "sub", "email"));
        claims.setMaxClockSkew(10);
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(claims);
    }

    boolean configured() {
        return !clientId.isBlank();
    }

    Identity verify(String idToken) throws Invalid, Unavailable {
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (KeySourceException e) {
            throw new Unavailable(e);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new Invalid(e.getMessage());
        }
        if (!ISSUERS.contains(claims.getIssuer())) {
            throw new Invalid("issuer " + claims.getIssuer());
        }
        Object verified = claims.getClaim("email_verified");
        try {
            return new Identity(claims.getStringClaim("email"),
                    Boolean.TRUE.equals(verified) || "true".equals(verified),
                    claims.getStringClaim("given_name"), claims.getStringClaim("family_name"), claims.getStringClaim("picture"));
        } catch (ParseException e) {
            throw new Invalid(e.getMessage());
        }
    }
}
