package org.gridguard.disinfection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.PostgresResource;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The missed-round sweep with the injected clock (Asia/Shanghai): a slot whose window passed without a round raises one
 * DISINFECTION_MISSED alert for the place's area, never twice; a round in the window does the slot; the day's log and
 * the metrics' figures agree.
 */
@QuarkusTest
class DisinfectionSweepTest {

    static final LocalDate D = LocalDate.of(2032, 3, 10);
    static final UUID BUILDING = Demo.id("BH-C001-XQ01-B02");

    @Inject
    DisinfectionSweep sweep;
    @Inject
    Disinfections disinfections;

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static Instant at(LocalDate day, String time) {
        return OffsetDateTime.parse(day + "T" + time + "+08:00").toInstant();
    }

    static String query(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long alerts(String schedule) {
        return Long.parseLong(query("select count(*) from alert where kind = 'DISINFECTION_MISSED' and subject_id = ?",
                UUID.fromString(schedule)));
    }

    static long alertOf(String schedule, Instant slot) {
        return Long.parseLong(query("select count(*) from alert where kind = 'DISINFECTION_MISSED' and dedupe_key = ? "
                + "and area_id = ?", DisinfectionRules.missedKey(UUID.fromString(schedule), slot), BUILDING));
    }

    @Test
    void aSlotWithoutARoundRaisesOneAlertOnceItsWindowHasPassedAndARoundInTheWindowDoesIt() {
        TestClock.set(at(D, "07:00:00"));
        String schedule = Api.as(Tokens.leader1()).body(Map.of("placeKind", "AREA", "placeId", BUILDING.toString()))
                .post(DisinfectionTest.SCHEDULES).then().statusCode(201).extract().path("id");

        TestClock.set(at(D, "08:59:00"));
        assertThat(sweep.sweep()).isTrue();
        assertThat(alerts(schedule)).as("the 08:00 window is open until 09:00").isZero();

        TestClock.set(at(D, "09:00:30"));
        assertThat(sweep.sweep()).isTrue();
        assertThat(alertOf(schedule, at(D, "08:00:00"))).isOne();
        assertThat(sweep.sweep()).as("the same minute twice").isFalse();
        TestClock.advance(Duration.ofMinutes(1));
        assertThat(sweep.sweep()).as("the next minute sweeps again").isTrue();
        TestClock.advance(Duration.ofHours(3));
        assertThat(sweep.sweep()).isTrue();
        assertThat(alerts(schedule)).as("but the slot's alert is raised once").isOne();

        // a late round (after the window) does not undo the missed slot; a round at 15:30 does the 16:00 slot
        TestClock.set(at(D, "12:00:00"));
        Api.as(Tokens.worker1()).body(DisinfectionTest.round("AREA", BUILDING)).post(DisinfectionTest.ROUNDS).then()
                .statusCode(201);
        TestClock.set(at(D, "15:30:00"));
        Map<String, Object> round = DisinfectionTest.round("AREA", BUILDING);
        round.put("scheduleId", schedule);
        round.put("areaM2", 800);
        String done = Api.as(Tokens.worker1()).body(round).post(DisinfectionTest.ROUNDS).then().statusCode(201).extract()
                .path("id");
        Api.as(Tokens.worker1()).get("/api/v1/disinfection-slots?day=" + D + "&areaId=" + BUILDING).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].scheduleId", equalTo(schedule))
                .body("items[0].slots.status", equalTo(List.of("MISSED", "DONE"))).body("items[0].slots[1].roundId", equalTo(done));
        TestClock.set(at(D, "17:00:30"));
        assertThat(sweep.sweep()).isTrue();
        assertThat(alertOf(schedule, at(D, "16:00:00"))).isZero();
        assertThat(alerts(schedule)).isOne();

        // the next morning without a round: one more; a deactivated schedule owes nothing more
        TestClock.set(at(D.plusDays(1), "09:30:00"));
        assertThat(sweep.sweep()).isTrue();
        assertThat(alertOf(schedule, at(D.plusDays(1), "08:00:00"))).isOne();
        Api.as(Tokens.leader1()).get("/api/v1/disinfection-slots?day=" + D.plusDays(1) + "&areaId=" + BUILDING).then()
                .statusCode(200).body("items[0].slots.status", equalTo(List.of("MISSED", "UPCOMING")));
        Api.as(Tokens.leader1()).header("If-Match", "\"0\"").post(DisinfectionTest.SCHEDULES + "/" + schedule + "/deactivate")
                .then().statusCode(200);
        TestClock.set(at(D.plusDays(2), "10:00:00"));
        assertThat(sweep.sweep()).isTrue();
        assertThat(alerts(schedule)).isEqualTo(2);

        // the figures over the building and the two days: 3 slots owed (deactivated before D+1 16:00), 2 rounds, 2 missed
        String path = query("select path from area_node where id = ?", BUILDING);
        Disinfections.Figures f = disinfections.figures(path, at(D, "00:00:00"), at(D.plusDays(2), "00:00:00"));
        assertThat(f.roundsDue()).isEqualTo(3);
        assertThat(f.roundsDone()).isEqualTo(2);
        assertThat(f.missed()).isEqualTo(2);
        assertThat(f.areaM2()).isEqualByComparingTo(new BigDecimal("2000.5"));
        Disinfections.Figures before = disinfections.figures(path, at(D.minusDays(5), "00:00:00"), at(D, "00:00:00"));
        assertThat(before.roundsDue() + before.roundsDone() + before.missed()).isZero();
    }
}
