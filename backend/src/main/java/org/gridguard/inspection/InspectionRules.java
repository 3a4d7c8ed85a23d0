package org.gridguard.inspection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Problem;
import org.gridguard.inspection.InspectionViews.AnswerInput;
import org.gridguard.inspection.InspectionViews.AnswerResult;
import org.gridguard.inspection.InspectionViews.PlaceType;
import org.gridguard.inspection.InspectionViews.Result;
import org.gridguard.inspection.InspectionViews.Severity;
import org.gridguard.inspection.InspectionViews.TemplateItemInput;

/** The inspections' rules, pure: answers against a template version, the result, due times, the signature image. */
final class InspectionRules {
    private InspectionRules() {
    }

    /** A signature image, decoded: at most 256 KB. */
    static final int MAX_SIGNATURE = 256 * 1024;
    /** An inspection's JSON body: the answers plus the signature in base64 (4/3 of its size). */
    static final int MAX_BODY = 512 * 1024;

    /** One item of a template version. */
    record Item(UUID id, int position, UUID parentId, String text, Severity severity) {
    }

    /** 422 naming the field. */
    static ApiProblem unfit(String field, String message) {
        return new ApiProblem(422, "validation", "Unprocessable request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)), null, null);
    }

    /** A MINOR top-level item holds no children (only a major item holds minor ones). */
    static void checkTemplate(List<TemplateItemInput> items) {
        for (int i = 0; i < items.size(); i++) {
            TemplateItemInput it = items.get(i);
            if (it.severity() == Severity.MINOR && it.children() != null && !it.children().isEmpty()) {
                throw unfit("items[" + i + "].children", "only a MAJOR item holds minor items");
            }
        }
    }

    /**
     * Every item of the version answered exactly once, nothing else; a FAIL with its reason and responsible person.
     * Answers 422 naming the first wrong field ({@code answers[i].reason} …).
     */
    static void checkAnswers(List<Item> items, List<AnswerInput> answers) {
        Map<UUID, Item> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        Map<UUID, Integer> seen = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            AnswerInput a = answers.get(i);
            String at = "answers[" + i + "]";
            if (!byId.containsKey(a.itemId())) {
                throw unfit(at + ".itemId", "is not an item of this template version");
            }
            if (seen.putIfAbsent(a.itemId(), i) != null) {
                throw unfit(at + ".itemId", "answers the same item as answers[" + seen.get(a.itemId()) + "]");
            }
            if (a.result() == AnswerResult.FAIL && blank(a.reason())) {
                throw unfit(at + ".reason", "a failed item needs its reason");
            }
            if (a.result() == AnswerResult.FAIL && blank(a.responsibleName())) {
                throw unfit(at + ".responsibleName", "a failed item needs the person responsible for putting it right");
            }
        }
        for (Item it : items) {
            if (!seen.containsKey(it.id())) {
                throw unfit("answers", "item " + it.position() + " (" + it.text() + ") is not answered");
            }
        }
    }

    /** PASSED iff no item failed. */
    static Result result(List<AnswerInput> answers) {
        return answers.stream().anyMatch(a -> a.result() == AnswerResult.FAIL) ? Result.FAILED : Result.PASSED;
    }

    /** When a failed item must be put right: major items sooner. */
    static Instant due(Severity severity, Instant inspectedAt, Duration major, Duration minor) {
        return inspectedAt.plus(severity == Severity.MAJOR ? major : minor);
    }

    /** The end of the business day of {@code day}: when a first check of an enterprise resuming that day is due. */
    static Instant endOfDay(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether a template for {@code template} places may inspect a place of type {@code place}. */
    static boolean fits(PlaceType template, PlaceType place) {
        return template == place || place == PlaceType.ISOLATION_SITE && template == PlaceType.CHECKPOINT;
    }

    /** A signature image from its base64: 422 when not base64 or not a PNG/JPEG, 413 over the limit. */
    static byte[] signature(String base64) {
        String s = base64.trim();
        int comma = s.indexOf(',');
        if (s.startsWith("data:") && comma > 0) {
            s = s.substring(comma + 1);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw unfit("signOff.signaturePng", "is not base64");
        }
        if (bytes.length > MAX_SIGNATURE) {
            throw new ApiProblem(413, "payload-too-large", "Payload too large", "signOff.signaturePng: the signature image is "
                    + bytes.length + " bytes; at most " + MAX_SIGNATURE, List.of(new Problem.FieldError(
                            "signOff.signaturePng", "at most " + MAX_SIGNATURE + " bytes")), null, null);
        }
        if (sniff(bytes) == null) {
            throw unfit("signOff.signaturePng", "is not a PNG or JPEG image");
        }
        return bytes;
    }

    /** image/png or image/jpeg by the first bytes, else null. */
    static String sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        return null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
