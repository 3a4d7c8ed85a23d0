package org.gridguard.quarantine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.census.ImportFile;
import org.gridguard.common.ApiProblem;
import org.gridguard.quarantine.QuarantineListViews.ListItemInput;

/**
 * The bureau's sheet: Chinese headers like the census import's template (小区 / 楼栋 / 门牌号, 姓名, 证件类型, 身份证号,
 * 联系电话) and the list's own (管控方式, 人员类别, 来源地, 关联病例, 关联人身份证号, 开始日期, 结束日期), with the
 * synonyms seen in the field. Each row becomes the same {@link ListItemInput} a JSON list carries.
 */
final class ListItemColumns {

    /** The template's header, in order: the first spelling of each field. */
    static final List<String> TEMPLATE = List.of("姓名", "证件类型", "身份证号", "联系电话", "小区", "楼栋", "门牌号", "管控方式",
            "人员类别", "来源地", "关联病例", "关联人身份证号", "开始日期", "结束日期");

    /** Every accepted spelling, to the position of its field in {@link ListItemInput} (the template's order). */
    static final Map<String, Integer> SPELLINGS = spellings(new String[][] {
            { "姓名", "居民姓名", "人员姓名" },
            { "证件类型" },
            { "身份证号", "身份证号码", "证件号码", "证件号" },
            { "联系电话", "电话", "手机号", "手机号码", "联系方式" },
            { "小区", "小区名称", "所在小区" },
            { "楼栋", "楼号", "栋号", "楼栋号" },
            { "门牌号", "门牌编号", "房号", "门牌" },
            { "管控方式", "管控类型", "隔离方式", "管控措施", "隔离类型", "类型" },
            { "人员类别", "类别", "人员类型", "管控原因", "原因", "隔离原因" },
            { "来源地", "返乡来源地", "从何地返回", "返回地" },
            { "关联病例", "病例编号", "来源病例", "关联病例编号" },
            { "关联人身份证号", "来源人员身份证号", "关联人证件号码" },
            { "开始日期", "隔离开始日期", "管控开始日期", "开始时间" },
            { "结束日期", "隔离结束日期", "管控结束日期", "解除日期", "结束时间" } });

    private final int[] at;

    private ListItemColumns(int[] at) {
        this.at = at;
    }

    private static Map<String, Integer> spellings(String[][] names) {
        Map<String, Integer> m = new HashMap<>();
        for (int field = 0; field < names.length; field++) {
            for (String n : names[field]) {
                m.put(n, field);
            }
        }
        return Map.copyOf(m);
    }

    /** Maps the header (a note after the name, "姓名（必填）", is ignored); 400 without 姓名 or 身份证号. */
    static ListItemColumns of(List<String> header) {
        int[] at = new int[TEMPLATE.size()];
        java.util.Arrays.fill(at, -1);
        for (int i = 0; i < header.size(); i++) {
            Integer field = SPELLINGS.get(header.get(i).replaceAll("[\\s*（(].*$", "").strip());
            if (field != null && at[field] < 0) {
                at[field] = i;
            }
        }
        if (at[0] < 0 && at[2] < 0) {
            throw ApiProblem.invalid("file", "the sheet has neither a 姓名 nor a 身份证号 column; its columns are "
                    + String.join(", ", TEMPLATE));
        }
        return new ListItemColumns(at);
    }

    /** The row as a list item. */
    ListItemInput item(ImportFile.Row row) {
        String[] v = new String[at.length];
        for (int f = 0; f < at.length; f++) {
            int i = at[f];
            v[f] = i < 0 || i >= row.cells().size() ? null : row.cells().get(i);
        }
        return new ListItemInput(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]);
    }
}
