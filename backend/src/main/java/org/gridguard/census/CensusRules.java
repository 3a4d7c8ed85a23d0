package org.gridguard.census;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;

/** Small pure rules shared by the census services: cursors, text fields, categories, a change's old and new. */
final class CensusRules {

    private CensusRules() {
    }

    static UUID afterId(String cursor) {
        List<String> c = Cursor.decode(cursor, 1);
        if (c == null) {
            return null;
        }
        try {
            return UUID.fromString(c.get(0));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
        }
    }

    static String[] categories(List<Resident.Category> cats) {
        if (cats == null) {
            return new String[0];
        }
        return cats.stream().filter(Objects::nonNull).map(Enum::name).distinct().sorted().toArray(String[]::new);
    }

    static Map<String, Object> change(Object old, Object now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("old", old == null ? null : old.toString());
        m.put("new", now == null ? null : now.toString());
        return m;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static LocalDate toDate(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        return ((java.sql.Date) o).toLocalDate();
    }
}
