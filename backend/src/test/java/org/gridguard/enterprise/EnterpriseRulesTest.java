package org.gridguard.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** GB 32100-2015 credit codes: real published codes pass, every single change and most swaps are caught. */
class EnterpriseRulesTest {

    /** Codes published on the national enterprise credit information system (Tencent, Huawei, Xiaomi, Alibaba, Baidu …). */
    @ParameterizedTest
    @ValueSource(strings = { "91440300708461136T", "914403001922038216", "91110108551385082Q", "91330100716105852F",
            "91110000802100433B", "91110108717743469K", "91440101231243173M" })
    void realPublishedCodesAreValid(String code) {
        assertThat(EnterpriseRules.creditCodeProblem(code)).isNull();
        assertThat(EnterpriseRules.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    @Test
    void aWrongCheckCharacterNamesTheExpectedOne() {
        assertThat(EnterpriseRules.creditCodeProblem("91440300708461136X")).contains("expected T");
    }

    @Test
    void lengthAndAlphabetAreExplained() {
        assertThat(EnterpriseRules.creditCodeProblem(null)).isEqualTo("is required");
        assertThat(EnterpriseRules.creditCodeProblem("9144030070846113")).contains("18 characters");
        assertThat(EnterpriseRules.creditCodeProblem("91440300708461136I")).contains("character 18 'I'");
        assertThat(EnterpriseRules.creditCodeProblem("9144030O708461136T")).contains("character 8 'O'");
    }

    @Test
    void fullWidthSpacesDashesAndLowerCaseAreCleaned() {
        assertThat(EnterpriseRules.normaliseCode("９１４４０３００７０８４６１１３６ｔ")).isEqualTo("91440300708461136T");
        assertThat(EnterpriseRules.normaliseCode(" 9144 0300-7084 6113 6t\u3000")).isEqualTo("91440300708461136T");
        assertThat(EnterpriseRules.normaliseCode(null)).isNull();
        assertThat(EnterpriseRules.halfWidth("员工１２人")).isEqualTo("员工12人");
    }

    @Provide
    Arbitrary<String> validCodes() {
        return Arbitraries.strings().withChars(EnterpriseRules.ALPHABET.toCharArray()).ofLength(17)
                .map(s -> s + EnterpriseRules.checkCharacter(s));
    }

    @Property
    void generatedCodesPass(@ForAll("validCodes") String code) {
        assertThat(EnterpriseRules.isCreditCode(code)).isTrue();
    }

    @Property
    void anySingleCharacterChangeIsCaught(@ForAll("validCodes") String code, @ForAll @IntRange(min = 0, max = 17) int pos,
            @ForAll @IntRange(min = 1, max = 30) int delta) {
        int v = EnterpriseRules.ALPHABET.indexOf(code.charAt(pos));
        char other = EnterpriseRules.ALPHABET.charAt((v + delta) % 31);
        String changed = code.substring(0, pos) + other + code.substring(pos + 1);
        assertThat(EnterpriseRules.isCreditCode(changed)).isFalse();
    }

    @Property
    void adjacentTranspositionsOfTheFirst17AreCaught(@ForAll("validCodes") String code,
            @ForAll @IntRange(min = 0, max = 15) int pos) {
        char a = code.charAt(pos);
        char b = code.charAt(pos + 1);
        if (a != b) {
            String swapped = code.substring(0, pos) + b + a + code.substring(pos + 2);
            assertThat(EnterpriseRules.isCreditCode(swapped)).isFalse();
        }
    }
}
