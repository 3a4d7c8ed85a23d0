package org.gridguard.duty;

import org.gridguard.common.Rows;
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
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.area.AreaNode;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Versions;
import org.gridguard.duty.DutyViews.Decision;
import org.gridguard.duty.DutyViews.HoursReport;
import org.gridguard.duty.DutyViews.HoursView;
import org.gridguard.duty.DutyViews.Metrics;
import org.gridguard.duty.DutyViews.NewWorkLog;
import org.gridguard.duty.DutyViews.PersonHours;
import org.gridguard.duty.DutyViews.UnitHours;
import org.gridguard.duty.DutyViews.WorkLogView;

/**
 * Service hours (check-in to check-out, as corrected by leaders, plus approved work logs), the 12-hour
 * target of party members, daily work logs, and the duty metrics.
 */
@ApplicationScoped
public class DutyHoursService {

    public static final BigDecimal PARTY_TARGET = BigDecimal.valueOf(12);
    static final int MAX_PEOPLE = 2000;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    DutyScope scope;
    @Inject
    DutyService duty;
    @Inject
    Idempotency idempotency;

    @ConfigProperty(name = "gridguard.duty.gap-after", defaultValue = "PT15M")
    Duration gapAfter;
    @ConfigProperty(name = "gridguard.zone")
    String zone;

    ZoneId zone() {
        return ZoneId.of(zone);
    }

    // ---------------- hours ----------------

    @Transactional
    public HoursView hoursOf(UUID personId, Integer year) {
        DutyPerson p = scope.person(personId);
        if (!scope.isMe(p) && !scope.overseer()) {
            throw ApiProblem.notFound("Duty person");
        }
        int y = year(year);
        return hours(List.of(p), y).get(0);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public HoursReport report(UUID areaId, Integer year) {
        int y = year(year);
        List<DutyPerson> people;
        if (!scope.overseer()) {
            people = scope.me().map(List::of).orElse(List.of());
        } else {
            Map<String, Object> p = new HashMap<>();
            StringBuilder sql = new StringBuilder(
                    "select dp.* from duty_person dp join area_node h on h.id = dp.home_area_id where ")
                    .append(scope.visiblePersonSql(p));
            if (areaId != null) {
                sql.append(" and h.path like :area");
                p.put("area", scope.area(areaId).path + "%");
            }
            sql.append(" order by dp.unit, dp.name limit ").append(MAX_PEOPLE);
            var q = em.createNativeQuery(sql.toString(), DutyPerson.class);
            p.forEach(q::setParameter);
            people = q.getResultList();
        }
        List<HoursView> views = hours(people, y);
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

    @SuppressWarnings("unchecked")
    List<HoursView> hours(List<DutyPerson> people, int year) {
        if (people.isEmpty()) {
            return List.of();
        }
        UUID[] ids = people.stream().map(p -> p.id).toArray(UUID[]::new);
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone()).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone()).toInstant();
        Map<UUID, BigDecimal> posts = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                select person_id, sum(extract(epoch from (check_out_at - check_in_at))) / 3600.0 from duty_check_in
                where person_id = any(?1) and check_out_at is not null and check_in_at >= ?2 and check_in_at < ?3
                group by person_id""").setParameter(1, ids).setParameter(2, from).setParameter(3, to).getResultList()) {
            posts.put((UUID) r[0], round(r[1]));
        }
        Map<UUID, BigDecimal> logs = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                select person_id, sum(hours) from duty_work_log
                where person_id = any(?1) and status = 'APPROVED' and work_date between ?2 and ?3 group by person_id""")
                .setParameter(1, ids).setParameter(2, LocalDate.of(year, 1, 1)).setParameter(3, LocalDate.of(year, 12, 31))
                .getResultList()) {
            logs.put((UUID) r[0], round(r[1]));
        }
        List<HoursView> out = new ArrayList<>();
        for (DutyPerson p : people) {
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

    // ---------------- work logs ----------------

    @Transactional
    public Idempotency.Outcome<WorkLogView> createLog(NewWorkLog req, String key) {
        return idempotency.once(scope.name(), key, "WORK_LOG", req, WorkLogView.class, () -> {
            if (req.id() != null) {
                DutyWorkLog existing = DutyWorkLog.findById(req.id());
                if (existing != null) {
                    if (existing.createdBy.equals(scope.name())) {
                        return new Idempotency.Outcome<>(view(existing, null), existing.id, true);
                    }
                    throw ApiProblem.conflict("A work log with this id already exists");
                }
            }
            DutyPerson p;
            if (req.personId() == null) {
                p = scope.me().orElseThrow(() -> ApiProblem.invalid("personId",
                        "you have no duty person record: say whose work this is"));
            } else {
                p = scope.person(req.personId());
                if (!scope.isMe(p) && !scope.canManagePerson(p)) {
                    throw ApiProblem.forbidden("Only the person or their leaders may log their work");
                }
            }
            LocalDate today = LocalDate.now(clock.withZone(zone()));
            if (req.workDate().isAfter(today)) {
                throw ApiProblem.invalid("workDate", "is in the future");
            }
            DutyWorkLog w = new DutyWorkLog();
            w.id = req.id() != null ? req.id() : UUID.randomUUID();
            w.communityId = p.communityId;
            w.personId = p.id;
            w.workDate = req.workDate();
            w.description = req.description().trim();
            w.hours = req.hours().setScale(2, RoundingMode.HALF_UP);
            w.householdsPhoned = req.householdsPhoned() == null ? 0 : req.householdsPhoned();
            w.householdsVisited = req.householdsVisited() == null ? 0 : req.householdsVisited();
            w.status = DutyWorkLog.Status.SUBMITTED;
            w.createdBy = scope.name();
            w.createdAt = clock.instant();
            w.persist();
            em.flush();
            return new Idempotency.Outcome<>(view(w, p), w.id, false);
        });
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<WorkLogView> logs(LocalDate date, UUID areaId, UUID personId) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select w.* from duty_work_log w join duty_person dp on dp.id = w.person_id
                join area_node h on h.id = dp.home_area_id where\s""");
        if (scope.overseer()) {
            sql.append(scope.visiblePersonSql(p));
        } else {
            sql.append("dp.username = :me");
            p.put("me", scope.name());
        }
        if (date != null) {
            sql.append(" and w.work_date = :d");
            p.put("d", date);
        }
        if (areaId != null) {
            sql.append(" and h.path like :area");
            p.put("area", scope.area(areaId).path + "%");
        }
        if (personId != null) {
            sql.append(" and w.person_id = :pid");
            p.put("pid", personId);
        }
        sql.append(" order by w.work_date desc, w.created_at desc limit ").append(Cursor.MAX_LIMIT);
        var q = em.createNativeQuery(sql.toString(), DutyWorkLog.class);
        p.forEach(q::setParameter);
        List<DutyWorkLog> rows = q.getResultList();
        Map<UUID, DutyPerson> people = new HashMap<>();
        if (!rows.isEmpty()) {
            DutyPerson.<DutyPerson>list("id in ?1", rows.stream().map(w -> w.personId).distinct().toList())
                    .forEach(x -> people.put(x.id, x));
        }
        return rows.stream().map(w -> view(w, people.get(w.personId))).toList();
    }

    @Transactional
    public WorkLogView decide(UUID id, Decision d, String ifMatch) {
        DutyWorkLog w = DutyWorkLog.findById(id);
        if (w == null) {
            throw ApiProblem.notFound("Work log");
        }
        DutyPerson p = scope.person(w.personId);
        if (!scope.canManagePerson(p)) {
            throw ApiProblem.forbidden("Only the person's leaders may approve their work log");
        }
        Versions.check(w.version, ifMatch, d.version());
        if (w.status != DutyWorkLog.Status.SUBMITTED) {
            throw ApiProblem.conflict("The work log is already " + w.status);
        }
        w.status = d.approve() ? DutyWorkLog.Status.APPROVED : DutyWorkLog.Status.REJECTED;
        w.decidedBy = scope.name();
        w.decidedAt = clock.instant();
        em.flush();
        return view(w, p);
    }

    static WorkLogView view(DutyWorkLog w, DutyPerson p) {
        return new WorkLogView(w.id, w.personId, p == null ? null : p.name, w.workDate, w.description, w.hours,
                w.householdsPhoned, w.householdsVisited, w.status, w.createdBy, w.decidedBy, w.version);
    }

    // ---------------- metrics ----------------

    @Transactional
    @SuppressWarnings("unchecked")
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
        DutyService.checkRange(f, t);
        Instant now = clock.instant();
        List<Object[]> shifts = em.createNativeQuery("""
                select s.id, s.starts_at, s.ends_at, s.people_needed,
                       (select count(*) from duty_assignee a where a.shift_id = s.id),
                       (select min(ci.check_in_at) from duty_check_in ci where ci.shift_id = s.id)
                from duty_shift s join checkpoint c on c.id = s.checkpoint_id join area_node g on g.id = c.guards_node_id
                where g.path like ?1 and s.business_date between ?2 and ?3""")
                .setParameter(1, area.path + "%").setParameter(2, f).setParameter(3, t).getResultList();
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
        List<Object[]> hours = em.createNativeQuery("""
                select dp.id, dp.name, dp.unit, sum(extract(epoch from (ci.check_out_at - ci.check_in_at))) / 3600.0
                from duty_check_in ci join duty_shift s on s.id = ci.shift_id join duty_person dp on dp.id = ci.person_id
                join checkpoint c on c.id = s.checkpoint_id join area_node g on g.id = c.guards_node_id
                where g.path like ?1 and s.business_date between ?2 and ?3 and ci.check_out_at is not null
                group by dp.id, dp.name, dp.unit order by dp.unit, dp.name limit 5000""")
                .setParameter(1, area.path + "%").setParameter(2, f).setParameter(3, t).getResultList();
        List<PersonHours> byPerson = new ArrayList<>();
        Map<String, BigDecimal> units = new TreeMap<>();
        Map<String, Integer> heads = new HashMap<>();
        for (Object[] r : hours) {
            BigDecimal h = round(r[3]);
            byPerson.add(new PersonHours((UUID) r[0], (String) r[1], (String) r[2], h));
            units.merge((String) r[2], h, BigDecimal::add);
            heads.merge((String) r[2], 1, Integer::sum);
        }
        List<UnitHours> byUnit = units.entrySet().stream()
                .map(e -> new UnitHours(e.getKey(), heads.get(e.getKey()), e.getValue())).toList();
        double rate = needed == 0 ? 1.0 : Math.round(10000.0 * filled / needed) / 10000.0;
        return new Metrics(area.id, f, t, shifts.size(), needed, filled, rate, gaps, gapMinutes,
                gaps == 0 ? 0 : Math.round(10.0 * gapMinutes / gaps) / 10.0, byPerson, byUnit);
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
