package org.gridguard.testsupport;

import java.io.IOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL 17 (zonky embedded binaries) for the fast test tier; one server per test JVM. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres pg;

    public static synchronized EmbeddedPostgres server() {
        if (pg == null) {
            try {
                // no durability in tests: a crash loses nothing we keep, and without fsync a checkpoint after a 100k-row
                // import cannot stall the next test's statements on a busy disk (ImportTest's killed-halfway test
                // waited 20 s for the database twice in CI, with no server-side error)
                pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        // a statement that waits on a lock for over a second, or runs over 5 s, is named in the test log
                        // (without its parameters) so a stall can be told from a slow plan
                        .setServerConfig("log_lock_waits", "on").setServerConfig("log_min_duration_statement", "5000")
                        .setServerConfig("log_parameter_max_length", "0").start();
            } catch (IOException e) {
                throw new IllegalStateException("could not start embedded PostgreSQL", e);
            }
        }
        return pg;
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server().getPort() + "/postgres";
    }

    @Override
    public Map<String, String> start() {
        server();
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // the server lives until the JVM exits; zonky removes its data directory then
    }
}
