package org.gridguard.temperature;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.Jdbc.Db;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.temperature.TemperatureViews.CheckInput;
import org.gridguard.temperature.TemperatureViews.VisitorInput;

/**
 * The registration path's statements on {@code temperature_check} (ADR 0009, 0017): where and whom (with the
 * caller's scopes), the insert, the stored hashes of retries, the FEVER alerts' links. Raw JDBC through the caller's
 * {@link Db}, because it is the measured hot path: one statement each, array forms for a batch, scalar forms for one.
 */
@ApplicationScoped
public class CheckRepository {

    @Inject
    Jurisdiction jurisdiction;
    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    /** A checkpoint or a resident with the path of its area. */
    record Place(UUID id, UUID communityId, String path, UUID nodeId, String name, UUID gridCellId) {
    }

    /** The checkpoints and residents of a request, by id. */
    record Places(Map<UUID, Place> checkpoints, Map<UUID, Place> residents) {
        static Places none() {
            return new Places(new HashMap<>(), new HashMap<>());
        }
    }

    /** A row to write: the reading and where it belongs. */
    record NewCheck(Reading reading, Placement placement) {
    }

    /** What a retry is compared with: the stored request hash and the row's alert. */
    record Stored(String hash, UUID alertId) {
    }

    // ------------------------------------------------------------------ where and whom

    /**
     * Checkpoints ('C') and residents ('R') with their area paths; {@code %s} is {@code = any(?)} (arrays), or
     * {@code = ?} for one of each. Columns 2–9 line up with Jurisdiction's scope rows ('S', {@link #WITH_SCOPES}).
     */
    static final String PLACES_SQL = """
            select 'C', k.id, k.community_id, g.path, k.guards_node_id, k.name, cast(null as text), cast(null as text),
              cast(null as text), cast(null as uuid)
            from checkpoint k join area_node g on g.id = k.guards_node_id where k.id %1$s
            union all
            select 'R', r.id, r.community_id, a.path, r.area_id, r.name, null, null, null, r.grid_cell_id
            from census_resident r join area_node a on a.id = r.area_id where r.id %1$s""";
    /** The caller's scopes (Jurisdiction's query) in the same statement: one round trip for where, whom and who. */
    static final String WITH_SCOPES = """

            union all
            select 'S', s.*, null from (%s) as s""".formatted(Jurisdiction.SCOPES_ARM);
    static final String PLACES_OF_MANY = PLACES_SQL.formatted("= any(?)");
    /**
     * The same for a single registration: PostgreSQL keeps one generic plan for it, where the array form is planned
     * again on every call (measured: ~0.3 ms of planning per request under P2 load, ADR 0017).
     */
    static final String PLACES_OF_ONE = PLACES_SQL.formatted("= ?");

    /**
     * The request's checkpoints and residents with their area paths, and the caller's scopes if this request has
     * not read them yet: one statement.
     */
    Places places(Db db, Set<UUID> checkpointIds, Set<UUID> residentIds) {
        Places out = Places.none();
        if (checkpointIds.isEmpty() && residentIds.isEmpty()) {
            return out;
        }
        boolean one = checkpointIds.size() <= 1 && residentIds.size() <= 1;
        boolean withScopes = jurisdiction.unread();
        db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement((one ? PLACES_OF_ONE : PLACES_OF_MANY) + (withScopes ? WITH_SCOPES : ""))) {
                if (one) {
                    ps.setObject(1, checkpointIds.isEmpty() ? null : checkpointIds.iterator().next(), Types.OTHER);
                    ps.setObject(2, residentIds.isEmpty() ? null : residentIds.iterator().next(), Types.OTHER);
                } else {
                    ps.setArray(1, c.createArrayOf("uuid", checkpointIds.toArray()));
                    ps.setArray(2, c.createArrayOf("uuid", residentIds.toArray()));
                }
                if (withScopes) {
                    jurisdiction.bind(ps, 3);
                }
                List<Jurisdiction.Scope> scopes = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String tag = rs.getString(1);
                        if (tag.equals("S")) {
                            scopes.add(Jurisdiction.scope(rs, 2));
                            continue;
                        }
                        Place p = new Place(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                                rs.getObject(5, UUID.class), rs.getString(6), rs.getObject(10, UUID.class));
                        (tag.equals("C") ? out.checkpoints() : out.residents()).put(p.id(), p);
                    }
                }
                if (withScopes) {
                    jurisdiction.use(scopes);
                }
            }
            return null;
        });
        return out;
    }

    // ------------------------------------------------------------------ the insert

    /** The rows of a request, from {@code %s}: 6 uuid and 21 text columns, as arrays (unnest) or as one row (values). */
    static final String INSERT_SQL = """
            insert into temperature_check (id, community_id, area_id, grid_cell_id, checkpoint_id, resident_id,
              source, direction, measured_at, received_at, late, business_date, report_window, temperature, fever,
              health_code, vehicle_plate, visitor_name, visitor_doc_type, visitor_doc_cipher, visitor_doc_hmac,
              visitor_doc_mask, visitor_phone_cipher, visitor_phone_hmac, visitor_phone_mask, visitor_from,
              visitor_reason, request_hash, recorded_by)
            select t.id, t.community_id, t.area_id, t.cell_id, t.checkpoint_id, t.resident_id, t.source, t.direction,
              cast(t.measured as timestamptz), ?, cast(t.late as boolean), cast(t.day as date), t.win,
              cast(t.temp as numeric), cast(t.fever as boolean), t.health, t.plate, t.v_name, t.v_type, t.v_doc,
              decode(t.v_doc_hmac, 'hex'), t.v_doc_mask, t.v_phone, decode(t.v_phone_hmac, 'hex'), t.v_phone_mask,
              t.v_from, t.v_reason, t.hash, ?
            from %s
              as t(id, community_id, area_id, cell_id, checkpoint_id, resident_id, source, direction, measured, late,
                   day, win, temp, fever, health, plate, v_name, v_type, v_doc, v_doc_hmac, v_doc_mask, v_phone,
                   v_phone_hmac, v_phone_mask, v_from, v_reason, hash)
            on conflict (id) do nothing returning id""";
    static final String INSERT_MANY = INSERT_SQL.formatted("unnest(" + "?, ".repeat(26) + "?)");
    /** One row: scalar parameters, no array to encode and parse (a single registration, ADR 0017). */
    static final String INSERT_ONE = INSERT_SQL.formatted("(values (" + "cast(? as uuid), ".repeat(6) + "?, ".repeat(20) + "?))");

    /** The rows in one statement, in the order given; the ids it wrote (a row already there is not returned). */
    Set<UUID> insert(Db db, List<NewCheck> rows, Instant now, String recordedBy) {
        Columns col = new Columns(rows);
        int n = rows.size();
        return db.run(c -> {
            Set<UUID> ids = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(n == 1 ? INSERT_ONE : INSERT_MANY)) {
                ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setString(2, recordedBy);
                int p = 3;
                for (Object[] a : col.uuids()) {
                    if (n == 1) {
                        ps.setObject(p++, a[0], Types.OTHER);
                    } else {
                        ps.setArray(p++, c.createArrayOf("uuid", a));
                    }
                }
                for (String[] a : col.texts()) {
                    if (n == 1) {
                        ps.setString(p++, a[0]);
                    } else {
                        ps.setArray(p++, c.createArrayOf("text", a));
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return ids;
        });
    }

    /** The insert's 27 columns, one array each, in {@link #INSERT_SQL}'s order. */
    private static final class Columns {
        final Object[] id, community, area, cell, checkpoint, resident;
        final String[] source, direction, measured, late, day, window, temp, fever, health, plate, vName, vType, vDoc,
                vDocHmac, vDocMask, vPhone, vPhoneHmac, vPhoneMask, vFrom, vReason, hash;

        Columns(List<NewCheck> rows) {
            int n = rows.size();
            id = new Object[n]; community = new Object[n]; area = new Object[n]; cell = new Object[n];
            checkpoint = new Object[n]; resident = new Object[n];
            source = new String[n]; direction = new String[n]; measured = new String[n]; late = new String[n];
            day = new String[n]; window = new String[n]; temp = new String[n]; fever = new String[n];
            health = new String[n]; plate = new String[n]; vName = new String[n]; vType = new String[n];
            vDoc = new String[n]; vDocHmac = new String[n]; vDocMask = new String[n]; vPhone = new String[n];
            vPhoneHmac = new String[n]; vPhoneMask = new String[n]; vFrom = new String[n]; vReason = new String[n];
            hash = new String[n];
            HexFormat hex = HexFormat.of();
            for (int i = 0; i < n; i++) {
                fill(i, rows.get(i), hex);
            }
        }

        private void fill(int i, NewCheck row, HexFormat hex) {
            Reading r = row.reading();
            Placement at = row.placement();
            CheckInput in = r.in();
            id[i] = in.id();
            community[i] = at.communityId();
            area[i] = at.areaId();
            cell[i] = at.gridCellId();
            checkpoint[i] = in.checkpointId();
            resident[i] = in.residentId();
            source[i] = in.source().name();
            direction[i] = in.direction() == null ? null : in.direction().name();
            measured[i] = in.measuredAt().toInstant().toString();
            late[i] = r.late() ? "t" : "f";
            day[i] = r.day().toString();
            window[i] = r.residentWindow() == null ? null : r.residentWindow().name();
            temp[i] = r.temperature().toPlainString();
            fever[i] = r.fever() ? "t" : "f";
            health[i] = in.healthCode() == null ? null : in.healthCode().name();
            plate[i] = TemperatureRules.plate(in.vehiclePlate());
            VisitorInput v = in.visitor();
            Reading.Sealed s = r.visitor();
            if (v != null) {
                vName[i] = s.name();
                vType[i] = s.docType() == null ? null : s.docType().name();
                vDoc[i] = s.docCipher();
                vDocHmac[i] = s.docHmac() == null ? null : hex.formatHex(s.docHmac());
                vDocMask[i] = s.docMask();
                vPhone[i] = s.phoneCipher();
                vPhoneHmac[i] = s.phoneHmac() == null ? null : hex.formatHex(s.phoneHmac());
                vPhoneMask[i] = s.phoneMask();
                vFrom[i] = v.fromPlace();
                vReason[i] = v.reason();
            }
            hash[i] = r.hash();
        }

        Object[][] uuids() {
            return new Object[][] { id, community, area, cell, checkpoint, resident };
        }

        String[][] texts() {
            return new String[][] { source, direction, measured, late, day, window, temp, fever, health, plate, vName,
                    vType, vDoc, vDocHmac, vDocMask, vPhone, vPhoneHmac, vPhoneMask, vFrom, vReason, hash };
        }
    }

    // ------------------------------------------------------------------ retries and alerts

    /** The stored hash and alert of rows already there: one statement. */
    Map<UUID, Stored> stored(Db db, List<UUID> ids) {
        return db.run(c -> {
            Map<UUID, Stored> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, request_hash, alert_id from temperature_check where id = any(?)")) {
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getObject(1, UUID.class), new Stored(rs.getString(2), rs.getObject(3, UUID.class)));
                    }
                }
            }
            return out;
        });
    }

    /** Each reading's FEVER alert (reading id → alert id): one statement. */
    void linkAlerts(Db db, Map<UUID, UUID> alertOf) {
        db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update temperature_check t set alert_id = x.a from unnest(?, ?) as x(id, a) where t.id = x.id""")) {
                ps.setArray(1, c.createArrayOf("uuid", alertOf.keySet().toArray()));
                ps.setArray(2, c.createArrayOf("uuid", alertOf.values().toArray()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ metrics

    /** The path of an area node, or null. */
    String areaPath(UUID areaId) {
        return (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, areaId)
                .getResultList().stream().findFirst().orElse(null);
    }

    /** Per business day from {@code from} to {@code to}, below the path pattern {@code like}: registrations, fevers. */
    @SuppressWarnings("unchecked")
    List<Object[]> dailyRegistrations(String like, LocalDate from, LocalDate to) {
        return em.createNativeQuery("""
                select t.business_date, count(*), count(*) filter (where t.fever)
                from temperature_check t join area_node an on an.id = t.area_id
                where an.path like ?1 and t.business_date between ?2 and ?3 group by 1""")
                .setParameter(1, like).setParameter(2, from).setParameter(3, to).getResultList();
    }

    /**
     * Per local day ({@code zone}) of raising in [{@code from}, {@code to}), below {@code like}: FEVER alerts not
     * closed, and closed. (It reads the alert module's port view alert_raised: the readings' alerts, counted where they were raised.)
     */
    @SuppressWarnings("unchecked")
    List<Object[]> dailyFeverAlerts(String like, Instant from, Instant to, String zone) {
        return em.createNativeQuery("""
                select cast(a.raised_at at time zone ?4 as date), count(*) filter (where a.state <> 'CLOSED'),
                       count(*) filter (where a.state = 'CLOSED')
                from alert_raised a join area_node n on n.id = a.area_id
                where a.kind = 'FEVER' and n.path like ?1 and a.raised_at >= ?2 and a.raised_at < ?3 group by 1""")
                .setParameter(1, like).setParameter(2, from).setParameter(3, to).setParameter(4, zone).getResultList();
    }

    // ------------------------------------------------------------------ reads, within the caller's reach

    static final String SELECT = """
            select t.id, t.checkpoint_id, k.name, t.source, t.direction, t.measured_at, t.received_at, t.late,
                   t.business_date, t.report_window, t.temperature, t.fever, t.health_code, t.vehicle_plate,
                   t.resident_id, coalesce(r.name, t.visitor_name), t.visitor_doc_type, t.visitor_doc_mask,
                   t.visitor_phone_mask, t.visitor_from, t.visitor_reason, t.recorded_by, t.alert_id, t.version
            from temperature_check t join area_node an on an.id = t.area_id
            left join checkpoint k on k.id = t.checkpoint_id left join census_resident r on r.id = t.resident_id
            where 1 = 1""";

    /** What a list of registrations is narrowed to; any may be null. {@code areaPath}: below this area. */
    record Filter(UUID checkpointId, String areaPath, UUID residentId, LocalDate from, LocalDate to,
            Boolean fever) {
    }

    /**
     * " and (area covered or recorded by the caller)": a registration is visible to whoever's jurisdiction covers its
     * area (the resident's, or for a visitor the checkpoint's), and to its recorder; for admins nothing.
     */
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

    /** One registration the caller may see, as {@link #SELECT} rows (none or one). */
    List<Object[]> find(UUID id) {
        Map<String, Object> p = new HashMap<>();
        String sql = SELECT + " and t.id = :id" + scope(p);
        p.put("id", id);
        return rows(sql, p);
    }

    /** A page of the caller's registrations, newest first, before ({@code afterAt}, {@code afterId}) if given. */
    List<Object[]> page(Filter f, Instant afterAt, UUID afterId, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder(SELECT).append(scope(p));
        if (f.checkpointId() != null) {
            sql.append(" and t.checkpoint_id = :cp");
            p.put("cp", f.checkpointId());
        }
        if (f.residentId() != null) {
            sql.append(" and t.resident_id = :res");
            p.put("res", f.residentId());
        }
        if (f.areaPath() != null) {
            sql.append(" and an.path like :area");
            p.put("area", f.areaPath() + "%");
        }
        if (f.from() != null) {
            sql.append(" and t.business_date >= :from");
            p.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" and t.business_date <= :to");
            p.put("to", f.to());
        }
        if (f.fever() != null) {
            sql.append(" and t.fever = :fever");
            p.put("fever", f.fever());
        }
        if (afterId != null) {
            p.put("afterAt", afterAt);
            p.put("afterId", afterId);
            sql.append(" and (t.measured_at, t.id) < (:afterAt, :afterId)");
        }
        sql.append(" order by t.measured_at desc, t.id desc limit :lim");
        p.put("lim", limit);
        return rows(sql.toString(), p);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> p) {
        var q = em.createNativeQuery(sql);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    /**
     * Living residents below the area a checkpoint guards, by exactly one of: document keyed hash, household, name
     * prefix; at most 50: id, name, household, door label, id mask, phone mask, under watch {@code today}, and the
     * active home order if any (id, number, kind, ends on), read from the quarantine's port view {@code quarantine_active}.
     */
    List<Object[]> peopleAt(String guardPath, LocalDate today, byte[] hmac, UUID householdId, String namePrefix) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select r.id, r.name, r.household_id, concat_ws(' ', cn.name, bn.name, h.door_number), r.id_mask, r.phone_mask,
                       exists (select 1 from watch w where w.resident_id = r.id and w.starts_on <= :today and w.ends_on >= :today),
                       q.id, q.number, q.kind, q.ends_on
                from census_resident r join census_household h on h.id = r.household_id join area_node an on an.id = r.area_id
                left join area_node cn on cn.id = h.compound_id left join area_node bn on bn.id = h.building_id
                left join lateral (select qa.id, qa.number, qa.kind, qa.ends_on from quarantine_active qa
                                   where qa.resident_id = r.id and qa.kind in ('HOME_ISOLATION','HOME_MONITORING')
                                   order by qa.starts_on desc limit 1) q on true
                where an.path like :guard and r.status = 'LIVING'""");
        p.put("guard", guardPath + "%");
        p.put("today", today);
        if (hmac != null) {
            sql.append(" and r.id_hmac = :hmac");
            p.put("hmac", hmac);
        } else if (householdId != null) {
            sql.append(" and r.household_id = :hh");
            p.put("hh", householdId);
        } else {
            sql.append(" and r.name like :name");
            p.put("name", namePrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by r.name, r.id limit 50");
        return rows(sql.toString(), p);
    }
}
