package org.gridguard.quarantine;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.quarantine.QuarantineViews.Action;
import org.gridguard.quarantine.QuarantineViews.ChainNode;
import org.gridguard.quarantine.QuarantineViews.ChainView;
import org.gridguard.quarantine.QuarantineViews.EventView;
import org.gridguard.quarantine.QuarantineViews.Kind;
import org.gridguard.quarantine.QuarantineViews.Reason;
import org.gridguard.quarantine.QuarantineViews.Status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What happened to an order (its events) and where it came from and led to (its chain). */
@ApplicationScoped
public class QuarantineHistory {

    @Inject
    QuarantineRepository repo;
    @Inject
    ObjectMapper json;

    /** Every change of the order, oldest first: who, when, why. */
    @Transactional
    public List<EventView> events(UUID id) {
        repo.visible(id);
        List<EventView> out = new ArrayList<>();
        for (Object[] r : repo.events(id)) {
            out.add(new EventView(Action.valueOf((String) r[0]), r[1] == null ? null : Status.valueOf((String) r[1]),
                    Status.valueOf((String) r[2]), (String) r[3], instant(r[4]), (String) r[5], data((String) r[6])));
        }
        return out;
    }

    /**
     * The order's sources up to the root (case → close contact → secondary contact) and all its descendants; orders
     * the caller does not reach are counted in {@code hiddenCount}, never shown.
     */
    @Transactional
    public ChainView chain(UUID id) {
        repo.visible(id);
        List<Object[]> rows = repo.chain(id);
        boolean truncated = rows.size() > QuarantineRepository.CHAIN_CAP;
        List<ChainNode> nodes = new ArrayList<>();
        int hidden = 0;
        String rootRef = null;
        int top = Integer.MAX_VALUE;
        for (Object[] r : rows.subList(0, Math.min(rows.size(), QuarantineRepository.CHAIN_CAP))) {
            int depth = ((Number) r[3]).intValue();
            if (depth < top && r[2] == null) {
                top = depth;
                rootRef = (String) r[10];
            }
            if (!Boolean.TRUE.equals(r[11])) {
                hidden++;
                continue;
            }
            nodes.add(new ChainNode((UUID) r[0], (String) r[1], (UUID) r[2], depth, (String) r[4], Kind.valueOf((String) r[5]),
                    Reason.valueOf((String) r[6]), Status.valueOf((String) r[7]), date(r[8]), date(r[9])));
        }
        return new ChainView(id, rootRef, nodes, hidden, truncated);
    }

    private Map<String, Object> data(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    static Instant instant(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (Instant) o;
    }

    static LocalDate date(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
