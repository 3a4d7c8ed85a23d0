package org.gridguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Every way a stuck or unreachable database surfaces, on every path (Hibernate, the pool, raw JDBC through
 * {@link Jdbc}), is a 503 with Retry-After (ADR 0030); an ordinary bug stays a 500.
 */
class DatabaseUnavailableTest {

    final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aStatementCancelledByTheStatementTimeoutIs503OnTheRawJdbcPath() {
        // what common/Jdbc throws when the server cancels a statement (57014 query_canceled)
        Response r = mappers.persistence(new PersistenceException(
                new PSQLException("ERROR: canceling statement due to statement timeout", PSQLState.QUERY_CANCELED)),
                null);
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isNotNull();
    }

    @Test
    void aDeadlockOrSerializationFailureIsA503ToRetryNotA500() {
        Response deadlock = mappers.persistence(new PersistenceException(new SQLException("ERROR: deadlock detected",
                "40P01")), null);
        assertThat(deadlock.getStatus()).isEqualTo(503);
        assertThat(deadlock.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(mappers.sql(new SQLException("could not serialize access", "40001"), null).getStatus()).isEqualTo(503);
        assertThat(ProblemMappers.isRolledBackToRetry(new RuntimeException(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(ProblemMappers.isRolledBackToRetry(new SQLException("syntax", "42601"))).isFalse();
    }

    @Test
    void timeoutsAndConnectionFailuresWhateverWrapsThem() {
        assertThat(ProblemMappers.isConnectionProblem(new SQLTransientConnectionException("no connection"))).isTrue();
        assertThat(ProblemMappers.isConnectionProblem(
                new RuntimeException(new org.hibernate.QueryTimeoutException("slow", null, "select 1")))).isTrue();
        assertThat(ProblemMappers.isConnectionProblem(new jakarta.persistence.QueryTimeoutException("slow"))).isTrue();
        assertThat(ProblemMappers.isConnectionProblem(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
        assertThat(ProblemMappers.isConnectionProblem(new SQLException("too many clients", "53300"))).isTrue();
        // a transaction's rollback that keeps the real failure as a suppressed exception
        IllegalStateException rollback = new IllegalStateException("rollback failed");
        rollback.addSuppressed(new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE));
        assertThat(ProblemMappers.isConnectionProblem(rollback)).isTrue();
        // the driver's chained exceptions of a batch
        SQLException batch = new SQLException("Batch entry 0 was aborted", "00000");
        batch.setNextException(new SQLException("canceling statement due to statement timeout", "57014"));
        assertThat(ProblemMappers.isConnectionProblem(batch)).isTrue();
    }

    @Test
    void noConnectionFromThePoolOnTheRawJdbcPathIs503() throws Exception {
        // the pool cancels a login that outlives the acquisition timeout: the driver says "Something unusual" (99999)
        javax.sql.DataSource failing = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] { javax.sql.DataSource.class }, (proxy, method, args) -> {
                    throw new PSQLException("Something unusual has occurred to cause the driver to fail.",
                            PSQLState.UNEXPECTED_ERROR, new RuntimeException("Interrupted while attempting to connect."));
                });
        Jdbc jdbc = new Jdbc();
        jdbc.dataSource = failing;
        PersistenceException e = org.assertj.core.api.Assertions.catchThrowableOfType(PersistenceException.class,
                () -> jdbc.autocommitted(db -> db.run(c -> c.isValid(1))));
        assertThat(mappers.persistence(e, null).getStatus()).isEqualTo(503);
    }

    @Test
    void ourOwnBugsAreNot() {
        assertThat(ProblemMappers.isConnectionProblem(new IllegalStateException("boom"))).isFalse();
        assertThat(ProblemMappers.isConnectionProblem(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(mappers.sql(new SQLException("division by zero", "22012"), null).getStatus()).isEqualTo(500);
    }
}
