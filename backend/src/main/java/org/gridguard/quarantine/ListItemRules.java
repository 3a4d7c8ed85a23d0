package org.gridguard.quarantine;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridguard.common.InputRules;
import org.gridguard.quarantine.QuarantineListViews.ListItemInput;
import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.IdentityRules.DocType;

/**
 * The rules of one person of a bureau's list, pure (unit-tested in {@code ListItemRulesTest}): every field checked,
 * the first problem refusing the item with its field and reason, an item without one {@link Checked}.
 */
final class ListItemRules {

    static final List<String> KINDS = List.of("HOME_ISOLATION", "HOME_MONITORING", "CENTRAL_ISOLATION");
    static final List<String> REASONS = List.of("CLOSE_CONTACT", "SECONDARY_CONTACT", "RETURNEE", "POSITIVE_POOL", "OTHER");

    /** The Chinese words the bureau's sheets use, checked in order (次密接 before 密接). */
    static final List<Map.Entry<String, String>> KIND_WORDS = List.of(Map.entry("居家隔离", "HOME_ISOLATION"),
            Map.entry("居家观察", "HOME_ISOLATION"), Map.entry("居家医学观察", "HOME_ISOLATION"),
            Map.entry("健康监测", "HOME_MONITORING"), Map.entry("集中隔离", "CENTRAL_ISOLATION"));
    static final List<Map.Entry<String, String>> REASON_WORDS = List.of(Map.entry("次密", "SECONDARY_CONTACT"),
            Map.entry("密接", "CLOSE_CONTACT"), Map.entry("密切接触", "CLOSE_CONTACT"), Map.entry("返", "RETURNEE"),
            Map.entry("入境", "RETURNEE"), Map.entry("混管", "POSITIVE_POOL"), Map.entry("阳性", "POSITIVE_POOL"),
            Map.entry("其他", "OTHER"), Map.entry("其它", "OTHER"));

    private static final Pattern CN_DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private ListItemRules() {
    }

    /** What {@link #check} needs besides the item: the day, the default end, the keyed hash of documents. */
    record Checking(LocalDate today, DefaultEnd defaultEnd, BiFunction<String, String, byte[]> hmac) {
    }

    /** The planned end of an order of this kind and reason starting on a day, when the list gives none. */
    interface DefaultEnd {
        LocalDate of(String kind, String reason, LocalDate start);
    }

    sealed interface Result permits Checked, Rejected {
        int line();
    }

    /** A checked person. The clear document number and phone stay in memory only. */
    record Checked(int line, String name, DocType docType, String docNumber, byte[] docHmac, String phone,
            byte[] phoneHmac, String compound, String building, String door, String kind, String reason, String place,
            String caseRef, byte[] sourceHmac, LocalDate startsOn, LocalDate endsOn) implements Result {

        /** Who the person is within the list: the document, else name and phone, else name and address. */
        String key() {
            if (docHmac != null) {
                return "D:" + HexFormat.of().formatHex(docHmac);
            }
            return phone != null ? "P:" + name + "|" + phone : "A:" + name + "|" + compound + "|" + building + "|" + door;
        }
    }

    record Rejected(int line, String field, String problem) implements Result {
    }

    /** The item checked: the first problem found refuses it. */
    static Result check(int line, ListItemInput in, Checking k) {
        if (in == null) {
            return new Rejected(line, "item", "the item is empty");
        }
        String bad = textProblems(in);
        if (bad != null) {
            return new Rejected(line, bad.substring(0, bad.indexOf(':')), bad.substring(bad.indexOf(':') + 2));
        }
        String name = blankToNull(in.name());
        String number = IdentityRules.normaliseDocument(blankToNull(in.docNumber()));
        DocType type = in.docType() == null || in.docType().isBlank() ? DocType.MAINLAND_ID : IdentityRules.parseDocType(in.docType());
        if (type == null) {
            return new Rejected(line, "docType", "unknown document type (居民身份证, 护照, 港澳居民来往内地通行证, 台湾居民来往大陆通行证)");
        }
        if (number != null) {
            List<String> p = IdentityRules.documentProblems(type, number, k.today());
            if (!p.isEmpty()) {
                return new Rejected(line, "docNumber", "the document number " + String.join("; ", p));
            }
        }
        String phone = null;
        if (blankToNull(in.phone()) != null) {
            phone = IdentityRules.normalisePhone(in.phone());
            if (phone == null) {
                return new Rejected(line, "phone", "the phone " + IdentityRules.phoneProblem(in.phone()));
            }
        }
        String compound = blankToNull(in.compound());
        String door = blankToNull(in.door());
        if (number == null && (name == null || (phone == null && (compound == null || door == null)))) {
            return new Rejected(line, "docNumber", "nothing to identify the person: give the ID number, or the name with"
                    + " the phone or the address (小区, 门牌号)");
        }
        return checkOrder(line, in, k, new Checked(line, name, number == null ? null : type, number,
                number == null ? null : k.hmac().apply(type.name(), number), phone,
                phone == null ? null : k.hmac().apply("PHONE", phone), compound, blankToNull(in.building()), door,
                null, null, null, null, null, null, null));
    }

    /** The order's half of the item: kind, reason, source and dates. */
    private static Result checkOrder(int line, ListItemInput in, Checking k, Checked who) {
        String kind = in.kind() == null || in.kind().isBlank() ? "HOME_ISOLATION" : word(in.kind(), KINDS, KIND_WORDS);
        if (kind == null) {
            return new Rejected(line, "kind", "unknown kind: HOME_ISOLATION (居家隔离), HOME_MONITORING (居家健康监测)"
                    + " or CENTRAL_ISOLATION (集中隔离)");
        }
        if (kind.equals("CENTRAL_ISOLATION")) {
            return new Rejected(line, "kind", "central isolation needs a site: the community assigns it when it creates"
                    + " the order; send home isolation or home monitoring here");
        }
        String reason = in.reason() == null || in.reason().isBlank() ? null : word(in.reason(), REASONS, REASON_WORDS);
        if (reason == null) {
            return new Rejected(line, "reason", "unknown or missing reason: CLOSE_CONTACT (密接), SECONDARY_CONTACT (次密接),"
                    + " RETURNEE (返乡), POSITIVE_POOL (阳性混管) or OTHER (其他)");
        }
        String source = IdentityRules.normaliseDocument(blankToNull(in.sourceIdNumber()));
        if (source != null && !IdentityRules.mainlandIdProblems(source, k.today()).isEmpty()) {
            return new Rejected(line, "sourceIdNumber", "the source person's ID number fails the GB 11643 check");
        }
        LocalDate start = in.startsOn() == null || in.startsOn().isBlank() ? k.today() : date(in.startsOn());
        if (start == null) {
            return new Rejected(line, "startsOn", "the start is not a date (yyyy-MM-dd) between 1900 and 2100");
        }
        LocalDate end = in.endsOn() == null || in.endsOn().isBlank() ? k.defaultEnd().of(kind, reason, start)
                : date(in.endsOn());
        if (end == null) {
            return new Rejected(line, "endsOn", "the end is not a date (yyyy-MM-dd) between 1900 and 2100");
        }
        if (end.isBefore(start)) {
            return new Rejected(line, "endsOn", "the end is before the start");
        }
        if (end.isBefore(k.today())) {
            return new Rejected(line, "endsOn", "the order would have ended already");
        }
        return new Checked(line, who.name(), who.docType(), who.docNumber(), who.docHmac(), who.phone(),
                who.phoneHmac(), who.compound(), who.building(), who.door(), kind, reason,
                blankToNull(in.reasonPlace()), blankToNull(in.sourceCaseRef()),
                source == null ? null : k.hmac().apply(DocType.MAINLAND_ID.name(), source), start, end);
    }

    /** The first field with a control character, a broken character or too long a value, as "field: problem". */
    static String textProblems(ListItemInput in) {
        String[][] fields = { { "name", in.name(), "50" }, { "docType", in.docType(), "30" },
                { "docNumber", in.docNumber(), "30" }, { "phone", in.phone(), "30" },
                { "compound", in.compound(), "100" }, { "building", in.building(), "50" },
                { "door", in.door(), "50" }, { "kind", in.kind(), "30" }, { "reason", in.reason(), "30" },
                { "reasonPlace", in.reasonPlace(), "200" }, { "sourceCaseRef", in.sourceCaseRef(), "100" },
                { "sourceIdNumber", in.sourceIdNumber(), "30" }, { "startsOn", in.startsOn(), "30" },
                { "endsOn", in.endsOn(), "30" } };
        for (String[] f : fields) {
            if (f[1] == null) {
                continue;
            }
            String p = InputRules.textProblem(f[1]);
            if (p != null) {
                return f[0] + ": the " + f[0] + " " + p;
            }
            if (f[1].strip().length() > Integer.parseInt(f[2])) {
                return f[0] + ": the " + f[0] + " is longer than " + f[2] + " characters";
            }
        }
        return null;
    }

    /** An enum name, or the value the first word found in it stands for; null if none. */
    static String word(String s, List<String> names, List<Map.Entry<String, String>> words) {
        String t = s.strip();
        String upper = t.toUpperCase(Locale.ROOT);
        if (names.contains(upper)) {
            return upper;
        }
        for (Map.Entry<String, String> w : words) {
            if (t.contains(w.getKey())) {
                return w.getValue();
            }
        }
        return null;
    }

    /** yyyy-MM-dd, yyyy/M/d, yyyy年M月d日, or a spreadsheet's day number; null if none or out of range. */
    static LocalDate date(String s) {
        String t = s.strip();
        LocalDate d = null;
        Matcher m = CN_DATE.matcher(t);
        try {
            if (m.matches()) {
                d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } else if (SERIAL.matcher(t).matches()) {
                d = EXCEL_EPOCH.plusDays(Long.parseLong(t));
            } else {
                d = LocalDate.parse(t);
            }
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return null;
        }
        return InputRules.yearInRange(d.getYear()) ? d : null;
    }


    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
