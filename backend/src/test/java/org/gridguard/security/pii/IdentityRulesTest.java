package org.gridguard.security.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.security.pii.IdentityRules.DocType;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The identity rules: property-based over valid and corrupted ID numbers, plus known cases. */
class IdentityRulesTest {

    static final LocalDate TODAY = LocalDate.of(2022, 4, 5);

    @Provide
    Arbitrary<String> validIds() {
        Arbitrary<String> province = Arbitraries.of(new ArrayList<>(IdentityRules.PROVINCES));
        Arbitrary<String> rest = Arbitraries.strings().numeric().ofLength(4);
        Arbitrary<LocalDate> birth = Arbitraries.longs().between(0, TODAY.toEpochDay() - LocalDate.of(1900, 1, 1).toEpochDay())
                .map(d -> LocalDate.of(1900, 1, 1).plusDays(d));
        Arbitrary<String> seq = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(province, rest, birth, seq).as((p, r, b, s) -> {
            String first17 = p + r + String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth()) + s;
            return first17 + IdentityRules.checkCharacter(first17);
        });
    }

    @Property
    void generatedValidIdsPass(@ForAll("validIds") String id) {
        assertThat(IdentityRules.mainlandIdProblems(id, TODAY)).isEmpty();
        assertThat(IdentityRules.birthDate(id)).isNotNull().isBeforeOrEqualTo(TODAY);
        assertThat(IdentityRules.maskDocument(DocType.MAINLAND_ID, id)).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
    }

    @Property
    void anySingleCharacterChangeIsCaught(@ForAll("validIds") String id, @ForAll @IntRange(min = 0, max = 17) int pos,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        char[] c = id.toCharArray();
        if (pos < 17) {
            c[pos] = (char) ('0' + (c[pos] - '0' + delta) % 10);
        } else {
            String a = "0123456789X";
            c[17] = a.charAt((a.indexOf(c[17]) + delta) % 11);
        }
        assertThat(IdentityRules.mainlandIdProblems(new String(c), TODAY)).as(new String(c)).isNotEmpty();
    }

    @Property
    void adjacentTranspositionsAreCaught(@ForAll("validIds") String id, @ForAll @IntRange(min = 0, max = 15) int pos) {
        if (id.charAt(pos) == id.charAt(pos + 1)) {
            return;
        }
        char[] c = id.toCharArray();
        char t = c[pos];
        c[pos] = c[pos + 1];
        c[pos + 1] = t;
        assertThat(IdentityRules.mainlandIdProblems(new String(c), TODAY)).isNotEmpty();
    }

    @Property
    void truncatedOrExtendedIdsAreCaught(@ForAll("validIds") String id, @ForAll @IntRange(min = 1, max = 17) int cut) {
        assertThat(IdentityRules.mainlandIdProblems(id.substring(0, cut), TODAY)).contains("must have 18 characters, not " + cut);
        assertThat(IdentityRules.mainlandIdProblems(id + "1", TODAY)).isNotEmpty();
    }

    @Test
    void theStandardExampleIsValid() {
        String id = "11010519491231002X";
        assertThat(IdentityRules.mainlandIdProblems(id, TODAY)).isEmpty();
        assertThat(IdentityRules.sex(id)).isEqualTo("FEMALE");
        assertThat(IdentityRules.birthDate(id)).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(IdentityRules.maskDocument(DocType.MAINLAND_ID, id)).isEqualTo("110105********002X");
        // lower-case x is normalised
        assertThat(IdentityRules.normaliseDocument(" 11010519491231002x ")).isEqualTo(id);
        // and so are a spreadsheet's full-width characters, and its ideographic space
        assertThat(IdentityRules.normaliseDocument("１１０１０５１９４９１２３１００２ｘ\u3000")).isEqualTo(id);
    }

    @Test
    void eachFailureHasItsOwnMessage() {
        // unknown province, impossible date, wrong check character: three messages
        List<String> p = IdentityRules.mainlandIdProblems("991005194902300021", TODAY);
        assertThat(p).contains("starts with an unknown province code",
                "the birth date (characters 7 to 14) is not a real date",
                "the check character does not match (ISO 7064 MOD 11-2)");
        String future = "110105" + "20300101" + "001";
        assertThat(IdentityRules.mainlandIdProblems(future + IdentityRules.checkCharacter(future), TODAY))
                .containsExactly("the birth date (characters 7 to 14) is in the future");
        assertThat(IdentityRules.mainlandIdProblems("11010519491231A02X", TODAY))
                .contains("the first 17 characters must be digits");
        assertThat(IdentityRules.mainlandIdProblems("", TODAY)).containsExactly("is required");
    }

    @Test
    void otherDocuments() {
        assertThat(IdentityRules.documentProblems(DocType.PASSPORT, "E12345678", TODAY)).isEmpty();
        assertThat(IdentityRules.documentProblems(DocType.PASSPORT, "E1", TODAY)).hasSize(1);
        assertThat(IdentityRules.documentProblems(DocType.HK_MACAU_PERMIT, "H12345678", TODAY)).isEmpty();
        assertThat(IdentityRules.documentProblems(DocType.HK_MACAU_PERMIT, "X12345678", TODAY)).hasSize(1);
        assertThat(IdentityRules.documentProblems(DocType.TAIWAN_PERMIT, "12345678", TODAY)).isEmpty();
        assertThat(IdentityRules.documentProblems(DocType.TAIWAN_PERMIT, "1234", TODAY)).hasSize(1);
    }

    @Test
    void phones() {
        assertThat(IdentityRules.normalisePhone("138 1234 5678")).isEqualTo("13812345678");
        assertThat(IdentityRules.normalisePhone("+86 13812345678")).isEqualTo("13812345678");
        assertThat(IdentityRules.normalisePhone("0735-2345678")).isEqualTo("0735-2345678");
        assertThat(IdentityRules.normalisePhone("010 62345678")).isEqualTo("010-62345678");
        assertThat(IdentityRules.normalisePhone("12812345678")).isNull();
        assertThat(IdentityRules.normalisePhone("1381234567")).isNull();
        assertThat(IdentityRules.normalisePhone("hello")).isNull();
        assertThat(IdentityRules.maskPhone("13812341234")).isEqualTo("138****1234");
        assertThat(IdentityRules.maskPhone("0735-2345678")).isEqualTo("0735-****5678");
    }

    static final String K1 = "k1:" + java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String K2 = "k2:" + java.util.Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    static final String HMAC = java.util.Base64.getEncoder().encodeToString("hmac-key-hmac-key-hmac-key-hmac-key".getBytes());

    @Test
    void keysRotateWithoutLosingData() {
        PiiCipher before = new PiiCipher(K1, "k1", HMAC);
        String old = before.encrypt("11010519491231002X");
        assertThat(old).startsWith("v1:k1:").doesNotContain("11010519491231002X");
        assertThat(before.encrypt("11010519491231002X")).as("random IV").isNotEqualTo(old);
        PiiCipher after = new PiiCipher(K1 + "," + K2, "k2", HMAC);
        assertThat(after.decrypt(old)).isEqualTo("11010519491231002X");
        String fresh = after.encrypt("13812341234");
        assertThat(PiiCipher.keyIdOf(fresh)).isEqualTo("k2");
        assertThat(after.decrypt(fresh)).isEqualTo("13812341234");
        assertThat(after.hmac("MAINLAND_ID", "11010519491231002X")).isEqualTo(before.hmac("MAINLAND_ID", "11010519491231002X"));
        // a retired key that is no longer configured fails loudly, never silently
        PiiCipher without = new PiiCipher(K2, "k2", HMAC);
        assertThatThrownBy(() -> without.decrypt(old)).isInstanceOf(IllegalStateException.class);
        // tampering is detected
        String tampered = fresh.substring(0, fresh.length() - 2) + (fresh.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> after.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }
}
