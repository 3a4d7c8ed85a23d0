package org.gridguard.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.area.AreaKind;

/** Every query of {@code report_submission}, the area nodes that submit, and the alert counts of the dashboard. */
@ApplicationScoped
public class ReportRepository {

    /** The kinds of node that submit a report, as SQL text. */
    private static final String SUBMITTING = "('DISTRICT', 'STREET', 'COMMUNITY', 'ZONE')";

    private static final String COLUMNS = """
            s.id, s.area_id, n.name, s.day, s.version, s.submitted_at, s.submitted_by, s.late, s.highlights, s.problems,
            s.requests, s.reason, cast(s.figures as text), n.path""";

    @Inject
    EntityManager em;

    /** A node that submits a report. */
    public record Node(UUID id, String name, AreaKind kind, String path) {
    }

    /** One submission; {@code figures} its frozen document (JSON), {@code path} its node's path. */
    public record Row(UUID id, UUID areaId, String areaName, LocalDate day, int version, Instant submittedAt,
            String submittedBy, boolean late, String highlights, String problems, String requests, String reason,
            String figures, String path) {
    }

    /** A node's latest submission of a day, with when its first one came and whether that one was late. */
    public record Latest(Row row, Instant firstAt, boolean firstLate) {
    }

    /** What a new submission writes. */
    public record NewRow(UUID id, UUID areaId, UUID communityId, LocalDate day, int version, String figures,
            String highlights, String problems, String requests, String reason, String submittedBy, Instant submittedAt,
            boolean late) {
    }

    /** The child nodes of a node that submit (zones of a community, communities of a street …), by code. */
    @SuppressWarnings("unchecked")
    public List<Node> children(UUID parentId) {
        List<Object[]> rows = em.createNativeQuery("select id, name, kind, path from area_node where parent_id = ?1 and kind in "
                + SUBMITTING + " order by code").setParameter(1, parentId).getResultList();
        List<Node> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Node((UUID) r[0], (String) r[1], AreaKind.valueOf((String) r[2]), (String) r[3]));
        }
        return out;
    }

    /** The latest submission of each node for the day (nodes without one are absent). */
    @SuppressWarnings("unchecked")
    public List<Latest> latest(Collection<UUID> areaIds, LocalDate day) {
        if (areaIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("select * from (select " + COLUMNS + """
                , min(s.submitted_at) over w, bool_or(s.late and s.version = 1) over w,
                  row_number() over (partition by s.area_id order by s.version desc)
                from report_submission s join area_node n on n.id = s.area_id
                where s.area_id = any(?1) and s.day = ?2
                window w as (partition by s.area_id)) x where x.row_number = 1""")
                .setParameter(1, areaIds.toArray(UUID[]::new)).setParameter(2, day).getResultList();
        List<Latest> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Latest(row(r), instant(r[14]), (Boolean) r[15]));
        }
        return out;
    }

    /** Every version of a node's report for a day, newest first. */
    @SuppressWarnings("unchecked")
    public List<Row> versions(UUID areaId, LocalDate day) {
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS
                + " from report_submission s join area_node n on n.id = s.area_id"
                + " where s.area_id = ?1 and s.day = ?2 order by s.version desc")
                .setParameter(1, areaId).setParameter(2, day).getResultList();
        return rows.stream().map(ReportRepository::row).toList();
    }

    /** One submission, whoever may see it (the service checks the reach of its path). */
    @SuppressWarnings("unchecked")
    public Optional<Row> byId(UUID id) {
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS
                + " from report_submission s join area_node n on n.id = s.area_id where s.id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(ReportRepository::row);
    }

    /** The version the next submission of the node and day gets. */
    public int nextVersion(UUID areaId, LocalDate day) {
        Number n = (Number) em.createNativeQuery(
                "select coalesce(max(version), 0) + 1 from report_submission where area_id = ?1 and day = ?2")
                .setParameter(1, areaId).setParameter(2, day).getSingleResult();
        return n.intValue();
    }

    /** Writes a submission; false when another one took its version first (unique area, day, version). */
    public boolean insert(NewRow r) {
        return em.createNativeQuery("""
                insert into report_submission (id, area_id, community_id, day, version, figures, highlights, problems,
                  requests, reason, submitted_by, submitted_at, late)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                on conflict (area_id, day, version) do nothing""")
                .setParameter(1, r.id()).setParameter(2, r.areaId()).setParameter(3, r.communityId()).setParameter(4, r.day())
                .setParameter(5, r.version()).setParameter(6, r.figures()).setParameter(7, r.highlights())
                .setParameter(8, r.problems()).setParameter(9, r.requests()).setParameter(10, r.reason())
                .setParameter(11, r.submittedBy()).setParameter(12, r.submittedAt()).setParameter(13, r.late())
                .executeUpdate() == 1;
    }

    /**
     * Nodes of these kinds with no submission for the day and someone to submit it (a holder of the node's reporting
     * role assigned at it or above it): id, name, and the area of their alert (a zone's parent community; any other
     * node itself).
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> unsubmitted(Collection<AreaKind> kinds, LocalDate day) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("""
                select n.id, n.name, case when n.kind = 'ZONE' then p.id else n.id end
                from area_node n join unnest(cast(?1 as text[]), cast(?3 as text[])) k(kind, role) on k.kind = n.kind
                left join area_node p on p.id = n.parent_id
                where not exists (select 1 from report_submission s where s.area_id = n.id and s.day = ?2)
                  and exists (select 1 from assignment a join area_node an on an.id = a.node_id
                              where a.role = k.role and n.path like an.path || '%')
                order by n.path""")
                .setParameter(1, kinds.stream().map(Enum::name).toArray(String[]::new)).setParameter(2, day)
                .setParameter(3, kinds.stream().map(AreaKind::reportingRole).toArray(String[]::new)).getResultList();
    }

    private static Row row(Object[] r) {
        return new Row((UUID) r[0], (UUID) r[1], (String) r[2], localDate(r[3]), ((Number) r[4]).intValue(), instant(r[5]),
                (String) r[6], (Boolean) r[7], (String) r[8], (String) r[9], (String) r[10], (String) r[11], (String) r[12],
                (String) r[13]);
    }

    private static LocalDate localDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof Timestamp t ? t.toInstant() : o instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) o;
    }
}
