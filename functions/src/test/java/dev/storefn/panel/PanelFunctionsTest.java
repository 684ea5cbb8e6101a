package dev.storefn.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.storefn.FunctionsTest;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Refusal;

/** The panel operations called as plain functions, with plain records. */
class PanelFunctionsTest extends FunctionsTest {

    @Autowired
    ToggleUserBlock toggleUserBlock;

    private long staff;
    private long user;

    @BeforeEach
    void users() {
        jdbc.sql("TRUNCATE users RESTART IDENTITY CASCADE").update();
        staff = jdbc.sql("INSERT INTO users (email, password, is_staff) VALUES ('staff@example.com', '', true) RETURNING id")
                .query(Long.class).single();
        user = jdbc.sql("INSERT INTO users (email, password) VALUES ('user@example.com', '') RETURNING id").query(Long.class).single();
    }

    @Test
    void toggleBlockFlipsTheFlagBackAndForth() {
        Caller caller = new Caller(staff, "staff@example.com", true, "session");
        assertThat(toggleUserBlock.apply(new ToggleUserBlock.Input(caller, user))).isEqualTo(new ToggleUserBlock.Toggled("success", true));
        assertThat(toggleUserBlock.apply(new ToggleUserBlock.Input(caller, user)).isBlock()).isFalse();
    }

    @Test
    void staffCannotBlockThemselvesNorAnAccountThatIsNotThere() {
        Caller caller = new Caller(staff, "staff@example.com", true, "session");
        assertThatThrownBy(() -> toggleUserBlock.apply(new ToggleUserBlock.Input(caller, staff)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.REFUSED));
        assertThatThrownBy(() -> toggleUserBlock.apply(new ToggleUserBlock.Input(caller, user + 99)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
    }
}
