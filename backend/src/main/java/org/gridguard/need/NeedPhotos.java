package org.gridguard.need;

import org.gridguard.common.ApiProblem;

/** A prescription photo: a JPEG, PNG or WebP image (its first bytes say which, whatever the header claims), ≤ 5 MB. */
final class NeedPhotos {
    private NeedPhotos() {
    }

    static final int MAX_BYTES = 5 * 1024 * 1024;

    /** The image's real content type; 400 when it is empty or not an image, 413 when too large. */
    static String check(String declared, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiProblem.invalid("body", "send the photo as the request body (image/jpeg, image/png or image/webp)");
        }
        if (bytes.length > MAX_BYTES) {
            throw ApiProblem.tooLarge(MAX_BYTES);
        }
        String sniffed = sniff(bytes);
        if (sniffed == null) {
            throw ApiProblem.invalid("body", "the file is not a JPEG, PNG or WebP image");
        }
        return sniffed;
    }

    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }
}
