package dev.storefn.accounts;

import static dev.storefn.platform.access.Access.ANONYMOUS;
import static dev.storefn.platform.access.Access.ANYONE;
import static dev.storefn.platform.access.Access.USER;
import static dev.storefn.platform.routes.Route.of;

import java.time.Duration;
import java.util.List;

import dev.storefn.platform.routes.Route;

/**
 * The accounts routes: sign-up, sign-in (password and Google), tokens and the signed-in user.
 * Listed beside the operations they name, which stay package-private; {@code dev.storefn.RouteTable} gathers
 * every feature's.
 */
public final class AccountsRoutes {

    public static final List<Route> ROUTES = List.of(
            of("POST", "/api/register/", Register.class, ANONYMOUS, "Create an account; answers the user and tokens")
                    .created().limited(3, Duration.ofHours(1)),
            of("POST", "/api/login/", Login.class, ANONYMOUS, "Sign in with email and password")
                    .limited(5, Duration.ofMinutes(15)),
            of("POST", "/api/refresh/", RefreshToken.class, ANONYMOUS, "A new access token for a refresh token"),
            of("POST", "/api/google/", GoogleSignIn.class, ANONYMOUS, "Sign in with a Google ID token")
                    .limited(5, Duration.ofMinutes(15)),
            // A blocked user may log out too: no authentication, the operation reads the tokens itself.
            of("POST", "/api/logout/", Logout.class, ANYONE, "End the session of the presented tokens (always 200)"),
            of("GET", "/api/me/", Me.class, USER, "The signed-in user"));

    private AccountsRoutes() {
    }
}
