package org.gridguard.temperature;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.security.pii.PiiCipher;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Page;
import org.gridguard.common.Rows;
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
    CheckRepository checks;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    ReportWindows windows;
    @Inject
    PiiCipher pii;
    @Inject
    java.time.Clock clock;
    @Inject
    RecordingRights rights;

    @Transactional
    public CheckView get(UUID id) {
        List<CheckView> v = views(checks.find(id));
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
        String area = null;
        if (areaId != null) {
            area = checks.areaPath(areaId);
            if (area == null || !jurisdiction.overlaps(area)) {
                throw ApiProblem.notFound("Area node");
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        Instant afterAt = null;
        UUID afterId = null;
        if (c != null) {
            try {
                afterAt = Instant.parse(c.get(0));
                afterId = UUID.fromString(c.get(1));
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
            }
        }
        List<Object[]> rows = checks.page(new CheckRepository.Filter(checkpointId, area, residentId, from, to, fever),
                afterAt, afterId, lim + 1);
        return Page.of(views(rows), lim, v -> Cursor.encode(v.measuredAt().toInstant().toString(), v.id().toString()));
    }

    /** Rows of {@link CheckRepository#SELECT} as views. */
    List<CheckView> views(List<Object[]> rows) {
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
    public List<PersonHit> people(UUID checkpointId, PeopleSearch q) {
        int given = (blank(q.idNumber()) ? 0 : 1) + (q.householdId() == null ? 0 : 1) + (blank(q.name()) ? 0 : 1);
        if (given != 1) {
            throw ApiProblem.invalid("idNumber", "send exactly one of idNumber, householdId and name");
        }
        String guardPath = rights.recordingPlace(checkpointId);
        LocalDate today = LocalDate.now(clock.withZone(windows.zone()));
        byte[] hmac = null;
        if (!blank(q.idNumber())) {
            DocType t = q.idType() == null ? DocType.MAINLAND_ID : q.idType();
            String n = IdentityRules.normaliseDocument(q.idNumber());
            List<String> problems = IdentityRules.documentProblems(t, n, LocalDate.now(clock.withZone(windows.zone())));
            if (!problems.isEmpty()) {
                throw ApiProblem.invalid("idNumber", problems.get(0));
            }
            hmac = pii.hmac(t.name(), n);
        }
        String name = hmac == null && q.householdId() == null ? q.name().trim() : null;
        return checks.peopleAt(guardPath, today, hmac, hmac == null ? q.householdId() : null, name).stream()
                .map(r -> new PersonHit((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (String) r[4], (String) r[5],
                        (Boolean) r[6], r[7] == null ? null
                                : new TemperatureViews.HomeOrder((UUID) r[7], (String) r[8], (String) r[9], date(r[10]))))
                .toList();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
