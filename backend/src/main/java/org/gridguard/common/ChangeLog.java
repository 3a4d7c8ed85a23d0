package org.gridguard.common;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Delta feeds. Every write appends a change in its own transaction; readers page by (transaction id,
 * sequence) and only see transactions older than every transaction still running, so a row that
 * commits late is never skipped. Deletions are tombstones (op DELETE).
 */
@ApplicationScoped
public class ChangeLog {

    @Inject
    EntityManager em;

    public enum Op {
        UPSERT, DELETE
    }

    @Schema(name = "Change")
    public record Change(String entity, UUID id, Op op, OffsetDateTime at) {
    }

    @Schema(name = "ChangePage")
    public record ChangePage(List<Change> items,
            @Schema(description = "Opaque cursor: pass it back to continue; it is returned even when nothing is new") String next,
            boolean hasMore) {
    }

    /** Records a change inside the caller's transaction. */
    public void record(String entity, UUID id, UUID communityId, String path, Op op) {
        em.createNativeQuery("insert into change_log (entity, entity_id, community_id, path, op) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, entity).setParameter(2, id).setParameter(3, communityId).setParameter(4, path)
                .setParameter(5, op.name()).executeUpdate();
    }

    /**
     * Reads changes after {@code cursor}. {@code pathPrefixes} null means no jurisdiction limit (admin).
     */
    @SuppressWarnings("unchecked")
    public ChangePage read(Collection<String> entities, String cursor, int limit, Collection<String> pathPrefixes) {
        List<String> c = Cursor.decode(cursor, 2);
        String tx = c == null ? "0" : c.get(0);
        long seq;
        try {
            seq = c == null ? 0 : Long.parseLong(c.get(1));
            Long.parseUnsignedLong(tx);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor this feed gave out");
        }
        String sql = """
                select cast(tx_id as text), seq, entity, entity_id, op, at from change_log
                where entity = any(cast(?1 as text[]))
                  and (tx_id, seq) > (cast(?2 as xid8), ?3)
                  and tx_id < pg_snapshot_xmin(pg_current_snapshot())
                """ + (pathPrefixes == null ? "" : " and path like any(cast(?5 as text[]))") + """
                 order by tx_id, seq limit ?4""";
        var q = em.createNativeQuery(sql)
                .setParameter(1, entities.toArray(String[]::new)).setParameter(2, tx).setParameter(3, seq)
                .setParameter(4, limit + 1);
        if (pathPrefixes != null) {
            q.setParameter(5, pathPrefixes.stream().map(p -> p + "%").toArray(String[]::new));
        }
        List<Object[]> rows = q.getResultList();
        boolean more = rows.size() > limit;
        List<Change> items = new ArrayList<>();
        String lastTx = tx;
        long lastSeq = seq;
        for (Object[] r : rows.subList(0, Math.min(limit, rows.size()))) {
            lastTx = (String) r[0];
            lastSeq = ((Number) r[1]).longValue();
            OffsetDateTime at = r[5] instanceof OffsetDateTime o ? o
                    : ((java.time.Instant) r[5]).atOffset(java.time.ZoneOffset.UTC);
            items.add(new Change((String) r[2], (UUID) r[3], Op.valueOf((String) r[4]), at));
        }
        return new ChangePage(items, Cursor.encode(lastTx, Long.toString(lastSeq)), more);
    }
}
