package dev.storefn.platform.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL location from {@code DATABASE_URL}: either the Supabase/Heroku form
 * {@code postgresql://user:pass@host:port/db?sslmode=require} or a JDBC URL. Server-side prepared
 * statements are switched off ({@code prepareThreshold=0}) unless the URL says otherwise, because a
 * transaction pooler (Supabase's port 6543, pgbouncer) hands each transaction a different server
 * connection on which a statement prepared earlier does not exist. A URL of the first form to a host that is
 * not this machine gets {@code sslmode=require} unless it names an {@code sslmode}.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    public static DatabaseUrl parse(String url) {
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(withoutPreparedStatements(trimmed), null, null);
        }
        if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql:");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL (is a special character in the password not percent-encoded?)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL has no host");
        }
        String username = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "postgres" : uri.getRawPath().substring(1);
        List<String> parameters = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                // Prisma's hint for pgbouncer; the JDBC driver does not know it, prepareThreshold=0 does its job.
                if (!parameter.isEmpty() && !parameter.startsWith("pgbouncer=")) {
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
        return new DatabaseUrl(withoutPreparedStatements(jdbc), username, password);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static String withoutPreparedStatements(String jdbcUrl) {
        if (jdbcUrl.contains("prepareThreshold=")) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "prepareThreshold=0";
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username + "]";
    }
}
