package dev.storefn.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.ClientNetwork;
import dev.storefn.platform.operation.Refusal;

/** The accounts operations called as plain functions, with plain records: no request, no JSON. */
class AccountFunctionsTest extends AccountsTestSupport {

    private static final ClientNetwork HOME = new ClientNetwork("203.0.113.10");

    @Autowired
    Register register;

    @Autowired
    Login login;

    @Autowired
    Me me;

    @Test
    void registerTakesARecordAndAnswersTheUserWithATokenPairOfOneSession() {
        SessionStart.SignedIn signedIn = register.apply(new Register.Input("Direct@Example.COM", PASSWORD, "Ada", null, HOME));
        assertThat(signedIn.user().email()).isEqualTo("Direct@example.com");
        assertThat(signedIn.user().lastName()).isEmpty();
        Tokens.Claims access = tokens.verify(signedIn.access(), Tokens.Type.ACCESS).orElseThrow();
        Tokens.Claims refresh = tokens.verify(signedIn.refresh(), Tokens.Type.REFRESH).orElseThrow();
        assertThat(access.sessionId()).isEqualTo(refresh.sessionId());
        assertThat(access.userId()).isEqualTo(signedIn.user().id());
    }

    @Test
    void aTakenEmailIsARefusalOnTheEmailField() {
        createUser("taken@example.com", false);
        assertThatThrownBy(() -> register.apply(new Register.Input("TAKEN@example.com", PASSWORD, "", "", HOME)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(refusal.fieldErrors()).containsEntry("email", java.util.List.of(Register.TAKEN));
                });
    }

    @Test
    void loginWithAWrongPasswordIsRefusedAndMeAnswersTheCaller() {
        User ada = createUser("ada@example.com", false);
        assertThatThrownBy(() -> login.apply(new Login.Input("ada@example.com", "wrong password", HOME)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.getMessage()).isEqualTo("Invalid credentials"));
        assertThat(login.apply(new Login.Input("ada@example.com", PASSWORD, HOME)).user().id()).isEqualTo(ada.id());
        assertThat(me.apply(new Me.Input(new Caller(ada.id(), ada.email(), false, "session"))).firstName()).isEqualTo("Ada");
    }
}
