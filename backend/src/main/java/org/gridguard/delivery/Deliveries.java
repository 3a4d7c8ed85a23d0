package org.gridguard.delivery;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.Port;

/** The delivery runs' port, for the care section of the daily report: how many runs went out each day. */
@Port
@ApplicationScoped
public class Deliveries {

    @Inject
    DeliveryRepository repo;

    /**
     * Run day → the runs of that day that were started (went out), over the runs whose area lies under {@code areaPath}.
     * Days without one are absent. No reach check: the caller scoped the area.
     */
    @Transactional
    public Map<LocalDate, Long> runsStarted(String areaPath, LocalDate first, LocalDate last) {
        Map<LocalDate, Long> out = new TreeMap<>();
        for (Object[] r : repo.runsStarted(areaPath, first, last)) {
            out.put(r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }
}
