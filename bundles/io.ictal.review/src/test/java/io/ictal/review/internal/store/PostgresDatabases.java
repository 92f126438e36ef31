package io.ictal.review.internal.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use: {@code ICTAL_REVIEW_PG_URL} (with {@code ICTAL_REVIEW_PG_USER}
 * and {@code ICTAL_REVIEW_PG_PASSWORD}), set by {@code .ci/run}; by default the local server that
 * {@code .ci/run} sets up. Without a reachable server the tests are skipped, saying so, except under CI
 * ({@code CI=true}), where they fail.
 */
final class PostgresDatabases {

    static final String URL = env("ICTAL_REVIEW_PG_URL", "jdbc:postgresql://127.0.0.1:5432/ictal_review");
    static final String USER = env("ICTAL_REVIEW_PG_USER", "ictal");
    static final String PASSWORD = env("ICTAL_REVIEW_PG_PASSWORD", "ictal");

    private PostgresDatabases() {
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Connects to the server, or skips (fails under CI) the calling test when none is reachable. */
    static Connection admin() {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        try {
            Connection c = new org.postgresql.Driver().connect(URL, p);
            c.setAutoCommit(true);
            return c;
        } catch (SQLException e) {
            String message = "No PostgreSQL server reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "): PostgreSQL tests not run. .ci/run starts one; set ICTAL_REVIEW_PG_URL/_USER/_PASSWORD"
                    + " to use another.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            System.out.println("SKIPPED: " + message);
            Assumptions.abort(message);
            throw new AssertionError("unreachable");
        }
    }

    /** A new empty schema on the server; tables go there through {@code currentSchema}. */
    static String createSchema() {
        String schema = "ictal_test_" + Long.toHexString(System.nanoTime());
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("creating schema " + schema + " on " + URL, e);
        }
        return schema;
    }

    static String url(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void dropSchema(String schema) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("dropping schema " + schema + " on " + URL, e);
        }
    }
}
