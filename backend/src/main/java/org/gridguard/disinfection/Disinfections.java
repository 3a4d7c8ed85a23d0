package org.gridguard.disinfection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.Port;

/**
 * The disinfection rounds' port, for the inspection metrics ({@code /api/v1/metrics/inspections}): figures over the
 * places within an area. It applies no reach: the caller has checked that its own caller sees the area.
 */
@Port
@ApplicationScoped
public class Disinfections {

    public record Figures(long roundsDue, long roundsDone, long missed, BigDecimal areaM2) {
    }

    @Inject
    DisinfectionRepository repo;
    @Inject
    Clock clock;

    /**
     * Rounds due by the schedules (their slots whose time lies in [from, to) while the schedule was active), rounds
     * recorded (doneAt in [from, to)) and their m², and slots missed (alerted; slot time in [from, to)) at places within
     * areaPath (an area_node path prefix; null = all).
     */
    @Transactional
    public Figures figures(String areaPath, Instant from, Instant to) {
        long due = 0;
        for (Object[] r : repo.aliveBetween(areaPath, from, to)) {
            due += DisinfectionRules.owedBetween(r, from, to, clock.getZone()).size();
        }
        Object[] done = repo.doneAndMissed(areaPath, from, to);
        return new Figures(due, ((Number) done[0]).longValue(), ((Number) done[2]).longValue(), (BigDecimal) done[1]);
    }

    /** One figure of one day: done (rounds recorded) or missed (slots alerted). */
    public record DayCount(LocalDate day, String figure, long count) {
    }

    /**
     * The daily report: per day of [first, last] in the deployment's zone, rounds recorded and slots missed at places
     * within areaPath (an area_node path prefix). Days without a figure are absent. No reach check.
     */
    @Transactional
    public List<DayCount> daily(String areaPath, LocalDate first, LocalDate last) {
        ZoneId zone = clock.getZone();
        return repo.doneAndMissedByDay(areaPath, first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(),
                zone).stream().map(r -> new DayCount(r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0],
                        (String) r[1], ((Number) r[2]).longValue())).toList();
    }
}
