package io.ictal.review.internal.store;

import io.ictal.api.review.ReviewException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * One JDBC database: the embedded H2 file database or a PostgreSQL server. Connections come
 * straight from the driver class rather than {@code DriverManager}, which inside OSGi only sees
 * drivers on its own class loader (see the module README).
 */
public final class Database implements AutoCloseable {

    /** The SQL differences that matter here. */
    public enum Dialect {
        H2("VARBINARY"), POSTGRESQL("BYTEA");

        final String binaryType;

        Dialect(String binaryType) {
            this.binaryType = binaryType;
        }
    }

    private final String url;
    private final Properties credentials = new Properties();
    private final Dialect dialect;
    private final Driver driver;
    /** Kept open for H2, which closes an embedded database with its last connection. */
    private final Connection keepOpen;
    /**
     * Connections that finished a transaction cleanly, reused: opening a PostgreSQL connection
     * (authentication included) costs more than most of our transactions. A connection whose
     * transaction failed is closed instead, so a broken one never comes back.
     */
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private static final int MAX_IDLE = 4;

    /**
     * @param url {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
     * @param user user name, empty for none
     * @param password password, empty for none (never shown in messages)
     */
    public Database(String url, String user, String password) {
        this.url = url;
        if (!user.isEmpty()) {
            credentials.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        if (url.startsWith("jdbc:h2:")) {
            dialect = Dialect.H2;
            driver = new org.h2.Driver();
        } else if (url.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRESQL;
            driver = new org.postgresql.Driver();
        } else {
            throw new ReviewException("io.ictal.review: jdbc.url must start with jdbc:h2: or jdbc:postgresql:, was '"
                    + redacted(url) + "'");
        }
        try {
            keepOpen = dialect == Dialect.H2 ? connect() : null;
        } catch (SQLException e) {
            throw failure("opening the database", e);
        }
    }

    /**
     * The embedded database under Karaf's data folder. {@code WRITE_DELAY=0} makes H2 store every
     * commit before it returns: with its default (500 ms) a killed process loses the last commits.
     */
    public static Database embeddedH2(Path directory) {
        return new Database(embeddedH2Url(directory), "", "");
    }

    static String embeddedH2Url(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("review").toAbsolutePath() + ";WRITE_DELAY=0";
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A new connection in manual-commit mode; the caller closes it. */
    Connection connect() throws SQLException {
        Connection c = driver.connect(url, credentials);
        if (c == null) {
            throw new SQLException("the driver does not accept this URL");
        }
        c.setAutoCommit(false);
        return c;
    }

    /** Work in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction and commits it. A unique-key violation (another
     * transaction inserted the same key first) or a serialization failure is retried a few times:
     * {@code work} must be safe to repeat.
     *
     * @param what what the work does, for the error message
     */
    public <T> T transaction(String what, Work<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                Connection c = borrow();
                try {
                    T result = work.run(c);
                    c.commit();
                    release(c);
                    return result;
                } catch (SQLException | RuntimeException e) {
                    discard(c);
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt < 5 && isRetryable(e)) {
                    continue;
                }
                throw failure(what, e);
            }
        }
    }

    /** An idle connection that still works (the server may have restarted meanwhile), or a new one. */
    private Connection borrow() throws SQLException {
        for (Connection c; (c = idle.pollFirst()) != null;) {
            if (c.isValid(2)) {
                return c;
            }
            discard(c);
        }
        return connect();
    }

    private void release(Connection c) throws SQLException {
        if (idle.size() < MAX_IDLE) {
            idle.addFirst(c);
        } else {
            c.close();
        }
    }

    /** Rolls back what the failed transaction did (closing does too) and drops the connection. */
    private static void discard(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // The transaction failed already; that is the error to report.
        }
    }

    private static boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "40001".equals(state);
    }

    ReviewException failure(String what, SQLException e) {
        return new ReviewException("review queue database " + redacted(url) + ": " + what + " failed: "
                + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
    }

    /** The URL without password parameters, for messages. */
    public String describe() {
        return redacted(url);
    }

    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public void close() {
        for (Connection c; (c = idle.pollFirst()) != null;) {
            discard(c);
        }
        if (keepOpen != null) {
            try {
                keepOpen.close();
            } catch (SQLException e) {
                // Closing an embedded database we are done with: nothing left to protect.
            }
        }
    }
}
