package org.gridguard.inspection;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.Rows;
import org.gridguard.inspection.InspectionViews.AnswerInput;
import org.gridguard.inspection.InspectionViews.AnswerResult;
import org.gridguard.inspection.InspectionViews.AnswerView;
import org.gridguard.inspection.InspectionViews.InspectionSummary;
import org.gridguard.inspection.InspectionViews.PlaceKind;
import org.gridguard.inspection.InspectionViews.PlaceType;
import org.gridguard.inspection.InspectionViews.Result;
import org.gridguard.inspection.InspectionViews.Severity;
import org.gridguard.security.Jurisdiction;

/**
 * Every query of {@code inspection}, {@code inspection_answer} and {@code inspection_signature}, the caller's reach
 * applied to lists here (the area node of the place).
 */
@ApplicationScoped
public class InspectionRepository {

    private static final String COLUMNS = """
            select i.id, i.place_kind, i.place_id, i.place_name, i.place_type, i.area_id, an.path, i.template_id, t.name,
                   t.version, i.inspector, i.inspected_at, i.result, i.note, i.signer_name, i.signer_phone_masked,
                   i.responsible_user, i.confirmed_by, i.confirmed_at, i.version,
                   exists (select 1 from inspection_signature s where s.inspection_id = i.id),
                   (select count(*) from inspection_answer a where a.inspection_id = i.id and a.result = 'FAIL')
            from inspection i join area_node an on an.id = i.area_id join inspection_template t on t.id = i.template_id""";

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;

    /** An inspection as stored, with its area's path and its template's name and version. */
    record Row(UUID id, PlaceKind placeKind, UUID placeId, String placeName, PlaceType placeType, UUID areaId,
            String areaPath, UUID templateId, String templateName, int templateVersion, String inspector,
            Instant inspectedAt, Result result, String note, String signerName, String signerPhoneMasked,
            String responsibleUser, String confirmedBy, Instant confirmedAt, long version, boolean signature,
            int failedItems) {
        InspectionSummary summary() {
            return new InspectionSummary(id, placeKind, placeId, placeName, templateName, templateVersion, inspector,
                    inspectedAt, result, failedItems);
        }
    }

    /** What is written for a new inspection. */
    record New(UUID id, PlaceRepository.Place place, UUID templateId, String inspector, Instant inspectedAt, Result result,
            String note, String signerName, String signerPhoneEnc, String signerPhoneMasked, String responsibleUser) {
    }

    /** A stored image. */
    public record Image(String contentType, byte[] bytes) {
    }

    /** What a list is filtered on; null fields filter nothing. */
    record Filter(PlaceKind placeKind, UUID placeId, String areaPath, Result result, Instant from, Instant to) {
    }

    Row find(UUID id) {
        List<Object[]> rows = Rows.list(em, COLUMNS + " where i.id = :id", Map.of("id", id));
        return rows.isEmpty() ? null : row(rows.get(0));
    }

    void insert(New n) {
        Object[] v = { n.id(), n.place().kind().name(), n.place().id(), n.place().name(), n.place().type().name(),
                n.place().areaId(), n.templateId(), n.inspector(), n.inspectedAt(), n.result().name(), n.note(),
                n.signerName(), n.signerPhoneEnc(), n.signerPhoneMasked(), n.responsibleUser() };
        var q = em.createNativeQuery("""
                insert into inspection (id, place_kind, place_id, place_name, place_type, area_id, template_id, inspector,
                inspected_at, result, note, signer_name, signer_phone_enc, signer_phone_masked, responsible_user)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)""");
        for (int i = 0; i < v.length; i++) {
            q.setParameter(i + 1, v[i]);
        }
        q.executeUpdate();
    }

    void insertAnswer(UUID inspectionId, AnswerInput a) {
        boolean fail = a.result() == AnswerResult.FAIL;
        em.createNativeQuery("""
                insert into inspection_answer (inspection_id, item_id, result, reason, responsible_name)
                values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, inspectionId).setParameter(2, a.itemId()).setParameter(3, a.result().name())
                .setParameter(4, fail ? a.reason().trim() : InspectionRules.trim(a.reason()))
                .setParameter(5, fail ? a.responsibleName().trim() : InspectionRules.trim(a.responsibleName()))
                .executeUpdate();
    }

    void insertSignature(UUID inspectionId, String contentType, byte[] bytes) {
        em.createNativeQuery("insert into inspection_signature (inspection_id, content_type, bytes) values (?1, ?2, ?3)")
                .setParameter(1, inspectionId).setParameter(2, contentType).setParameter(3, bytes).executeUpdate();
    }

    Image signature(UUID inspectionId) {
        List<Object[]> rows = Rows.list(em, "select content_type, bytes from inspection_signature where inspection_id = :id",
                Map.of("id", inspectionId));
        return rows.isEmpty() ? null : new Image((String) rows.get(0)[0], (byte[]) rows.get(0)[1]);
    }

    /** The answers of an inspection by item position. */
    List<AnswerView> answers(UUID inspectionId) {
        return Rows.list(em, """
                select a.item_id, it.text, it.severity, a.result, a.reason, a.responsible_name from inspection_answer a
                join inspection_item it on it.id = a.item_id where a.inspection_id = :id order by it.position""",
                Map.of("id", inspectionId)).stream()
                .map(r -> new AnswerView((UUID) r[0], (String) r[1], Severity.valueOf((String) r[2]),
                        AnswerResult.valueOf((String) r[3]), (String) r[4], (String) r[5]))
                .toList();
    }

    /** Marks the inspection confirmed by its responsible user; false when it was confirmed already. */
    boolean confirm(UUID id, String by, Instant at) {
        return em.createNativeQuery("""
                update inspection set confirmed_by = ?2, confirmed_at = ?3, version = version + 1
                where id = ?1 and confirmed_by is null""")
                .setParameter(1, id).setParameter(2, by).setParameter(3, at).executeUpdate() == 1;
    }

    /** Newest first, keyset-paged after ({@code afterAt}, {@code afterId}), within the caller's reach. */
    List<Row> page(Filter f, Instant afterAt, UUID afterId, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where 1 = 1");
        if (!jurisdiction.isGlobal()) {
            sql.append(" and an.path like any(cast(:patterns as text[]))");
            p.put("patterns", jurisdiction.likePatterns());
        }
        filter(f, sql, p);
        if (afterAt != null) {
            sql.append(" and (i.inspected_at, i.id) < (:afterAt, :afterId)");
            p.put("afterAt", afterAt);
            p.put("afterId", afterId);
        }
        sql.append(" order by i.inspected_at desc, i.id desc limit :lim");
        p.put("lim", limit);
        return Rows.list(em, sql, p).stream().map(InspectionRepository::row).toList();
    }

    /** Inspections in [from, to) at places within the area path (null: all): all, passed, failed. */
    long[] counts(String areaPath, Instant from, Instant to) {
        Object[] r = Rows.list(em, """
                select count(*), count(*) filter (where i.result = 'PASSED'), count(*) filter (where i.result = 'FAILED')
                from inspection i join area_node an on an.id = i.area_id
                where an.path like :area and i.inspected_at >= :from and i.inspected_at < :to""",
                Map.of("area", like(areaPath), "from", from, "to", to)).get(0);
        return new long[] { ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue() };
    }

    /** The answers per template version and item in [from, to) within the area path, by template then position. */
    List<Inspections.ItemRate> itemRates(String areaPath, Instant from, Instant to) {
        return Rows.list(em, """
                select t.id, t.name, t.version, it.id, it.text, it.severity, count(*),
                       count(*) filter (where a.result = 'PASS'), count(*) filter (where a.result = 'FAIL'),
                       count(*) filter (where a.result = 'NA')
                from inspection_answer a join inspection i on i.id = a.inspection_id
                join area_node an on an.id = i.area_id join inspection_item it on it.id = a.item_id
                join inspection_template t on t.id = it.template_id
                where an.path like :area and i.inspected_at >= :from and i.inspected_at < :to
                group by t.id, t.name, t.version, it.id, it.text, it.severity, it.position
                order by t.name, t.version, t.id, it.position""", Map.of("area", like(areaPath), "from", from, "to", to))
                .stream().map(r -> new Inspections.ItemRate((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(),
                        (UUID) r[3], (String) r[4], (String) r[5], ((Number) r[6]).longValue(), ((Number) r[7]).longValue(),
                        ((Number) r[8]).longValue(), ((Number) r[9]).longValue()))
                .toList();
    }

    /** The business day of each enterprise's first inspection. */
    Map<UUID, java.time.LocalDate> firstInspectionDay(java.util.Collection<UUID> enterpriseIds, java.time.ZoneId zone) {
        Map<UUID, java.time.LocalDate> out = new HashMap<>();
        if (enterpriseIds.isEmpty()) {
            return out;
        }
        for (Object[] r : Rows.list(em, """
                select place_id, min(inspected_at) from inspection
                where place_kind = 'ENTERPRISE' and place_id = any(cast(:ids as uuid[])) group by place_id""",
                Map.of("ids", enterpriseIds.toArray(UUID[]::new)))) {
            out.put((UUID) r[0], java.time.LocalDate.ofInstant(Rows.instant(r[1]), zone));
        }
        return out;
    }

    /**
     * The daily report: inspections done and failed per day of [from, to) in the zone at places within the area path,
     * as rows of (day, figure, count); the figures are the section's keys inspections.inspectionsDone and
     * inspections.inspectionsFailed.
     */
    List<Object[]> doneAndFailedByDay(String areaPath, Instant from, Instant to, java.time.ZoneId zone) {
        return Rows.list(em, """
                select cast(i.inspected_at at time zone :zone as date) as day, f.figure, count(*)
                from inspection i join area_node an on an.id = i.area_id
                join lateral (select 'inspections.inspectionsDone' as figure
                              union all select 'inspections.inspectionsFailed' where i.result = 'FAILED') f on true
                where an.path like :area and i.inspected_at >= :from and i.inspected_at < :to
                group by 1, 2""", Map.of("area", like(areaPath), "from", from, "to", to, "zone", zone.getId()));
    }

    /** (enterprise id, business day) of every inspection of these enterprises in [from, to): who was checked which day. */
    java.util.Set<List<Object>> enterpriseDays(java.util.Collection<UUID> enterpriseIds, Instant from, Instant to,
            java.time.ZoneId zone) {
        java.util.Set<List<Object>> out = new java.util.HashSet<>();
        if (!enterpriseIds.isEmpty()) {
            Rows.list(em, """
                    select distinct place_id, cast(inspected_at at time zone :zone as date) from inspection
                    where place_kind = 'ENTERPRISE' and place_id = any(cast(:ids as uuid[]))
                      and inspected_at >= :from and inspected_at < :to""", Map.of("ids", enterpriseIds.toArray(UUID[]::new),
                    "from", from, "to", to, "zone", zone.getId()))
                    .forEach(r -> out.add(List.of(r[0], r[1] instanceof java.sql.Date d ? d.toLocalDate() : r[1])));
        }
        return out;
    }

    static String like(String areaPath) {
        return areaPath == null ? "%" : areaPath + "%";
    }

    private static void filter(Filter f, StringBuilder sql, Map<String, Object> p) {
        if (f.placeKind() != null) {
            sql.append(" and i.place_kind = :kind");
            p.put("kind", f.placeKind().name());
        }
        if (f.placeId() != null) {
            sql.append(" and i.place_id = :place");
            p.put("place", f.placeId());
        }
        if (f.areaPath() != null) {
            sql.append(" and an.path like :area");
            p.put("area", f.areaPath() + "%");
        }
        if (f.result() != null) {
            sql.append(" and i.result = :result");
            p.put("result", f.result().name());
        }
        if (f.from() != null) {
            sql.append(" and i.inspected_at >= :from");
            p.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" and i.inspected_at < :to");
            p.put("to", f.to());
        }
    }

    private static Row row(Object[] r) {
        return new Row((UUID) r[0], PlaceKind.valueOf((String) r[1]), (UUID) r[2], (String) r[3],
                PlaceType.valueOf((String) r[4]), (UUID) r[5], (String) r[6], (UUID) r[7], (String) r[8],
                ((Number) r[9]).intValue(), (String) r[10], Rows.instant(r[11]), Result.valueOf((String) r[12]),
                (String) r[13], (String) r[14], (String) r[15], (String) r[16], (String) r[17], Rows.instant(r[18]),
                ((Number) r[19]).longValue(), (Boolean) r[20], ((Number) r[21]).intValue());
    }
}
