package org.gridguard.quarantine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.common.Rows;
import org.gridguard.quarantine.VisitViews.DueRow;
import org.gridguard.quarantine.VisitViews.DueStatus;
import org.gridguard.quarantine.VisitViews.Mode;
import org.gridguard.quarantine.VisitViews.NeedInput;
import org.gridguard.quarantine.VisitViews.Slot;
import org.gridguard.quarantine.VisitViews.Symptom;
import org.gridguard.quarantine.VisitViews.VisitView;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Rows of {@link VisitRepository} as views, times in the deployment's zone. */
@ApplicationScoped
public class VisitMapping {

    private static final TypeReference<List<NeedInput>> NEEDS = new TypeReference<>() {
    };

    @Inject
    VisitWindows windows;
    @Inject
    ObjectMapper json;

    OffsetDateTime odt(Object o) {
        Instant i = Rows.instant(o);
        return i == null ? null : i.atZone(windows.zone()).toOffsetDateTime();
    }

    static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    /** A row of {@link VisitRepository#VISIT_COLUMNS}. */
    VisitView view(Object[] r) {
        Object[] symptoms = r[8] instanceof java.sql.Array a ? array(a) : (Object[]) r[8];
        List<NeedInput> needs;
        try {
            needs = json.readValue((String) r[10], NEEDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new VisitView((UUID) r[0], (UUID) r[1], date(r[2]), Slot.valueOf((String) r[3]), odt(r[4]), Mode.valueOf((String) r[5]),
                (BigDecimal) r[6], (Boolean) r[7], Arrays.stream(symptoms).map(s -> Symptom.valueOf((String) s)).toList(),
                (Boolean) r[9], needs.isEmpty() ? null : needs, (String) r[11], (UUID) r[12], (String) r[13], odt(r[14]),
                (UUID) r[15], (UUID) r[16]);
    }

    private static Object[] array(java.sql.Array a) {
        try {
            return (Object[]) a.getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row of {@link VisitRepository#due}. */
    DueRow due(Object[] r, LocalDate day) {
        return new DueRow((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], (String) r[4], (String) r[5], (String) r[6], day,
                Slot.valueOf((String) r[7]), odt(r[8]), odt(r[9]), DueStatus.valueOf((String) r[14]), (UUID) r[10], odt(r[11]),
                r[12] == null ? null : Mode.valueOf((String) r[12]), (Boolean) r[13]);
    }
}
