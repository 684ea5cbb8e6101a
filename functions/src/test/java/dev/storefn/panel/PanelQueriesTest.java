package dev.storefn.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.storefn.CountingStatements;
import dev.storefn.Storefn;
import dev.storefn.platform.wire.WireResponse;
import dev.storefn.testing.ThroughLambda;

/**
 * The panel's user list and user page take the same few queries however many users, orders and lines there are,
 * counted at the JDBC driver; authenticating the caller is one more. At 100,000 users the list's order comes from
 * the primary key, read backwards, never from sorting them all.
 */
@SpringBootTest(classes = {Storefn.class, CountingStatements.class})
class PanelQueriesTest extends PanelTestSupport {

    private int statements(String path, Account as) {
        int before = CountingStatements.count();
        WireResponse response = call("GET", path, as);
        assertThat(response.status()).as(path).isEqualTo(200);
        return CountingStatements.count() - before;
    }

    private void addUsers(int count) {
        jdbc.sql("INSERT INTO users (email, first_name) SELECT 'many' || n || '-' || random() || '@example.com', 'Many'"
                + " FROM generate_series(1, ?) n").param(count).update();
    }

    private long orderWithLines(long user, int lines) {
        long order = insertOrder(user, "cod", "paid", "delivered", "30.00", "2025-05-01T09:00:00Z");
        for (int line = 0; line < lines; line++) {
            insertItem(order, null, "Line " + line, "products/line.png", 1, "10.00");
        }
        return order;
    }

    @BeforeEach
    void countsThisContextsStatements() {
        ThroughLambda.skipUnlessDirect("counts the statements of this context's pool, which a Lambda instance does not use");
    }

    @Test
    void theUserListIsOneQueryAndAPageTwoAt2And51Users() {
        Account staff = staff("staff@example.com");
        Map<Integer, List<Integer>> counts = new LinkedHashMap<>();
        for (int added : new int[] {1, 50}) {
            addUsers(added == 1 ? 1 : 49);
            int users = jdbc.sql("SELECT count(*) FROM users").query(Integer.class).single();
            counts.put(users, List.of(statements("/api/panel/users/", staff), statements("/api/panel/users/?page_size=10", staff)));
        }
        System.out.println("panel user list, statements (bare, paged) by users: " + counts);
        assertThat(counts).containsExactly(Map.entry(2, List.of(2, 3)), Map.entry(51, List.of(2, 3)));
    }

    @Test
    void aUsersPageIsOneQueryAt1OrderAnd30OrdersOf3Lines() {
        Account staff = staff("staff@example.com");
        long user = insertUser("buyer@example.com", "Buyer", "", null, false, false);
        orderWithLines(user, 1);
        int one = statements("/api/panel/users/" + user + "/", staff);
        for (int order = 1; order < 30; order++) {
            orderWithLines(user, 3);
        }
        int thirty = statements("/api/panel/users/" + user + "/", staff);
        assertThat(body(call("GET", "/api/panel/users/" + user + "/", staff)).get("orders").findValues("product_name")).hasSize(88);
        System.out.println("panel user page, statements at 1 order / 30 orders of 3 lines: " + one + " / " + thirty);
        assertThat(one).isEqualTo(2);
        assertThat(thirty).isEqualTo(2);
    }

    @Test
    void at100000UsersTheListIsReadAlongThePrimaryKey() {
        Account staff = staff("staff@example.com");
        addUsers(100_000);
        jdbc.sql("ANALYZE users").update();

        String page = String.join("\n", jdbc.sql("EXPLAIN " + AdminUserRepository.PAGE).params(20, 40).query(String.class).list());
        String all = String.join("\n", jdbc.sql("EXPLAIN " + AdminUserRepository.LIST).query(String.class).list());

        System.out.println("panel user page plan at 100,000 users:\n" + page + "\nwhole list:\n" + all);
        for (String plan : new String[] {page, all}) {
            assertThat(plan).contains("Index Scan Backward using users_pkey").doesNotContain("Sort");
        }
        assertThat(statements("/api/panel/users/?page=3&page_size=20", staff)).isEqualTo(3);
    }
}
