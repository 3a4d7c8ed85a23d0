package org.gridguard.quarantine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The release notice's pure rules (ADR 0033): its title per kind of order, the text its QR code carries, and the
 * constant-time comparison of a check code. No CDI, no database.
 */
final class NoticeRules {

    private NoticeRules() {
    }

    /** Only a released order has a notice; an order sent to hospital or still active has none. */
    static final String RELEASED = "RELEASED";

    /** The notice's title: home orders end a 居家医学观察, central isolation a 集中隔离医学观察. */
    static String title(String kind) {
        return "CENTRAL_ISOLATION".equals(kind) ? "解除集中隔离医学观察告知书" : "解除居家医学观察告知书";
    }

    /** The measure the notice ends, as its sentence names it. */
    static String measure(String kind) {
        return switch (kind) {
            case "HOME_ISOLATION" -> "居家隔离医学观察";
            case "HOME_MONITORING" -> "居家健康监测";
            case "CENTRAL_ISOLATION" -> "集中隔离医学观察";
            default -> "医学观察";
        };
    }

    /** What the QR code carries: the verification URL with the order number and its check code. */
    static String qrText(String verifyUrl, String number, String checkCode) {
        return verifyUrl + (verifyUrl.contains("?") ? "&" : "?") + "number=" + URLEncoder.encode(number, StandardCharsets.UTF_8)
                + "&code=" + URLEncoder.encode(checkCode, StandardCharsets.UTF_8);
    }

    /** A check code as typed: blanks dropped, case ignored. */
    static String normaliseCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Whether the code sent is the order's, in time independent of where they differ: both are hashed first, so the
     * comparison never depends on their lengths either.
     */
    static boolean sameCode(String expected, String sent) {
        return MessageDigest.isEqual(sha256(normaliseCode(expected)), sha256(normaliseCode(sent)));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text for the notice's XHTML. */
    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
