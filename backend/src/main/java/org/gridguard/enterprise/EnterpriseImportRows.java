package org.gridguard.enterprise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.census.ImportFile;
import org.gridguard.common.Problem.FieldError;
import org.gridguard.enterprise.EnterpriseColumns.Col;
import org.gridguard.enterprise.EnterpriseRepository.Area;
import org.gridguard.enterprise.EnterpriseRules.Clean;
import org.gridguard.enterprise.EnterpriseRules.Draft;

/**
 * The rows of a register sheet, checked without the database: each row becomes a good row (checked values and its
 * area node) or errors naming the row's line and column. A second row with the same credit code is an error.
 */
final class EnterpriseImportRows {

    /** A good row. */
    record Good(int line, Clean values, Area area) {
    }

    /** A refused row's problem: line, column (as the sheet names it), reason. */
    record RowError(int line, String column, String message) {
    }

    /** The area nodes a sheet may name: the import's area and everything under it, by code and by name. */
    static final class Places {
        final Area home;
        final Map<String, Area> byCode = new HashMap<>();
        final Map<String, List<Area>> byName = new HashMap<>();

        /** {@code under}: the nodes by their code. */
        Places(Area home, Map<String, Area> under) {
            this.home = home;
            byCode.putAll(under);
            for (Area a : under.values()) {
                byName.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a);
            }
        }

        /** The node a text names: a code, a unique name, or "小区 楼栋" (a building of a compound); null if none. */
        Area find(String text) {
            String t = text.strip();
            if (byCode.containsKey(t)) {
                return byCode.get(t);
            }
            List<Area> named = byName.getOrDefault(t, List.of());
            if (named.size() == 1) {
                return named.get(0);
            }
            String[] parts = t.split("[\\s/\\-－]+", 2);
            if (parts.length == 2) {
                Area parent = find(parts[0]);
                if (parent != null) {
                    return byName.getOrDefault(parts[1], List.of()).stream()
                            .filter(a -> a.path().startsWith(parent.path()) && !a.id().equals(parent.id())).findFirst()
                            .orElse(null);
                }
            }
            return null;
        }
    }

    private EnterpriseImportRows() {
    }

    /** Checks every row; good rows are returned, the others' problems added to {@code errors}. */
    static List<Good> check(List<ImportFile.Row> rows, EnterpriseColumns cols, Places places, List<RowError> errors) {
        List<Good> good = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (ImportFile.Row row : rows) {
            Good g = row(row, cols, places, errors);
            if (g == null) {
                continue;
            }
            Integer first = firstLine.putIfAbsent(g.values().creditCode(), row.line());
            if (first != null) {
                errors.add(new RowError(row.line(), "统一社会信用代码", "the same credit code as line " + first));
            } else {
                good.add(g);
            }
        }
        return good;
    }

    /** One row, or null with its errors added. */
    static Good row(ImportFile.Row row, EnterpriseColumns cols, Places places, List<RowError> errors) {
        int before = errors.size();
        int line = row.line();
        Enterprises.Kind kind = parse(row, cols, Col.KIND, EnterpriseRules::kind, errors,
                "is not a kind: 工业园区, 市场, 商铺, 工厂, 办公, 其他");
        Enterprises.Status status = parse(row, cols, Col.STATUS, EnterpriseRules::status, errors,
                "is not a status: 待复工, 已复工, 停工");
        Integer employees = parse(row, cols, Col.EMPLOYEES, EnterpriseRules::count, errors, "is not a number of people");
        java.time.LocalDate resumedOn = parse(row, cols, Col.RESUMED_ON, EnterpriseRules::day, errors,
                "is not a day (2022-04-05, 2022/4/5 or 2022年4月5日)");
        String address = cols.get(row, Col.ADDRESS);
        Area area = places.home;
        String areaText = EnterpriseRules.blankToNull(cols.get(row, Col.AREA));
        String either = EnterpriseRules.blankToNull(cols.get(row, Col.AREA_OR_ADDRESS));
        if (areaText != null) {
            area = places.find(areaText);
            if (area == null) {
                errors.add(new RowError(line, "所属区域", "'" + areaText + "' is no area in the import's area (a compound, "
                        + "a building as 小区 楼栋, or a code)"));
            }
        } else if (either != null) {
            Area found = places.find(either);
            area = found != null ? found : places.home;
            address = found != null ? address : either;
        }
        List<FieldError> fields = new ArrayList<>();
        Clean c = EnterpriseRules.clean(new Draft(cols.get(row, Col.NAME), cols.get(row, Col.CREDIT_CODE),
                kind == null ? Enterprises.Kind.OTHER : kind, address, cols.get(row, Col.CONTACT),
                cols.get(row, Col.PHONE), employees, resumedOn, status), fields);
        for (FieldError f : fields) {
            errors.add(new RowError(line, COLUMN.getOrDefault(f.field(), f.field()), f.message()));
        }
        return errors.size() > before ? null : new Good(line, c, area);
    }

    /** The sheet's name of each field of a draft. */
    private static final Map<String, String> COLUMN = Map.of("name", "企业名称", "creditCode", "统一社会信用代码", "kind", "类型",
            "contactPhone", "联系电话", "employees", "员工人数", "resumedOn", "复工日期", "status", "状态");

    private static <T> T parse(ImportFile.Row row, EnterpriseColumns cols, Col col, java.util.function.Function<String, T> f,
            List<RowError> errors, String problem) {
        String text = cols.get(row, col);
        try {
            return f.apply(text);
        } catch (RuntimeException e) {
            errors.add(new RowError(row.line(), col.names.get(0), "'" + text.strip() + "' " + problem));
            return null;
        }
    }

    /** The refused rows as CSV (UTF-8 with BOM so Excel opens it): 行号, 列, 原因. */
    static String errorsCsv(List<RowError> errors) {
        return org.gridguard.common.Csv.excel(new String[] { "行号", "列", "原因" }, csv -> {
            for (RowError e : errors) {
                csv.printRecord(e.line(), e.column(), e.message());
            }
        });
    }
}
