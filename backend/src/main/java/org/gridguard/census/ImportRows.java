package org.gridguard.census;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.gridguard.census.ImportColumns.Col;
import org.gridguard.common.InputRules;
import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.IdentityRules.DocType;

/**
 * The rules of one import row, pure (no database, no Quarkus; unit-tested in {@code ImportRowsTest}): every cell
 * checked, each problem one {@link RowError} naming the column, a row with no error {@link Staged} for writing
 * (a warning, such as an unknown category, keeps the row). The
 * import area's compounds and buildings ({@link Areas}) and the keyed hash of ID numbers are handed in.
 */
final class ImportRows {

    /**
     * First of a row's staged categories when one of its labels was not understood: the row cannot say which
     * categories the person has, so a person already registered keeps theirs and gains the ones understood
     * (ImportChunkWriter.RESIDENTS); a new person gets the ones understood. Never stored.
     */
    static final String MERGE = "+";

    static final Pattern CATEGORY_SEPARATORS = Pattern.compile("[、,，;；/\\s]+");

    private ImportRows() {
    }

    /** A checked row, ready to write. The clear ID number and phone stay in memory only. */
    record Staged(int line, UUID communityId, UUID gridCellId, UUID compoundId, UUID buildingId, UUID areaId,
            String door, String name, DocType idType, String idNumber, byte[] idHmac, String phone, String relation,
            String[] categories, String returneeFrom) {
    }

    /** ERROR refuses the row; WARNING keeps it and tells what was left out (ADR 0055). */
    enum Severity {
        ERROR, WARNING
    }

    /** A problem of one row, naming the column. */
    record RowError(int line, String name, String field, String message, Severity severity) {
        RowError(int line, String name, String field, String message) {
            this(line, name, field, message, Severity.ERROR);
        }

        boolean refuses() {
            return severity == Severity.ERROR;
        }
    }

    /**
     * Compounds by name and by code ({id, grid cell id}), buildings by "compound id|name", "compound id|code" and
     * "compound id|#number" (the digits of the name), below the import area.
     */
    record Areas(Map<String, UUID[]> compounds, Map<String, UUID> buildings) {
    }

    /** Everything {@link #check} needs besides the row: the file's columns, the area, the day, the hash. */
    record Checking(ImportColumns cols, Areas areas, LocalDate today, UUID communityId,
            BiFunction<String, String, byte[]> hmac) {
    }

    /**
     * Checks one row: null (and its problems added to {@code errors}) if it has an error, else the row to write
     * (its warnings added to {@code errors} too).
     * {@code seen} holds hex(hash) → line of the ID numbers met so far in the file: a second one is refused.
     */
    static Staged check(ImportFile.Row row, Checking k, List<RowError> errors, Map<String, Integer> seen) {
        int before = errors.size();
        ImportColumns cols = k.cols();
        // a cell with a control character (NUL, …) or a broken character is refused here, per row (ADR 0025)
        for (int i = 0; i < row.cells().size(); i++) {
            String refused = InputRules.textProblem(row.cells().get(i));
            if (refused != null) {
                errors.add(new RowError(row.line(), null, cols.nameAt(i), refused));
                return null;
            }
        }
        String name = name(row, cols, errors);
        DocType type = docType(row, cols, name, errors);
        String number = IdentityRules.normaliseDocument(cols.get(row, Col.ID_NUMBER));
        if (type != null) {
            for (String m : IdentityRules.documentProblems(type, number, k.today())) {
                errors.add(new RowError(row.line(), name, "身份证号", "ID number: " + m));
            }
        }
        String phone = phone(row, cols, name, errors);
        UUID[] comp = compound(row, cols, k.areas(), name, errors);
        UUID building = building(row, cols, k.areas(), comp, name, errors);
        String door = door(row, cols, name, errors);
        List<String> cats = categories(row, cols, name, errors);
        if (errors.subList(before, errors.size()).stream().anyMatch(RowError::refuses)) {
            return null;
        }
        byte[] hmac = k.hmac().apply(type.name(), number);
        Integer first = seen.putIfAbsent(HexFormat.of().formatHex(hmac), row.line());
        if (first != null) {
            errors.add(new RowError(row.line(), name, "身份证号", "the same ID number is already on line " + first));
            return null;
        }
        String relation = cols.get(row, Col.RELATION);
        String returnee = cols.get(row, Col.RETURNEE_FROM);
        cats.sort(null);
        return new Staged(row.line(), k.communityId(), comp[1], comp[0], building, building != null ? building : comp[0],
                door, name, type, number, hmac, phone, relation == null ? null : truncate(relation, 30),
                cols.has(Col.CATEGORIES) ? cats.toArray(String[]::new) : null,
                returnee == null ? null : truncate(returnee, 200));
    }

    /** The name, or null (with an error) when missing or too long. */
    private static String name(ImportFile.Row row, ImportColumns cols, List<RowError> errors) {
        String name = cols.get(row, Col.NAME);
        if (name == null) {
            errors.add(new RowError(row.line(), null, "姓名", "the name is missing"));
        } else if (name.length() > 50) {
            errors.add(new RowError(row.line(), null, "姓名", "the name is longer than 50 characters"));
            return null;
        }
        return name;
    }

    /** The document type (a mainland ID unless given), or null (with an error) when unknown. */
    private static DocType docType(ImportFile.Row row, ImportColumns cols, String name, List<RowError> errors) {
        String typeCell = cols.get(row, Col.ID_TYPE);
        if (typeCell == null) {
            return DocType.MAINLAND_ID;
        }
        DocType type = docType(typeCell);
        if (type == null) {
            errors.add(new RowError(row.line(), name, "证件类型",
                    "unknown document type (居民身份证, 护照, 港澳居民来往内地通行证, 台湾居民来往大陆通行证)"));
        }
        return type;
    }

    private static String phone(ImportFile.Row row, ImportColumns cols, String name, List<RowError> errors) {
        String phoneCell = cols.get(row, Col.PHONE);
        if (phoneCell == null) {
            return null;
        }
        String phone = IdentityRules.normalisePhone(phoneCell);
        if (phone == null) {
            errors.add(new RowError(row.line(), name, "联系电话", "phone: " + IdentityRules.phoneProblem(phoneCell)));
        }
        return phone;
    }

    /** The compound of the row in the import area ({id, grid cell id}), else null with an error. */
    private static UUID[] compound(ImportFile.Row row, ImportColumns cols, Areas areas, String name,
            List<RowError> errors) {
        String compound = cols.get(row, Col.COMPOUND);
        UUID[] comp = compound == null ? null : areas.compounds().get(compound);
        if (compound == null) {
            errors.add(new RowError(row.line(), name, "小区", "the compound (小区) is missing"));
        } else if (comp == null) {
            errors.add(new RowError(row.line(), name, "小区", "no compound of this name in the import area"));
        }
        return comp;
    }

    /** The building named in the compound (by name or code, else by its number), null if none is named. */
    private static UUID building(ImportFile.Row row, ImportColumns cols, Areas areas, UUID[] comp, String name,
            List<RowError> errors) {
        String b = cols.get(row, Col.BUILDING);
        if (b == null || comp == null) {
            return null;
        }
        UUID building = buildingOf(areas, comp[0], b);
        if (building == null) {
            errors.add(new RowError(row.line(), name, "楼栋", "no building of this name in the compound"));
        }
        return building;
    }

    /** The building of the compound named {@code b} (by name or code, else by its number), or null. */
    static UUID buildingOf(Areas areas, UUID compoundId, String b) {
        UUID building = areas.buildings().get(compoundId + "|" + b);
        if (building == null) {
            String digits = b.replaceAll("\\D", "");
            if (!digits.isEmpty() && digits.length() < 6) {
                building = areas.buildings().get(compoundId + "|#" + Integer.parseInt(digits));
            }
        }
        return building;
    }

    private static String door(ImportFile.Row row, ImportColumns cols, String name, List<RowError> errors) {
        String door = cols.get(row, Col.DOOR);
        if (door == null) {
            errors.add(new RowError(row.line(), name, "门牌号", "the door number (门牌号) is missing"));
        } else if (door.length() > 50) {
            errors.add(new RowError(row.line(), name, "门牌号", "the door number is longer than 50 characters"));
        }
        return door;
    }

    /** The categories named (each once, as enum names); an unknown one is left out with a warning (ADR 0055). */
    private static List<String> categories(ImportFile.Row row, ImportColumns cols, String name,
            List<RowError> errors) {
        List<String> cats = new ArrayList<>();
        String catCell = cols.get(row, Col.CATEGORIES);
        if (catCell == null) {
            return cats;
        }
        for (String part : CATEGORY_SEPARATORS.split(catCell)) {
            if (part.isBlank()) {
                continue;
            }
            Resident.Category c = Resident.Category.parse(part);
            if (c == null) {
                errors.add(new RowError(row.line(), name, "人员类别", "unknown category '" + part
                        + "' was left out (the person is imported; a person already registered keeps their categories"
                        + " and gains the known ones); the categories are: " + Resident.Category.accepted(),
                        Severity.WARNING));
                if (!cats.contains(MERGE)) {
                    cats.add(MERGE);
                }
            } else if (!cats.contains(c.name())) {
                cats.add(c.name());
            }
        }
        return cats;
    }

    /**
     * The checked rows that may be written: a resident registered in the community outside the import area
     * ({@code existing}: hex(hash) → inside the area) is not the importer's to move, and is refused.
     */
    static List<Staged> writable(List<Staged> good, Map<String, Boolean> existing, List<RowError> errors) {
        List<Staged> writable = new ArrayList<>();
        for (Staged s : good) {
            Boolean inside = existing.get(HexFormat.of().formatHex(s.idHmac()));
            if (Boolean.FALSE.equals(inside)) {
                errors.add(new RowError(s.line(), s.name(), "身份证号",
                        "this person is registered elsewhere in the community, outside the import area"));
            } else {
                writable.add(s);
            }
        }
        return writable;
    }

    static String truncate(String s, int n) {
        return s.length() > n ? s.substring(0, n) : s;
    }

    static DocType docType(String s) {
        return IdentityRules.parseDocType(s);
    }
}
