package org.gridguard.duty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Problem;

/**
 * What every part of the duty feature shares: the configured rules (minimum rest, weekly maximum), the business
 * zone its dates and times are read in, the longest date range asked for, and the 422 answer of broken rules.
 */
@ApplicationScoped
public class DutySettings {

    public static final int MAX_RANGE_DAYS = 62;

    @ConfigProperty(name = "gridguard.duty.min-rest", defaultValue = "PT8H")
    Duration minRest;
    @ConfigProperty(name = "gridguard.duty.weekly-max", defaultValue = "PT48H")
    Duration weeklyMax;
    @ConfigProperty(name = "gridguard.zone")
    String zone;

    public DutyRules rules() {
        return new DutyRules(new DutyRules.Config(minRest, weeklyMax, ZoneId.of(zone)));
    }

    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    public OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone()).toOffsetDateTime();
    }

    public static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw ApiProblem.invalid("to", "the range may span at most " + MAX_RANGE_DAYS + " days");
        }
    }

    /** Every broken rule as one problem+json answer (422), each rule as a field error. */
    public static ApiProblem violation(List<DutyRules.Violation> v) {
        List<Problem.FieldError> errors = v.stream().map(x -> new Problem.FieldError(x.rule(), x.message())).toList();
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("rules", v.stream().map(DutyRules.Violation::rule).distinct().toList());
        return new ApiProblem(422, "duty-rule-violation", "Duty rule broken",
                v.size() == 1 ? v.get(0).message() : v.size() + " duty rules would be broken", errors, ext, null);
    }

    public static String json(List<String> l) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"').append(l.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append(']').toString();
    }

    public static Set<String> set(List<String> l) {
        return l == null ? Set.of() : Set.copyOf(l);
    }
}
