package org.gridguard.quarantine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.common.Rows;

/**
 * The release notice's reads of {@code quarantine_order}: the order with what its notice prints (the person through
 * the census's port view {@code census_resident}, or the non-resident's own masked document), and the lookup by
 * number for the public verification. The notice's reach is the feature's one reach, {@link QuarantineReach}.
 */
@ApplicationScoped
public class NoticeRepository {

    @Inject
    EntityManager em;
    @Inject
    QuarantineReach reach;

    /** An order as its notice needs it. */
    record NoticeRow(UUID id, String number, String checkCode, String kind, String status, LocalDate startsOn,
            LocalDate endsOn, Instant releasedAt, UUID communityId, String communityName, String cellName,
            String cellPath, String siteName, String personName, String documentMask) {
    }

    /** What the public verification may tell of an order: nothing personal. */
    record VerifyRow(String checkCode, String status, String communityName, LocalDate startsOn, Instant releasedAt) {
    }

    /** The order if the caller reaches it ({@link QuarantineReach}), else empty: out of reach is missing. */
    @Transactional
    Optional<NoticeRow> notice(UUID id) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        String reached = reach.predicate("o", p);
        List<Object[]> rows = Rows.list(em, """
                select o.id, o.number, o.check_code, o.kind, o.status, o.starts_on, o.ends_on, o.released_at, o.community_id,
                       c.name, g.name, g.path, s.name, coalesce(r.name, o.person_name), coalesce(r.id_mask, o.doc_mask)
                from quarantine_order o
                join area_node g on g.id = o.grid_cell_id
                join area_node c on c.id = o.community_id
                left join census_resident r on r.id = o.resident_id
                left join checkpoint s on s.id = o.site_id
                where o.id = :id and """ + reached, p);
        return rows.stream().findFirst().map(r -> new NoticeRow((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], date(r[5]), date(r[6]), Rows.instant(r[7]), (UUID) r[8], (String) r[9],
                (String) r[10], (String) r[11], (String) r[12], (String) r[13], (String) r[14]));
    }

    @Transactional
    Optional<VerifyRow> byNumber(String number) {
        List<Object[]> rows = Rows.list(em, """
                select o.check_code, o.status, c.name, o.starts_on, o.released_at
                from quarantine_order o join area_node c on c.id = o.community_id
                where o.number = :n""", Map.of("n", number));
        return rows.stream().findFirst().map(r -> new VerifyRow((String) r[0], (String) r[1], (String) r[2],
                date(r[3]), Rows.instant(r[4])));
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
