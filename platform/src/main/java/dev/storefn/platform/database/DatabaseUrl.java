package dev.storefn.platform.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.StringUtils;

import dev.storefn.platform.Misconfiguration;

/**
 * A PostgreSQL location from {@code DATABASE_URL}: either the Supabase/Heroku form
 * {@code postgresql://user:pass@host:port/db?sslmode=require} or a JDBC URL.
 *
 * <p>Server-side prepared statements (the driver's default) are kept on a direct connection: they spare the
 * server planning every query again, which more than doubled what PostgreSQL serves of an authenticated read
 * here (bench/README). They are switched off ({@code prepareThreshold=0}) behind a transaction pooler, which
 * hands each transaction a server connection on which a statement prepared earlier does not exist. A pooler is
 * recognised by Prisma's {@code pgbouncer=true} hint, Supabase's pooler (port 6543 or a host named
 * {@code ...pooler...}) or PgBouncer's port 6432; any other one needs {@code prepareThreshold=0} in the URL,
 * and an explicit {@code prepareThreshold} always wins.
 *
 * <p>A URL of the first form to a host that is not this machine gets {@code sslmode=require} unless it names
 * an {@code sslmode}.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    public static DatabaseUrl parse(String url) {
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(jdbcWithPoolerSettings(trimmed), null, null);
        }
        if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
            throw new Misconfiguration("DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql: (e.g. postgresql://user:password@host:5432/postgres)");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new Misconfiguration("DATABASE_URL is not a valid URL: percent-encode special characters in the password (@ is %40, / is %2F, # is %23)");
        }
        if (uri.getHost() == null) {
            throw new Misconfiguration("DATABASE_URL has no host: it reads postgresql://user:password@host:5432/database");
        }
        String username = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            // Percent-decoded, '+' kept: it is no space in a URL's user information.
            username = StringUtils.uriDecode(colon < 0 ? userInfo : userInfo.substring(0, colon), StandardCharsets.UTF_8);
            password = colon < 0 ? null : StringUtils.uriDecode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "postgres" : uri.getRawPath().substring(1);
        List<String> parameters = new ArrayList<>();
        boolean pgbouncerHint = false;
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                // Prisma's hint for pgbouncer; the JDBC driver does not know it, prepareThreshold=0 does its job.
                if (parameter.startsWith("pgbouncer=")) {
                    pgbouncerHint = pgbouncerHint || parameter.equalsIgnoreCase("pgbouncer=true");
                } else if (!parameter.isEmpty()) {
                    parameters.add(parameter);
                }
            }
        }
        if (parameters.stream().noneMatch(parameter -> parameter.startsWith("sslmode=")) && !isLoopback(uri.getHost())) {
            // Across a network the connection is encrypted unless the URL says otherwise (sslmode=disable);
            // the driver's own default would settle for plain text when the server offers no TLS.
            parameters.add("sslmode=require");
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database
                + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
        boolean pooled = pgbouncerHint || isTransactionPooler(uri.getHost(), port);
        return new DatabaseUrl(pooled ? withoutPreparedStatements(jdbc) : jdbc, username, password);
    }

    /**
     * Whether storefn runs against a database on this machine (none given: the embedded one; or a loopback
     * host): a developer's setup, where defaults meant for trying things out may hold. A database elsewhere
     * is a deployment's.
     */
    public static boolean isOnThisMachine(String url) {
        if (url == null || url.isBlank()) {
            return true;
        }
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            Matcher address = JDBC_ADDRESS.matcher(trimmed);
            return address.lookingAt() && isLoopback(address.group(1));
        }
        try {
            String host = new URI(trimmed).getHost();
            return host != null && isLoopback(host);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isTransactionPooler(String host, int port) {
        return port == 6543 || port == 6432 || host.toLowerCase(Locale.ROOT).contains("pooler");
    }

    /**
     * A JDBC URL as given, but without prepared statements when it is a pooler's: its {@code pgbouncer=true}
     * hint, or its first host and port. One that does not read as {@code //host[:port]/...} keeps the safe side.
     */
    private static String jdbcWithPoolerSettings(String jdbcUrl) {
        boolean hint = PGBOUNCER_HINT.matcher(jdbcUrl).find();
        String url = hint ? PGBOUNCER_HINT.matcher(jdbcUrl).replaceAll("$1").replaceAll("[?&]$", "") : jdbcUrl;
        Matcher address = JDBC_ADDRESS.matcher(url);
        boolean pooled = hint || !address.lookingAt()
                || isTransactionPooler(address.group(1), address.group(2) == null ? 5432 : Integer.parseInt(address.group(2)));
        return pooled ? withoutPreparedStatements(url) : url;
    }

    private static final Pattern PGBOUNCER_HINT = Pattern.compile("(?i)([?&])pgbouncer=true(&|$)");
    private static final Pattern JDBC_ADDRESS = Pattern.compile("jdbc:postgresql://([^/:?,\\[\\]]+)(?::(\\d{1,5}))?(?:/|\\?|$)");

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static String withoutPreparedStatements(String jdbcUrl) {
        if (jdbcUrl.contains("prepareThreshold=")) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "prepareThreshold=0";
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username + "]";
    }
}
