package org.gridguard.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.gridguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * V14 on a database of its own, migrated to V13 first and filled the old way: watches for home isolation and close
 * contacts become orders (the latest of a person's watches active if it has not ended, the others released), their
 * readings stay, watches for returnees stay watches, and the old reasons are refused afterwards.
 */
class QuarantineMigrationTest {

    static final String A = "'00000000-0000-0000-0000-0000000000a1'";
    static final String CELL = "'00000000-0000-0000-0000-0000000000c1'";
    static final String COMMUNITY = "'00000000-0000-0000-0000-0000000000c0'";

    @Test
    void watchesForIsolationAndCloseContactsBecomeOrdersAndKeepTheirReadings() throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + PostgresResource.server().getPort() + "/";
        try (Connection admin = DriverManager.getConnection(url + "postgres", "postgres", "postgres");
                Statement st = admin.createStatement()) {
            st.execute("drop database if exists v14_migration");
            st.execute("create database v14_migration");
        }
        String db = url + "v14_migration";
        Flyway.configure().dataSource(db, "postgres", "postgres").locations("classpath:db/migration").target("13").load().migrate();
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres"); Statement st = c.createStatement()) {
            st.execute("insert into area_node (id, kind, code, name, path, community_id) values (" + COMMUNITY
                    + ", 'COMMUNITY', 'MC', '社区', '/' || " + COMMUNITY + " || '/', " + COMMUNITY + ")");
            st.execute("insert into area_node (id, kind, code, name, parent_id, path, community_id) values (" + CELL
                    + ", 'GRID_CELL', 'MG', '网格', " + COMMUNITY + ", '/' || " + COMMUNITY + " || '/' || " + CELL + " || '/', "
                    + COMMUNITY + ")");
            st.execute("insert into household (id, community_id, grid_cell_id, area_id, door_number, created_by, updated_by) values"
                    + " ('00000000-0000-0000-0000-0000000000b1', " + COMMUNITY + ", " + CELL + ", " + CELL + ", '101', 't', 't')");
            for (int i = 1; i <= 3; i++) {
                st.execute("insert into resident (id, community_id, grid_cell_id, area_id, household_id, name, id_type, id_hmac,"
                        + " created_by, updated_by) values ('00000000-0000-0000-0000-0000000000a" + i + "', " + COMMUNITY + ", " + CELL
                        + ", " + CELL + ", '00000000-0000-0000-0000-0000000000b1', '居民" + i + "', 'MAINLAND_ID', "
                        + (i == 3 ? "null" : "'\\x0" + i + "'::bytea") + ", 't', 't')");
            }
            // resident 1: an ended home isolation and a running close-contact watch; 2: an ended one; 3: a returnee
            watch(st, "w1", "a1", "HOME_ISOLATION", "2020-01-01", "2020-01-14");
            watch(st, "w2", "a1", "CLOSE_CONTACT", "2020-01-10", "2099-01-01");
            watch(st, "w3", "a2", "CLOSE_CONTACT", "2020-02-01", "2020-02-14");
            watch(st, "w4", "a3", "RETURNEE", "2020-03-01", "2099-01-01");
            st.execute("insert into temperature_check (id, community_id, area_id, grid_cell_id, source, measured_at, received_at,"
                    + " late, business_date, report_window, temperature, fever, resident_id, recorded_by, request_hash) values"
                    + " (gen_random_uuid(), " + COMMUNITY + ", " + CELL + ", " + CELL + ", 'PHONE', '2020-01-11T01:00:00Z',"
                    + " '2020-01-11T01:00:00Z', false, '2020-01-11', 'MORNING', 36.6, false, " + A + ", 't', 'h')");
        }
        Flyway.configure().dataSource(db, "postgres", "postgres").locations("classpath:db/migration").target("14").load().migrate();
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres"); Statement st = c.createStatement()) {
            assertThat(rows(st, "select cast(id as text) || ' ' || status || ' ' || kind || ' ' || reason || ' ' || person_key"
                    + " from quarantine_order order by id")).containsExactly(
                            id("w1") + " RELEASED HOME_ISOLATION OTHER D:01",
                            id("w2") + " ACTIVE HOME_ISOLATION CLOSE_CONTACT D:01",
                            id("w3") + " RELEASED HOME_ISOLATION CLOSE_CONTACT D:02");
            assertThat(rows(st, "select number from quarantine_order")).allMatch(n -> n.matches("Q\\d{8}-\\d+"));
            assertThat(rows(st, "select cast(id as text) from quarantine_active")).containsExactly(id("w2"));
            assertThat(rows(st, "select action || ' ' || to_status || ' ' || reason from quarantine_order_event order by order_id"))
                    .containsExactly("MIGRATED RELEASED was a watch with reason HOME_ISOLATION",
                            "MIGRATED ACTIVE was a watch with reason CLOSE_CONTACT",
                            "MIGRATED RELEASED was a watch with reason CLOSE_CONTACT");
            assertThat(rows(st, "select cast(id as text) || ' ' || reason from watch")).containsExactly(id("w4") + " RETURNEE");
            assertThat(rows(st, "select cast(count(*) as text) from temperature_check where resident_id = " + A)).containsExactly("1");
            assertThatThrownBy(() -> watch(st, "w5", "a3", "HOME_ISOLATION", "2020-03-01", "2020-03-02"))
                    .hasMessageContaining("watch_reason_check");
        }
    }

    static String id(String name) {
        return "00000000-0000-0000-0000-0000000000" + (name.equals("w1") ? "e1" : name.equals("w2") ? "e2" : name.equals("w3") ? "e3"
                : name.equals("w4") ? "e4" : "e5");
    }

    static void watch(Statement st, String name, String resident, String reason, String from, String to) throws SQLException {
        st.execute("insert into watch (id, community_id, resident_id, grid_cell_id, area_id, reason, starts_on, ends_on, created_by,"
                + " updated_by) values ('" + id(name) + "', " + COMMUNITY + ", '00000000-0000-0000-0000-0000000000" + resident + "', "
                + CELL + ", " + CELL + ", '" + reason + "', '" + from + "', '" + to + "', 't', 't')");
    }

    static List<String> rows(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
