package org.gridguard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridguard.security.Jurisdiction;
import org.junit.jupiter.api.Test;

/**
 * Without Quarkus: every arm of the registration read's {@code union all} has {@link SampleRepository#READ_WIDTH}
 * columns, the scopes' arm included, and {@link Jurisdiction#SCOPES_ARM_WIDTH} is the width of the arm it describes.
 */
class SampleRepositoryShapeTest {

    @Test
    void scopesArmWidthIsTheArmsColumnCount() {
        assertThat(columns(Jurisdiction.SCOPES_ARM)).hasSize(Jurisdiction.SCOPES_ARM_WIDTH);
    }

    @Test
    void everyArmOfTheReadHasTheSameWidth() {
        for (String lookup : List.of(SampleRepository.BY_ID, SampleRepository.BY_NUMBER,
                SampleRepository.BY_NUMBER_IN_MY_COMMUNITIES)) {
            String sql = SampleRepository.READ.formatted(lookup) + SampleRepository.WITH_SCOPES;
            List<String> arms = arms(sql);
            assertThat(arms).hasSize(6);
            for (String arm : arms) {
                List<String> cols = columns(arm);
                int width = cols.size() + (cols.contains("s.*") ? Jurisdiction.SCOPES_ARM_WIDTH - 1 : 0);
                assertThat(width).as(arm).isEqualTo(SampleRepository.READ_WIDTH);
            }
        }
    }

    @Test
    void theScopesArmStartsAfterTheTag() {
        List<String> cols = columns(arms(SampleRepository.READ.formatted(SampleRepository.BY_ID)
                + SampleRepository.WITH_SCOPES).get(5));
        assertThat(cols.get(0)).isEqualTo("'S'");
        assertThat(cols.indexOf("s.*") + 1).isEqualTo(SampleRepository.SCOPES_AT);
    }

    @Test
    void theScopesArmIsTheOneMeasuredInAdr0020() {
        assertThat(SampleRepository.WITH_SCOPES).isEqualTo("""

                union all
                select 'S', s.*, null, null, null, null, null, null, null, null, null from (%s) as s"""
                .formatted(Jurisdiction.SCOPES_ARM));
    }

    /** The statement with everything in parentheses blanked, split at its top-level "union all". */
    private static List<String> arms(String sql) {
        return List.of(flat(sql).split("\\bunion all\\b"));
    }

    /** The top-level select list of one select (the last top-level "select", up to its "from"). */
    private static List<String> columns(String select) {
        String s = flat(select);
        int start = s.lastIndexOf("select ") + "select ".length();
        Matcher from = Pattern.compile("\\sfrom\\s").matcher(s);
        String list = s.substring(start, from.find(start) ? from.start() : s.length());
        List<String> out = new ArrayList<>();
        for (String c : list.split(",")) {
            out.add(c.strip());
        }
        return out;
    }

    /** The text with what is inside parentheses (at any depth) removed, the parentheses kept. */
    private static String flat(String sql) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '(') {
                if (depth++ == 0) {
                    b.append('(');
                }
            } else if (ch == ')') {
                if (--depth == 0) {
                    b.append(')');
                }
            } else if (depth == 0) {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
