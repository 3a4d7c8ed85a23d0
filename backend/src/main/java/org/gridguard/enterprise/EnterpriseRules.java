package org.gridguard.enterprise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridguard.common.Problem.FieldError;
import org.gridguard.security.pii.IdentityRules;

/**
 * The register's pure rules: the unified social credit code (统一社会信用代码, GB 32100-2015) and the cleaning of
 * what people type or paste (full-width characters, spaces). No CDI, no database.
 */
public final class EnterpriseRules {

    /** The 31 characters of GB 32100-2015 (no I, O, S, V, Z), each worth its position. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** Weight of position i is 3^i mod 31. */
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    private EnterpriseRules() {
    }

    /** Full-width ASCII (Ｕ, ０) to half-width, spaces and dashes removed, upper case; null stays null. */
    public static String normaliseCode(String s) {
        if (s == null) {
            return null;
        }
        return halfWidth(s).replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    }

    /** Full-width forms (U+FF01..U+FF5E) and the ideographic space to their ASCII. */
    public static String halfWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                b.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The check character of the first 17 characters (which must be in the alphabet). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** Why a (normalised) code is not a valid unified social credit code, or null when it is. */
    public static String creditCodeProblem(String code) {
        if (code == null || code.isEmpty()) {
            return "is required";
        }
        if (code.length() != 18) {
            return "must have 18 characters (it has " + code.length() + ")";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "character " + (i + 1) + " '" + code.charAt(i) + "' is not allowed (digits and A-Y without I, O, S, V, Z)";
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return "check character (the 18th) does not match: expected " + expected + " for this code (GB 32100-2015)";
        }
        return null;
    }

    /** True when the normalised code is valid. */
    public static boolean isCreditCode(String code) {
        return creditCodeProblem(code) == null;
    }

    /** An enterprise as entered, texts not yet cleaned; null fields are not given. */
    public record Draft(String name, String creditCode, Enterprises.Kind kind, String address, String contactName,
            String contactPhone, Integer employees, LocalDate resumedOn, Enterprises.Status status) {
    }

    /** An enterprise's checked values: the code normalised, the phone canonical (or null), texts stripped. */
    public record Clean(String name, String creditCode, Enterprises.Kind kind, String address, String contactName,
            String phone, int employees, LocalDate resumedOn, Enterprises.Status status) {
    }

    /** Checks a whole draft; each problem is added to {@code errors} under the field's name. Null when any. */
    public static Clean clean(Draft d, List<FieldError> errors) {
        int before = errors.size();
        String name = blankToNull(d.name());
        if (name == null || name.length() > 200) {
            errors.add(new FieldError("name", name == null ? "is required" : "must be at most 200 characters"));
        }
        String code = normaliseCode(d.creditCode());
        String codeProblem = creditCodeProblem(code);
        if (codeProblem != null) {
            errors.add(new FieldError("creditCode", codeProblem));
        }
        if (d.kind() == null) {
            errors.add(new FieldError("kind", "is required: one of INDUSTRIAL_PARK, MARKET, SHOP, FACTORY, OFFICE, OTHER"));
        }
        String phone = null;
        if (blankToNull(d.contactPhone()) != null) {
            phone = IdentityRules.normalisePhone(halfWidth(d.contactPhone()));
            if (phone == null) {
                errors.add(new FieldError("contactPhone", IdentityRules.phoneProblem(d.contactPhone())));
            }
        }
        int employees = d.employees() == null ? 0 : d.employees();
        if (employees < 0) {
            errors.add(new FieldError("employees", "must be 0 or more"));
        }
        Enterprises.Status status = d.status() == null ? Enterprises.Status.PENDING : d.status();
        if (status == Enterprises.Status.RESUMED && d.resumedOn() == null) {
            errors.add(new FieldError("resumedOn", "is required when the status is RESUMED"));
        }
        if (d.resumedOn() != null && (d.resumedOn().getYear() < 2000 || d.resumedOn().getYear() > 2100)) {
            errors.add(new FieldError("resumedOn", "must be a day between 2000 and 2100"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Clean(name, code, d.kind(), blankToNull(d.address()), blankToNull(d.contactName()), phone, employees,
                d.resumedOn(), status);
    }

    /** Whether the node kind can hold an enterprise: a node from community level down (it has a community). */
    public static boolean placeable(String areaKind) {
        return List.of("COMMUNITY", "ZONE", "GRID_CELL", "COMPOUND", "BUILDING").contains(areaKind);
    }

    // ---------- the texts of a sheet ----------

    private static final Map<String, Enterprises.Kind> KINDS = Map.ofEntries(
            Map.entry("工业园区", Enterprises.Kind.INDUSTRIAL_PARK), Map.entry("园区", Enterprises.Kind.INDUSTRIAL_PARK),
            Map.entry("产业园", Enterprises.Kind.INDUSTRIAL_PARK), Map.entry("市场", Enterprises.Kind.MARKET),
            Map.entry("农贸市场", Enterprises.Kind.MARKET), Map.entry("商超", Enterprises.Kind.SHOP),
            Map.entry("商铺", Enterprises.Kind.SHOP), Map.entry("门店", Enterprises.Kind.SHOP),
            Map.entry("店铺", Enterprises.Kind.SHOP), Map.entry("商店", Enterprises.Kind.SHOP),
            Map.entry("工厂", Enterprises.Kind.FACTORY), Map.entry("厂", Enterprises.Kind.FACTORY),
            Map.entry("办公", Enterprises.Kind.OFFICE), Map.entry("写字楼", Enterprises.Kind.OFFICE),
            Map.entry("办公楼", Enterprises.Kind.OFFICE), Map.entry("其他", Enterprises.Kind.OTHER),
            Map.entry("其它", Enterprises.Kind.OTHER));

    private static final Map<String, Enterprises.Status> STATUSES = Map.of("待复工", Enterprises.Status.PENDING,
            "未复工", Enterprises.Status.PENDING, "已复工", Enterprises.Status.RESUMED, "复工", Enterprises.Status.RESUMED,
            "停工", Enterprises.Status.SUSPENDED, "暂停", Enterprises.Status.SUSPENDED, "暂停营业", Enterprises.Status.SUSPENDED);

    /** 工厂, 市场 … or the English name (any case); null when blank; throws IllegalArgumentException when unknown. */
    public static Enterprises.Kind kind(String s) {
        return label(s, KINDS, Enterprises.Kind.class);
    }

    /** 待复工, 已复工, 停工 … or the English name; null when blank; IllegalArgumentException when unknown. */
    public static Enterprises.Status status(String s) {
        return label(s, STATUSES, Enterprises.Status.class);
    }

    private static <E extends Enum<E>> E label(String s, Map<String, E> labels, Class<E> type) {
        String t = blankToNull(s == null ? null : halfWidth(s));
        if (t == null) {
            return null;
        }
        E e = labels.get(t);
        return e != null ? e : Enum.valueOf(type, t.toUpperCase(Locale.ROOT).replace(' ', '_'));
    }

    private static final Pattern COUNT = Pattern.compile("(\\d{1,7})\\s*人?");

    /** 12, １２, 12人; null when blank; IllegalArgumentException when not a count. */
    public static Integer count(String s) {
        String t = blankToNull(s == null ? null : halfWidth(s));
        if (t == null) {
            return null;
        }
        Matcher m = COUNT.matcher(t.replaceAll("\\.0+$", ""));
        if (!m.matches()) {
            throw new IllegalArgumentException(t);
        }
        return Integer.valueOf(m.group(1));
    }

    private static final Pattern DAY = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.0+)?");

    /** 2022-04-05, 2022/4/5, 2022.4.5, 2022年4月5日, full-width digits, or a spreadsheet's day number; null when blank. */
    public static LocalDate day(String s) {
        String t = blankToNull(s == null ? null : halfWidth(s));
        if (t == null) {
            return null;
        }
        Matcher m = DAY.matcher(t);
        if (m.matches()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        if (SERIAL.matcher(t).matches()) {
            return LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(t));
        }
        throw new IllegalArgumentException(t);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The problems of a list, as one sentence. */
    public static String sentence(List<FieldError> errors) {
        List<String> parts = new ArrayList<>();
        for (FieldError e : errors) {
            parts.add(e.field() + " " + e.message());
        }
        return String.join("; ", parts);
    }
}
