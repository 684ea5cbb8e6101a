package dev.storefn.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

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

    @Autowired
    DeleteUser deleteUser;

    @Autowired
    GetUser getUser;

    @Autowired
    GetReports getReports;

    private long staff;
    private long user;

    @BeforeEach
    void users() {
        jdbc.sql("TRUNCATE users, products RESTART IDENTITY CASCADE").update();
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

    @Test
    void deleteErasesTheUserWhoseOrdersStayInTheReports() {
        Caller caller = new Caller(staff, "staff@example.com", true, "session");
        jdbc.sql("INSERT INTO orders (user_id, payment_method, payment_status, total_amount) VALUES (?, 'cod', 'paid', 12.34)")
                .param(user).update();

        assertThat(deleteUser.apply(new DeleteUser.Input(caller, user))).isEqualTo(new DeleteUser.Deleted("deleted"));

        assertThatThrownBy(() -> getUser.apply(new GetUser.Input(user)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
        GetReports.Report report = getReports.apply(new GetReports.Input());
        assertThat(report.totalOrders()).isEqualTo(1);
        assertThat(report.totalRevenue()).isEqualTo(new BigDecimal("12.34"));
        assertThat(report.paymentDistribution()).containsExactly(new ShopFigures.NameCount("COD", 1));
    }
}
