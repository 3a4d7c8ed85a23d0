package org.gridguard.temperature;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.security.pii.PiiCipher;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Page;
import org.gridguard.common.Rows;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.temperature.TemperatureViews.CheckView;
import org.gridguard.temperature.TemperatureViews.Direction;
import org.gridguard.temperature.TemperatureViews.HealthCode;
import org.gridguard.temperature.TemperatureViews.PeopleSearch;
import org.gridguard.temperature.TemperatureViews.PersonHit;
import org.gridguard.temperature.TemperatureViews.ReportWindow;
import org.gridguard.temperature.TemperatureViews.Source;
import org.gridguard.temperature.TemperatureViews.VisitorView;

/**
 * Reading registrations back, and finding people at a checkpoint. A registration is visible to whoever's
 * jurisdiction covers its area (the resident's, or for a visitor the checkpoint's), and to its recorder.
 */
@ApplicationScoped
public class TemperatureReads {

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Caller caller;
    @Inject
    ReportWindows windows;
    @Inject
    PiiCipher pii;
    @Inject
    java.time.Clock clock;
    @Inject
    RecordingRights rights;

    static final String SELECT = """
            select t.id, t.checkpoint_id, k.name, t.source, t.direction, t.measured_at, t.received_at, t.late,
                   t.business_date, t.report_window, t.temperature, t.fever, t.health_code, t.vehicle_plate,
                   t.resident_id, coalesce(r.name, t.visitor_name), t.visitor_doc_type, t.visitor_doc_mask,
                   t.visitor_phone_mask, t.visitor_from, t.visitor_reason, t.recorded_by, t.alert_id, t.version
            from temperature_check t join area_node an on an.id = t.area_id
            left join checkpoint k on k.id = t.checkpoint_id left join resident r on r.id = t.resident_id
            where 1 = 1""";

    /** " and (area covered or recorded by the caller)" for admins nothing. */
    String scope(Map<String, Object> p) {
        if (jurisdiction.isGlobal()) {
            return "";
        }
        p.put("communities", jurisdiction.communityIds().toArray(UUID[]::new));
        p.put("patterns", jurisdiction.likePatterns());
        p.put("me", caller.name());
        return " and (t.community_id = any(cast(:communities as uuid[])) and an.path like any(cast(:patterns as text[]))"
                + " or t.recorded_by = :me)";
    }

    @Transactional
    public CheckView get(UUID id) {
        Map<String, Object> p = new HashMap<>();
        String sql = SELECT + " and t.id = :id" + scope(p);
        p.put("id", id);
        List<CheckView> v = run(sql, p);
        if (v.isEmpty()) {
            throw ApiProblem.notFound("Temperature check");
        }
        return v.get(0);
    }

    @Transactional
    public Page<CheckView> list(UUID checkpointId, UUID areaId, UUID residentId, LocalDate from, LocalDate to, Boolean fever,
            String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 2);
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder(SELECT).append(scope(p));
        if (checkpointId != null) {
            sql.append(" and t.checkpoint_id = :cp");
            p.put("cp", checkpointId);
        }
        if (residentId != null) {
            sql.append(" and t.resident_id = :res");
            p.put("res", residentId);
        }
        if (areaId != null) {
            String path = areaPath(areaId);
            if (path == null || !jurisdiction.overlaps(path)) {
                throw ApiProblem.notFound("Area node");
            }
            sql.append(" and an.path like :area");
            p.put("area", path + "%");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (from != null) {
            sql.append(" and t.business_date >= :from");
            p.put("from", from);
        }
        if (to != null) {
            sql.append(" and t.business_date <= :to");
            p.put("to", to);
        }
        if (fever != null) {
            sql.append(" and t.fever = :fever");
            p.put("fever", fever);
        }
        if (c != null) {
            try {
                p.put("afterAt", Instant.parse(c.get(0)));
                p.put("afterId", UUID.fromString(c.get(1)));
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
            }
            sql.append(" and (t.measured_at, t.id) < (:afterAt, :afterId)");
        }
        sql.append(" order by t.measured_at desc, t.id desc limit :lim");
        p.put("lim", lim + 1);
        return Page.of(run(sql.toString(), p), lim, v -> Cursor.encode(v.measuredAt().toInstant().toString(), v.id().toString()));
    }

    String areaPath(UUID id) {
        return (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, id).getResultList()
                .stream().findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    List<CheckView> run(String sql, Map<String, Object> p) {
        var q = em.createNativeQuery(sql);
        p.forEach(q::setParameter);
        List<Object[]> rows = q.getResultList();
        ZoneId zone = windows.zone();
        List<CheckView> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            VisitorView visitor = r[14] != null ? null
                    : new VisitorView((String) r[15], r[16] == null ? null : DocType.valueOf((String) r[16]), (String) r[17],
                            (String) r[18], (String) r[19], (String) r[20]);
            out.add(new CheckView((UUID) r[0], (UUID) r[1], (String) r[2], Source.valueOf((String) r[3]),
                    r[4] == null ? null : Direction.valueOf((String) r[4]), odt(r[5], zone), odt(r[6], zone),
                    (Boolean) r[7], date(r[8]), r[9] == null ? null : ReportWindow.valueOf((String) r[9]),
                    (BigDecimal) r[10], (Boolean) r[11], r[12] == null ? null : HealthCode.valueOf((String) r[12]),
                    (String) r[13], (UUID) r[14], (String) r[15], visitor, (String) r[21], (UUID) r[22],
                    ((Number) r[23]).longValue()));
        }
        return out;
    }

    static OffsetDateTime odt(Object o, ZoneId zone) {
        Instant i = Rows.instant(o);
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }

    static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    // ------------------------------------------------------------------ people at a checkpoint

    /**
     * Residents of the area the checkpoint guards, for whoever may record there (even outside their own
     * cells): by exact document number (keyed hash), by household, or by name. Masked.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<PersonHit> people(UUID checkpointId, PeopleSearch q) {
        int given = (blank(q.idNumber()) ? 0 : 1) + (q.householdId() == null ? 0 : 1) + (blank(q.name()) ? 0 : 1);
        if (given != 1) {
            throw ApiProblem.invalid("idNumber", "send exactly one of idNumber, householdId and name");
        }
        String guardPath = rights.recordingPlace(checkpointId);
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select r.id, r.name, r.household_id, concat_ws(' ', cn.name, bn.name, h.door_number), r.id_mask, r.phone_mask,
                       exists (select 1 from watch w where w.resident_id = r.id and w.starts_on <= :today and w.ends_on >= :today)
                from resident r join household h on h.id = r.household_id join area_node an on an.id = r.area_id
                left join area_node cn on cn.id = h.compound_id left join area_node bn on bn.id = h.building_id
                where an.path like :guard and r.status = 'LIVING'""");
        p.put("guard", guardPath + "%");
        p.put("today", LocalDate.now(clock.withZone(windows.zone())));
        if (!blank(q.idNumber())) {
            DocType t = q.idType() == null ? DocType.MAINLAND_ID : q.idType();
            String n = IdentityRules.normaliseDocument(q.idNumber());
            List<String> problems = IdentityRules.documentProblems(t, n, LocalDate.now(clock.withZone(windows.zone())));
            if (!problems.isEmpty()) {
                throw ApiProblem.invalid("idNumber", problems.get(0));
            }
            sql.append(" and r.id_hmac = :hmac");
            p.put("hmac", pii.hmac(t.name(), n));
        } else if (q.householdId() != null) {
            sql.append(" and r.household_id = :hh");
            p.put("hh", q.householdId());
        } else {
            String name = q.name().trim();
            sql.append(" and r.name like :name");
            p.put("name", name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by r.name, r.id limit 50");
        var query = em.createNativeQuery(sql.toString());
        p.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new PersonHit((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                (String) r[5], (Boolean) r[6])).toList();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
