package org.gridguard.security.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encryption at rest of ID numbers and phones: AES-256-GCM with a random 96-bit IV; the ciphertext names its
 * key ("v1:&lt;keyId&gt;:&lt;base64(iv|ciphertext|tag)&gt;") so old rows stay readable after the active key changes.
 * Exact lookup uses a keyed HMAC-SHA256 (its own key, not rotated with the encryption keys).
 * Configuration (no default outside dev and test, so production refuses to start without keys):
 * gridguard.pii.keys=k1:&lt;base64 32 bytes&gt;,k2:..., gridguard.pii.active-key=k2, gridguard.pii.hmac-key=&lt;base64&gt;.
 */
@ApplicationScoped
public class PiiCipher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV = 12;

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String active;
    private final SecretKeySpec hmacKey;
    private final ThreadLocal<Mac> macs;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    @Inject
    public PiiCipher(@ConfigProperty(name = "gridguard.pii.keys") String keyList,
            @ConfigProperty(name = "gridguard.pii.active-key") String activeKey,
            @ConfigProperty(name = "gridguard.pii.hmac-key") String hmacKeyB64) {
        for (String entry : keyList.split(",")) {
            String e = entry.trim();
            int colon = e.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("gridguard.pii.keys entries must be <keyId>:<base64 key>");
            }
            byte[] k = Base64.getDecoder().decode(e.substring(colon + 1).trim());
            if (k.length != 32) {
                throw new IllegalStateException("gridguard.pii.keys: key " + e.substring(0, colon) + " must be 32 bytes");
            }
            keys.put(e.substring(0, colon), new SecretKeySpec(k, "AES"));
        }
        if (!keys.containsKey(activeKey)) {
            throw new IllegalStateException("gridguard.pii.active-key names no key of gridguard.pii.keys");
        }
        this.active = activeKey;
        byte[] hk = Base64.getDecoder().decode(hmacKeyB64.trim());
        if (hk.length < 32) {
            throw new IllegalStateException("gridguard.pii.hmac-key must be at least 32 bytes");
        }
        this.hmacKey = new SecretKeySpec(hk, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(hmacKey);
                return m;
            } catch (GeneralSecurityException ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    public String activeKeyId() {
        return active;
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV];
            RANDOM.nextBytes(iv);
            Cipher c = ciphers.get();
            c.init(Cipher.ENCRYPT_MODE, keys.get(active), new GCMParameterSpec(128, iv));
            c.updateAAD(active.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV + ct.length).put(iv).put(ct).array();
            return "v1:" + active + ":" + Base64.getEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalStateException("unknown ciphertext format");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("ciphertext key " + parts[1] + " is not configured");
        }
        try {
            byte[] all = Base64.getDecoder().decode(parts[2]);
            Cipher c = ciphers.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV));
            c.updateAAD(parts[1].getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, IV, all.length - IV), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** The key id a stored ciphertext was made with. */
    public static String keyIdOf(String stored) {
        return stored == null ? null : stored.split(":", 3)[1];
    }

    /** Keyed hash for exact lookup; {@code kind} separates ID numbers of different types and phones. */
    public byte[] hmac(String kind, String normalised) {
        if (normalised == null) {
            return null;
        }
        return macs.get().doFinal((kind + ":" + normalised).getBytes(StandardCharsets.UTF_8));
    }
}
