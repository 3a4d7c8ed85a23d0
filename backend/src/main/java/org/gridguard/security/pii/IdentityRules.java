package org.gridguard.security.pii;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identity documents and phone numbers: validation (each failure its own message, never echoing the value),
 * normalisation, what a mainland ID number says (sex, birth date), and display masks.
 */
public final class IdentityRules {

    public enum DocType {
        MAINLAND_ID, PASSPORT, HK_MACAU_PERMIT, TAIWAN_PERMIT
    }

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK = "10X98765432";
    /** GB/T 2260 province-level codes (first two digits). */
    static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
            "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
            "65", "71", "81", "82");
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,17}");
    private static final Pattern HK_MACAU = Pattern.compile("[HM]\\d{8}(\\d{2})?");
    private static final Pattern TAIWAN = Pattern.compile("\\d{8}(\\d{2})?");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern PHONE_NOISE = Pattern.compile("[\\s()]");
    private static final Pattern LANDLINE_DIGITS = Pattern.compile("0\\d{9,11}");
    private static final Pattern LANDLINE_LOCAL = Pattern.compile("[2-9]\\d{6,7}");

    private IdentityRules() {
    }

    /** A document type as sheets write it (居民身份证, 护照, 港澳…, 台…) or by its name; null if unknown. */
    public static DocType parseDocType(String s) {
        String t = s.strip();
        if (t.contains("身份证")) {
            return DocType.MAINLAND_ID;
        }
        if (t.contains("护照")) {
            return DocType.PASSPORT;
        }
        if (t.contains("港澳")) {
            return DocType.HK_MACAU_PERMIT;
        }
        if (t.contains("台")) {
            return DocType.TAIWAN_PERMIT;
        }
        try {
            return DocType.valueOf(t.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Trims, removes inner spaces, upper-cases (a lower-case check character x becomes X). */
    public static String normaliseDocument(String s) {
        // NFKC first: a spreadsheet's full-width digits and letters (１１０１…Ｘ) are the same number
        return s == null ? null
                : SPACES.matcher(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)).replaceAll("")
                        .toUpperCase(java.util.Locale.ROOT);
    }

    /** The check character ISO 7064 MOD 11-2 gives for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** Every problem with a (normalised) mainland ID number; empty when valid. Messages never repeat the value. */
    public static List<String> mainlandIdProblems(String id, LocalDate today) {
        List<String> p = new ArrayList<>();
        if (id == null || id.isEmpty()) {
            p.add("is required");
            return p;
        }
        if (id.length() != 18) {
            p.add("must have 18 characters, not " + id.length());
        }
        String body = id.substring(0, Math.min(17, id.length()));
        boolean digits = body.chars().allMatch(Character::isDigit);
        if (!digits) {
            p.add("the first 17 characters must be digits");
        }
        if (id.length() == 18) {
            char last = id.charAt(17);
            if (!Character.isDigit(last) && last != 'X') {
                p.add("the check character must be a digit or X");
            }
        }
        if (id.length() >= 2 && Character.isDigit(id.charAt(0)) && Character.isDigit(id.charAt(1))
                && !PROVINCES.contains(id.substring(0, 2))) {
            p.add("starts with an unknown province code");
        }
        if (id.length() >= 14 && id.substring(6, 14).chars().allMatch(Character::isDigit)) {
            LocalDate birth = birthDate(id);
            if (birth == null) {
                p.add("the birth date (characters 7 to 14) is not a real date");
            } else if (birth.isAfter(today)) {
                p.add("the birth date (characters 7 to 14) is in the future");
            } else if (birth.getYear() < 1880) {
                p.add("the birth date (characters 7 to 14) is too far in the past");
            }
        }
        if (id.length() == 18 && digits && (Character.isDigit(id.charAt(17)) || id.charAt(17) == 'X')
                && checkCharacter(body) != id.charAt(17)) {
            p.add("the check character does not match (ISO 7064 MOD 11-2)");
        }
        return p;
    }

    public static LocalDate birthDate(String mainlandId) {
        try {
            return LocalDate.of(Integer.parseInt(mainlandId.substring(6, 10)),
                    Integer.parseInt(mainlandId.substring(10, 12)), Integer.parseInt(mainlandId.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** MALE when the 17th digit is odd. */
    public static String sex(String mainlandId) {
        return (mainlandId.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE";
    }

    public static List<String> documentProblems(DocType type, String number, LocalDate today) {
        if (type == DocType.MAINLAND_ID) {
            return mainlandIdProblems(number, today);
        }
        if (number == null || number.isEmpty()) {
            return List.of("is required");
        }
        return switch (type) {
            case PASSPORT -> PASSPORT.matcher(number).matches() ? List.of()
                    : List.of("a passport number has 5 to 17 letters and digits");
            case HK_MACAU_PERMIT -> HK_MACAU.matcher(number).matches() ? List.of()
                    : List.of("a Mainland Travel Permit for Hong Kong and Macao residents is H or M followed by 8 or 10 digits");
            case TAIWAN_PERMIT -> TAIWAN.matcher(number).matches() ? List.of()
                    : List.of("a Mainland Travel Permit for Taiwan residents has 8 or 10 digits");
            default -> List.of();
        };
    }

    /** A phone in canonical form (mobile: 11 digits; landline: area code, dash, number), or null if invalid. */
    public static String normalisePhone(String phone) {
        if (phone == null) {
            return null;
        }
        String s = PHONE_NOISE.matcher(phone).replaceAll("");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
        }
        String digits = s.replace("-", "");
        if (MOBILE.matcher(digits).matches()) {
            return digits;
        }
        // area codes: 010 and 020-029 have three digits, all others four
        if (LANDLINE_DIGITS.matcher(digits).matches()) {
            int code = digits.charAt(1) == '1' || digits.charAt(1) == '2' ? 3 : 4;
            String local = digits.substring(code);
            if (LANDLINE_LOCAL.matcher(local).matches()) {
                return digits.substring(0, code) + "-" + local;
            }
        }
        return null;
    }

    public static String phoneProblem(String phone) {
        return normalisePhone(phone) == null
                ? "must be a mainland mobile number (11 digits starting with 13 to 19) or a landline with its area code (e.g. 0735-2345678)"
                : null;
    }

    /** 110105********002X for mainland IDs; other documents keep their first and last two characters. */
    public static String maskDocument(DocType type, String n) {
        if (n == null) {
            return null;
        }
        if (type == DocType.MAINLAND_ID && n.length() == 18) {
            return n.substring(0, 6) + "********" + n.substring(14);
        }
        if (n.length() <= 4) {
            return "*".repeat(n.length());
        }
        return n.substring(0, 2) + "*".repeat(n.length() - 4) + n.substring(n.length() - 2);
    }

    /** 138****1234; a landline keeps its area code and last four digits: 0735-****5678. */
    public static String maskPhone(String canonical) {
        if (canonical == null) {
            return null;
        }
        int dash = canonical.indexOf('-');
        if (dash > 0) {
            String local = canonical.substring(dash + 1);
            return canonical.substring(0, dash + 1) + "****" + local.substring(Math.max(0, local.length() - 4));
        }
        if (canonical.length() == 11) {
            return canonical.substring(0, 3) + "****" + canonical.substring(7);
        }
        return "****";
    }
}
