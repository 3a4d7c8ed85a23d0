package org.gridguard.enterprise;

import java.util.Locale;

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
}
