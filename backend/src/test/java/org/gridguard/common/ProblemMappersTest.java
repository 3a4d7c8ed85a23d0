package org.gridguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;

/** Which failures are the client hanging up (400, logged at debug) rather than our error (500, logged). */
class ProblemMappersTest {

    @Test
    void aClosedConnectionWhileReadingTheBodyIsTheClientGone() {
        assertThat(ProblemMappers.isClientGone(new IOException("Connection was closed"))).isTrue();
        assertThat(ProblemMappers.isClientGone(new RuntimeException(new ClosedChannelException()))).isTrue();
        assertThat(ProblemMappers.isClientGone(new jakarta.ws.rs.ProcessingException(new IOException("connection closed by peer"))))
                .isTrue();
    }

    @Test
    void badJsonDatabaseTroubleAndOurBugsAreNot() {
        assertThat(ProblemMappers.isClientGone(new JsonParseException(null, "Connection closed inside a string"))).isFalse();
        assertThat(ProblemMappers.isClientGone(new SQLException("This connection has been closed.", "08003"))).isFalse();
        assertThat(ProblemMappers.isClientGone(new IllegalStateException("boom"))).isFalse();
        assertThat(ProblemMappers.isClientGone(new IOException("disk full"))).isFalse();
    }
}
