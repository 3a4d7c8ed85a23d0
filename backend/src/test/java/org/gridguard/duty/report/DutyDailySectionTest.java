package org.gridguard.duty.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridguard.testsupport.SectionSql.at;
import static org.gridguard.testsupport.SectionSql.count;
import static org.gridguard.testsupport.SectionSql.exec;
import static org.gridguard.testsupport.SectionSql.path;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.gridguard.area.AreaKind;
import org.gridguard.report.DashboardTiles.Tile;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.SectionSql;
import org.gridguard.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The duty section and tiles against counts taken straight from the shift tables. */
@QuarkusTest
class DutyDailySectionTest {

    static final LocalDate DAY = LocalDate.of(2037, 6, 3); // a year of its own: DutyPostTest sums worker1's hours of 2031
    /** KK4 guards a compound of worker1's cell G01. */
    static final UUID KK4 = Demo.id("BH-C001-KK4");
    static final UUID WORKER1 = Demo.id("BH-C001-P01");
    static final UUID OTHER = Demo.id("BH-C001-P02");

    @Inject
    DutyDailySection section;
    @Inject
    DutyTiles tiles;

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    @BeforeAll
    static void seed() {
        if (count("select count(*) from duty_shift where checkpoint_id = ? and business_date = ?", KK4, DAY) > 0) {
            return;
        }
        // the day: a staffed morning (checked in on time), an evening short of people that nobody attended
        UUID morning = shift(DAY, "08:00", "16:00", 2);
        assign(morning, WORKER1);
        assign(morning, OTHER);
        checkIn(morning, WORKER1, at(DAY, "08:05"), at(DAY, "16:00"));
        UUID evening = shift(DAY, "16:00", "23:59", 3);
        assign(evening, OTHER);
        // the day before: one seat, checked in late (a gap), four hours on duty
        UUID before = shift(DAY.minusDays(1), "08:00", "16:00", 1);
        assign(before, OTHER);
        checkIn(before, OTHER, at(DAY.minusDays(1), "08:30"), at(DAY.minusDays(1), "12:30"));
    }

    static UUID shift(LocalDate day, String from, String to, int needed) {
        UUID id = UUID.randomUUID();
        exec("""
                insert into duty_shift (id, community_id, checkpoint_id, business_date, kind, starts_at, ends_at, people_needed)
                values (?, ?, ?, ?, 'CUSTOM', ?, ?, ?)""", id, Demo.COMMUNITY, KK4, day, at(day, from), at(day, to), needed);
        return id;
    }

    static void assign(UUID shift, UUID person) {
        exec("""
                insert into duty_assignee (id, community_id, shift_id, person_id, source, created_by)
                values (?, ?, ?, ?, 'MANUAL', 'test')""", UUID.randomUUID(), Demo.COMMUNITY, shift, person);
    }

    static void checkIn(UUID shift, UUID person, OffsetDateTime in, OffsetDateTime out) {
        exec("""
                insert into duty_check_in (id, community_id, shift_id, person_id, check_in_at, check_out_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, 'test')""", UUID.randomUUID(), Demo.COMMUNITY, shift, person, in, out);
    }

    @Test
    void figuresOfADayAndTheDayBeforeEqualTheTables() {
        TestClock.set(at(DAY.plusDays(1), "09:00").toInstant());
        for (UUID node : List.of(Demo.CELL1, Demo.ZONE1)) {
            var figures = section.figures(path(node), DAY.minusDays(1), DAY);
            assertThat(figures.keySet()).containsExactly(DAY.minusDays(1), DAY);
            for (LocalDate d : figures.keySet()) {
                assertThat(figures.get(d)).as(node + " " + d).isEqualTo(expected(path(node), d));
            }
        }
        assertThat(section.figures(path(Demo.CELL1), DAY, DAY).get(DAY)).containsEntry("duty.gaps", 1L)
                .containsEntry("duty.seatsNeeded", 5L).containsEntry("duty.seatsFilled", 3L);
    }

    @Test
    void aDayWithNothingIsZeroAndEveryDayOfTheRangeIsThere() {
        TestClock.set(at(DAY, "12:00").toInstant());
        LocalDate first = LocalDate.of(2001, 1, 1);
        var figures = section.figures(path(Demo.COMMUNITY), first, first.plusDays(6));
        assertThat(figures).hasSize(7);
        figures.values().forEach(f -> assertThat(f).hasSize(5).allSatisfy((k, v) -> assertThat(v).isZero()));
        // tomorrow's planned shifts are not counted before tomorrow
        assertThat(section.figures(path(Demo.CELL1), DAY.minusDays(1), DAY.minusDays(1)).get(DAY.minusDays(1)))
                .containsEntry("duty.shiftsPlanned", expected(path(Demo.CELL1), DAY.minusDays(1)).get("duty.shiftsPlanned"));
        TestClock.set(at(DAY.minusDays(2), "12:00").toInstant());
        assertThat(section.figures(path(Demo.CELL1), DAY, DAY).get(DAY).values()).allMatch(v -> v == 0L);
    }

    @Test
    void theWorkerSeesTheirShiftTheLeaderTheZonesFillRate() {
        TestClock.set(at(DAY, "17:00").toInstant());
        Tile mine = tiles.tiles(SectionSql.viewer("worker1", "grid-worker", Demo.CELL1, AreaKind.GRID_CELL, DAY)).get(0);
        assertThat(mine.key()).isEqualTo("duty.myShift");
        assertThat(mine.value()).isEqualTo(1);
        assertThat(mine.labelZh()).contains("08:00–16:00");
        assertThat(mine.mine()).isTrue();
        Tile free = tiles.tiles(SectionSql.viewer("worker1", "grid-worker", Demo.CELL1, AreaKind.GRID_CELL,
                DAY.plusDays(20))).get(0);
        assertThat(free.value()).isZero();
        Map<String, Tile> zone = SectionSql.byKey(tiles.tiles(SectionSql.viewer("leader1", "grid-leader", Demo.ZONE1,
                AreaKind.ZONE, DAY)));
        Map<String, Long> expected = expected(path(Demo.ZONE1), DAY);
        assertThat(zone.get("duty.fillRate").value()).isEqualTo(expected.get("duty.seatsFilled"));
        assertThat(zone.get("duty.fillRate").total()).isEqualTo(expected.get("duty.seatsNeeded"));
        assertThat(zone.get("duty.gaps").value()).isEqualTo(expected.get("duty.gaps")).isPositive();
        assertThat(zone.values()).allMatch(t -> !t.mine() && t.link().equals("/duty-board"));
    }

    /** A day's figures, shift by shift. */
    static Map<String, Long> expected(String path, LocalDate d) {
        String shifts = """
                from duty_shift s join checkpoint c on c.id = s.checkpoint_id join area_node n on n.id = c.guards_node_id
                where n.path like ? || '%' and s.business_date = ?""";
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("duty.shiftsPlanned", count("select count(*) " + shifts, path, d));
        m.put("duty.seatsNeeded", count("select coalesce(sum(s.people_needed), 0) " + shifts, path, d));
        m.put("duty.seatsFilled", count("""
                select count(*) from duty_assignee a join (select s.id, s.people_needed %s) x on x.id = a.shift_id
                where (select count(*) from duty_assignee b where b.shift_id = a.shift_id and b.id <= a.id) <= x.people_needed"""
                .formatted(shifts), path, d));
        m.put("duty.gaps", count("select count(*) " + shifts + " " + """
                 and s.starts_at + interval '15 minutes' <= ?
                 and not exists (select 1 from duty_check_in ci where ci.shift_id = s.id
                                 and ci.check_in_at <= s.starts_at + interval '15 minutes')""", path, d,
                TestClock.instantNow().atOffset(SectionSql.CST)));
        m.put("duty.dutyMinutes", count("""
                select coalesce(floor(sum(extract(epoch from ci.check_out_at - ci.check_in_at)) / 60), 0)
                from duty_check_in ci where ci.check_out_at is not null and ci.shift_id in (select s.id %s)"""
                .formatted(shifts), path, d));
        return m;
    }
}
