package org.gridguard.duty.hours;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.area.AreaNode;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Rows;
import org.gridguard.duty.DutyScope;
import org.gridguard.duty.DutySettings;
import org.gridguard.duty.hours.HoursViews.HoursReport;
import org.gridguard.duty.hours.HoursViews.HoursView;
import org.gridguard.duty.hours.HoursViews.Metrics;
import org.gridguard.duty.hours.HoursViews.PersonHours;
import org.gridguard.duty.hours.HoursViews.UnitHours;
import org.gridguard.duty.person.DutyPerson;
import org.gridguard.duty.person.PersonRepository;

/**
 * Service hours (check-in to check-out, as corrected by leaders, plus approved work logs), the 12-hour
 * target of party members, and the duty metrics.
 */
@ApplicationScoped
public class DutyHoursService {

    public static final BigDecimal PARTY_TARGET = BigDecimal.valueOf(12);

    @Inject
    Clock clock;
    @Inject
    DutyScope scope;
    @Inject
    DutySettings settings;
    @Inject
    PersonRepository people;
    @Inject
    HoursRepository figures;

    @ConfigProperty(name = "gridguard.duty.gap-after", defaultValue = "PT15M")
    Duration gapAfter;

    ZoneId zone() {
        return settings.zone();
    }

    // ---------------- hours ----------------

    @Transactional
    public HoursView hoursOf(UUID personId, Integer year) {
        DutyPerson p = people.visible(personId);
        if (!people.isMe(p) && !scope.overseer()) {
            throw ApiProblem.notFound("Duty person");
        }
        int y = year(year);
        return hours(List.of(p), y).get(0);
    }

    @Transactional
    public HoursReport report(UUID areaId, Integer year) {
        int y = year(year);
        List<DutyPerson> list;
        if (!scope.overseer()) {
            list = people.me().map(List::of).orElse(List.of());
        } else {
            list = people.visibleByUnit(areaId == null ? null : scope.area(areaId).path);
        }
        List<HoursView> views = hours(list, y);
        Map<String, BigDecimal> byUnit = new TreeMap<>();
        Map<String, Integer> heads = new HashMap<>();
        for (HoursView v : views) {
            byUnit.merge(v.unit(), v.totalHours(), BigDecimal::add);
            heads.merge(v.unit(), 1, Integer::sum);
        }
        List<UnitHours> units = byUnit.entrySet().stream()
                .map(e -> new UnitHours(e.getKey(), heads.get(e.getKey()), e.getValue())).toList();
        return new HoursReport(y, views, units);
    }

    private int year(Integer year) {
        int y = year != null ? year : LocalDate.now(clock.withZone(zone())).getYear();
        if (y < 2000 || y > 2100) {
            throw ApiProblem.invalid("year", "must be between 2000 and 2100");
        }
        return y;
    }

    List<HoursView> hours(List<DutyPerson> list, int year) {
        if (list.isEmpty()) {
            return List.of();
        }
        UUID[] ids = list.stream().map(p -> p.id).toArray(UUID[]::new);
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone()).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone()).toInstant();
        Map<UUID, BigDecimal> posts = new HashMap<>();
        for (Object[] r : figures.checkInHours(ids, from, to)) {
            posts.put((UUID) r[0], round(r[1]));
        }
        Map<UUID, BigDecimal> logs = new HashMap<>();
        for (Object[] r : figures.workLogHours(ids, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
            logs.put((UUID) r[0], round(r[1]));
        }
        List<HoursView> out = new ArrayList<>();
        for (DutyPerson p : list) {
            BigDecimal a = posts.getOrDefault(p.id, BigDecimal.ZERO.setScale(2));
            BigDecimal b = logs.getOrDefault(p.id, BigDecimal.ZERO.setScale(2));
            BigDecimal total = a.add(b);
            out.add(new HoursView(p.id, p.name, p.unit, p.partyMember, year, a, b, total,
                    p.partyMember ? PARTY_TARGET : null, p.partyMember ? total.compareTo(PARTY_TARGET) >= 0 : null));
        }
        return out;
    }

    static BigDecimal round(Object o) {
        if (o == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        return new BigDecimal(o.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    // ---------------- metrics ----------------

    /** Seats needed and filled, and the gaps: no check-in by {@code gapAfter} after the start. */
    private record Staffing(int shifts, int needed, int filled, int gaps, long gapMinutes) {
    }

    @Transactional
    public Metrics metrics(UUID areaId, LocalDate from, LocalDate to) {
        if (areaId == null) {
            throw ApiProblem.invalid("areaId", "is required");
        }
        AreaNode area = scope.area(areaId);
        if (!scope.jurisdiction().covers(area.path)) {
            throw ApiProblem.notFound("Area node");
        }
        LocalDate t = to != null ? to : LocalDate.now(clock.withZone(zone()));
        LocalDate f = from != null ? from : t.minusDays(6);
        DutySettings.checkRange(f, t);
        Instant now = clock.instant();
        Staffing st = staffing(figures.shiftFigures(area.path, f, t), now);
        List<PersonHours> byPerson = new ArrayList<>();
        Map<String, BigDecimal> units = new TreeMap<>();
        Map<String, Integer> heads = new HashMap<>();
        for (Object[] r : figures.hoursByPerson(area.path, f, t)) {
            BigDecimal h = round(r[3]);
            byPerson.add(new PersonHours((UUID) r[0], (String) r[1], (String) r[2], h));
            units.merge((String) r[2], h, BigDecimal::add);
            heads.merge((String) r[2], 1, Integer::sum);
        }
        List<UnitHours> byUnit = units.entrySet().stream()
                .map(e -> new UnitHours(e.getKey(), heads.get(e.getKey()), e.getValue())).toList();
        double rate = st.needed() == 0 ? 1.0 : Math.round(10000.0 * st.filled() / st.needed()) / 10000.0;
        return new Metrics(area.id, f, t, st.shifts(), st.needed(), st.filled(), rate, st.gaps(), st.gapMinutes(),
                st.gaps() == 0 ? 0 : Math.round(10.0 * st.gapMinutes() / st.gaps()) / 10.0, byPerson, byUnit);
    }

    private Staffing staffing(List<Object[]> shifts, Instant now) {
        int needed = 0;
        int filled = 0;
        int gaps = 0;
        long gapMinutes = 0;
        for (Object[] r : shifts) {
            Instant start = Rows.instant(r[1]);
            Instant end = Rows.instant(r[2]);
            int n = ((Number) r[3]).intValue();
            needed += n;
            filled += Math.min(n, ((Number) r[4]).intValue());
            Instant first = Rows.instant(r[5]);
            Instant deadline = start.plus(gapAfter);
            if (!now.isBefore(deadline) && (first == null || first.isAfter(deadline))) {
                gaps++;
                Instant until = first != null ? first : (now.isBefore(end) ? now : end);
                gapMinutes += Math.max(0, Duration.between(start, until).toMinutes());
            }
        }
        return new Staffing(shifts.size(), needed, filled, gaps, gapMinutes);
    }

    public static String csv(Metrics m) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("section", "key", "name", "unit", "value").get())) {
            p.printRecord("summary", "from", "", "", m.from());
            p.printRecord("summary", "to", "", "", m.to());
            p.printRecord("summary", "shifts", "", "", m.shifts());
            p.printRecord("summary", "seatsNeeded", "", "", m.seatsNeeded());
            p.printRecord("summary", "seatsFilled", "", "", m.seatsFilled());
            p.printRecord("summary", "fillRate", "", "", m.fillRate());
            p.printRecord("summary", "gaps", "", "", m.gaps());
            p.printRecord("summary", "gapMinutesTotal", "", "", m.gapMinutesTotal());
            p.printRecord("summary", "gapMinutesAverage", "", "", m.gapMinutesAverage());
            for (PersonHours h : m.hoursByPerson()) {
                p.printRecord("person", h.personId(), safe(h.name()), safe(h.unit()), h.hours());
            }
            for (UnitHours u : m.hoursByUnit()) {
                p.printRecord("unit", u.people(), "", safe(u.unit()), u.hours());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Cells starting with = + - @ are quoted so spreadsheets do not run them as formulas. */
    static String safe(String s) {
        return s != null && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
