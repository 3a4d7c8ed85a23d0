package org.gridguard.census;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Problem;

/** The community spreadsheet's usual Chinese columns, with the spellings seen in the field. */
public final class ImportColumns {

    public enum Col {
        COMPOUND(true, "小区", "小区名称", "所在小区"),
        BUILDING(false, "楼栋", "楼号", "栋号", "楼栋号"),
        DOOR(true, "门牌号", "门牌编号", "房号", "门牌"),
        NAME(true, "姓名", "居民姓名"),
        ID_TYPE(false, "证件类型"),
        ID_NUMBER(true, "身份证号", "身份证号码", "证件号码", "证件号"),
        PHONE(false, "联系电话", "电话", "手机号", "手机号码", "联系方式"),
        RELATION(false, "与户主关系", "户主关系", "关系"),
        CATEGORIES(false, "人员类别", "类别", "人员类型"),
        RETURNEE_FROM(false, "返乡来源地", "来源地", "从何地返回");

        final boolean required;
        final String[] names;

        Col(boolean required, String... names) {
            this.required = required;
            this.names = names;
        }
    }

    /** The template's header, in order. */
    public static final List<String> TEMPLATE = List.of("小区", "楼栋", "门牌号", "姓名", "证件类型", "身份证号", "联系电话",
            "与户主关系", "人员类别", "返乡来源地");

    private final Map<Col, Integer> index;

    private ImportColumns(Map<Col, Integer> index) {
        this.index = index;
    }

    /** Maps the header; a missing required column is an error naming it. */
    public static ImportColumns of(List<String> header) {
        Map<Col, Integer> idx = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).replaceAll("[\\s*（(].*$", "").strip();
            for (Col c : Col.values()) {
                for (String n : c.names) {
                    if (n.equals(h) && !idx.containsKey(c)) {
                        idx.put(c, i);
                    }
                }
            }
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Col c : Col.values()) {
            if (c.required && !idx.containsKey(c)) {
                errors.add(new Problem.FieldError("file", "the column " + c.names[0] + " is missing"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("The file does not have the census columns (" + String.join(", ", TEMPLATE)
                    + "); download the template", errors);
        }
        return new ImportColumns(idx);
    }

    /** The column at a 0-based index, by its template name; "column N" for one the template does not know. */
    public String nameAt(int i) {
        for (Map.Entry<Col, Integer> e : index.entrySet()) {
            if (e.getValue() == i) {
                return e.getKey().names[0];
            }
        }
        return "column " + (i + 1);
    }

    public boolean has(Col c) {
        return index.containsKey(c);
    }

    public String get(ImportFile.Row row, Col c) {
        Integer i = index.get(c);
        if (i == null || i >= row.cells().size()) {
            return null;
        }
        String v = row.cells().get(i);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
