package org.gridguard.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** A chunk whose connection is lost is written once more; any other error fails the import as before. */
class ImportChunkRetryTest {

    static final UUID JOB = UUID.randomUUID();

    @Test
    void aLostConnectionIsRetriedOnceOnANewOne() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        long[] result = ImportChunkWriter.onceMoreIfConnectionLost(JOB, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new PSQLException("An I/O error occurred while sending to the backend.",
                        PSQLState.CONNECTION_FAILURE, new java.net.SocketTimeoutException("Read timed out"));
            }
            return new long[] { 1, 2, 3 };
        });
        assertThat(result).containsExactly(1, 2, 3);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aConnectionLostTwiceFailsTheImport() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ImportChunkWriter.onceMoreIfConnectionLost(JOB, () -> {
            attempts.incrementAndGet();
            throw new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST);
        })).isInstanceOf(SQLException.class).hasMessageContaining("closed");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void otherDatabaseErrorsAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ImportChunkWriter.onceMoreIfConnectionLost(JOB, () -> {
            attempts.incrementAndGet();
            throw new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION);
        })).isInstanceOf(SQLException.class);
        assertThat(attempts).hasValue(1);
        assertThatThrownBy(() -> ImportChunkWriter.onceMoreIfConnectionLost(JOB, () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("killed");
        })).hasMessage("killed");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void theCauseChainIsSearchedForTheConnectionState() {
        assertThat(ImportChunkWriter.connectionLost(new SQLException("wrapped",
                new PSQLException("gone", PSQLState.CONNECTION_FAILURE)))).isTrue();
        assertThat(ImportChunkWriter.connectionLost(new SQLException("syntax", "42601"))).isFalse();
        assertThat(ImportChunkWriter.connectionLost(new SQLException("no state"))).isFalse();
        // rolled back because of a concurrent transaction: nothing written, written again
        assertThat(ImportChunkWriter.connectionLost(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(ImportChunkWriter.connectionLost(new SQLException("could not serialize", "40001"))).isTrue();
    }
}
