package org.gridguard.common;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;

import org.hibernate.Session;

/**
 * Where a hot path's JDBC statements run (ADR 0017, 0020): on the connection of the current transaction, or on one
 * pooled connection outside any transaction, where each statement commits by itself. The path itself is written once,
 * against a {@link Db}; the caller chooses how it runs.
 */
@ApplicationScoped
public class Jdbc {

    /** Statements run on a connection. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Where a request's statements run. */
    public interface Db {
        <T> T run(Work<T> w);
    }

    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;

    /**
     * Lifts the API's interactive bounds (statement_timeout 5 s, socketTimeout 7 s: ADR 0030) for batch work on
     * {@code c}, which must be in a transaction ({@code set local} ends with it): statements may run up to
     * {@code budget}, and the driver waits a little longer than that for a silent server. The pool puts the
     * connection's own socket timeout back when it returns.
     */
    public static void allowLongWork(Connection c, java.time.Duration budget) throws SQLException {
        long ms = Math.max(1, budget.toMillis());
        c.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, ms + 10_000));
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("set local statement_timeout = " + ms);
        }
    }

    /** {@link #allowLongWork} on the connection of the current transaction. */
    public void allowLongWork(java.time.Duration budget) {
        inTransaction(c -> {
            allowLongWork(c, budget);
            return null;
        });
    }

    /** On the connection of the current transaction (Hibernate's session). */
    public <T> T inTransaction(Work<T> w) {
        return em.unwrap(Session.class).doReturningWork(c -> w.run(c));
    }

    /** On one pooled connection outside any transaction, borrowed on first use: each statement commits by itself. */
    public <T> T autocommitted(Function<Db, T> work) {
        Connection[] held = new Connection[1];
        try {
            return work.apply(new Db() {
                @Override
                public <R> R run(Work<R> w) {
                    try {
                        if (held[0] == null) {
                            held[0] = borrow();
                        }
                        return w.run(held[0]);
                    } catch (SQLException e) {
                        throw new PersistenceException(e);
                    }
                }
            });
        } finally {
            if (held[0] != null) {
                try {
                    held[0].close();
                } catch (SQLException e) {
                    // the pool discards a connection it cannot take back; the request's outcome stands
                }
            }
        }
    }

    /**
     * A pooled connection. Failing to get one, for whatever reason the pool or the driver gives (acquisition timeout,
     * a login cut short: "Something unusual has occurred", SQLState 99999), means the database is unavailable, as
     * Hibernate's "Unable to acquire JDBC Connection" does: 503, not 500 (ADR 0030).
     */
    private Connection borrow() throws SQLException {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new java.sql.SQLTransientConnectionException("Unable to acquire JDBC Connection", "08001", e);
        }
    }

    /**
     * The rows of a query with positional arguments ({@link #bind}), each as its column values the way a native query
     * returns them: SQL arrays as Java arrays, timestamps as {@link java.sql.Timestamp} ({@link Rows#instant}).
     */
    public static List<Object[]> rows(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                bind(ps, i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<Object[]> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(values(rs, 1, n));
                }
                return out;
            }
        }
    }

    /** Columns {@code first} … {@code first + count - 1} of the current row, SQL arrays as Java arrays. */
    public static Object[] values(ResultSet rs, int first, int count) throws SQLException {
        Object[] row = new Object[count];
        for (int j = 0; j < count; j++) {
            Object o = rs.getObject(first + j);
            row[j] = o instanceof Array a ? a.getArray() : o;
        }
        return row;
    }

    /** A named parameter: {@code :name}, not a {@code ::type} cast. */
    private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):([a-zA-Z_]\\w*)");

    /**
     * A statement written with named parameters ({@code :rid}, used as often as needed), prepared on a plain JDBC
     * connection with each bound from {@code args} ({@link #bind}); a name without a value is a programming error.
     */
    public static PreparedStatement prepare(Connection c, String sql, Map<String, ?> args) throws SQLException {
        List<Object> values = new ArrayList<>();
        PreparedStatement ps = c.prepareStatement(positional(sql, args, values));
        for (int i = 0; i < values.size(); i++) {
            bind(ps, i + 1, values.get(i));
        }
        return ps;
    }

    /** {@code sql} with each {@code :name} replaced by {@code ?}, its value appended to {@code values}. */
    static String positional(String sql, Map<String, ?> args, List<Object> values) {
        Matcher m = NAMED.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            if (!args.containsKey(m.group(1))) {
                throw new IllegalArgumentException("no value for :" + m.group(1));
            }
            values.add(args.get(m.group(1)));
            m.appendReplacement(positional, "?");
        }
        m.appendTail(positional);
        return positional.toString();
    }

    /** Binds one argument; {@code UUID[]} and {@code String[]} as uuid[] and text[], an {@link Instant} as timestamptz. */
    public static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v instanceof Instant t) {
            ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        } else if (v instanceof UUID[] u) {
            ps.setArray(i, ps.getConnection().createArrayOf("uuid", u));
        } else if (v instanceof String[] t) {
            ps.setArray(i, ps.getConnection().createArrayOf("text", t));
        } else {
            ps.setObject(i, v);
        }
    }
}
