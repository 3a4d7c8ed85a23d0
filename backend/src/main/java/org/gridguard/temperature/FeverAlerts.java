package org.gridguard.temperature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.alert.Alerts;
import org.gridguard.common.Jdbc.Db;
import org.gridguard.security.Caller;
import org.gridguard.temperature.TemperatureViews.CheckInput;

/**
 * One FEVER alert per person and local day (per document for visitors; per registration for a visitor
 * without a document), for the leaders of the resident's cell or of the checkpoint's area (ADR 0009, 0016).
 */
@ApplicationScoped
public class FeverAlerts {

    @Inject
    Alerts alerts;
    @Inject
    CheckRepository checks;
    @Inject
    Caller caller;

    /** The alerts of the created fever rows, raised and linked to their readings: reading id → alert id. */
    Map<UUID, UUID> raise(Db db, List<Entry> created) {
        List<Entry> fevers = created.stream().filter(e -> e.reading.fever())
                .sorted(Comparator.comparing(e -> e.reading.feverKey())).toList();
        Map<UUID, UUID> out = new LinkedHashMap<>();
        if (fevers.isEmpty()) {
            return out;
        }
        List<Alerts.Raise> raises = new ArrayList<>(fevers.size());
        for (Entry e : fevers) {
            raises.add(raise(e.reading, e.placement));
        }
        // all fevers of the request in two statements, however many (ADR 0016)
        List<UUID> alertIds = alerts.raiseAll(raises, caller.name());
        for (int i = 0; i < fevers.size(); i++) {
            out.put(fevers.get(i).in.id(), alertIds.get(i));
        }
        checks.linkAlerts(db, out);
        return out;
    }

    private static Alerts.Raise raise(Reading r, Placement at) {
        CheckInput in = r.in();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checkId", in.id().toString());
        details.put("temperature", r.temperature());
        details.put("measuredAt", in.measuredAt().toInstant().toString());
        details.put("source", in.source().name());
        if (in.checkpointId() != null) {
            details.put("checkpointId", in.checkpointId().toString());
            details.put("checkpointName", at.checkpointName());
        }
        String label = at.personName() + " " + r.temperature().toPlainString() + " °C"
                + (at.checkpointName() == null ? "" : " · " + at.checkpointName());
        return new Alerts.Raise(TemperatureAlerts.FEVER, in.residentId() != null ? "RESIDENT" : "VISITOR",
                in.residentId() != null ? in.residentId() : in.id(), label, at.alertArea(), r.feverKey(), details);
    }
}
