package org.gridguard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Named parameters of the background refresher's statements: each use bound, casts left alone. */
class JdbcNamedParametersTest {

    @Test
    void eachUseOfANameIsOnePlaceholderAndCastsAreNotNames() {
        List<Object> values = new ArrayList<>();
        String sql = Jdbc.positional("select null::uuid from t where a = :rid and b = any(cast(:ids as uuid[]))"
                + " and c = :rid and d::text = :now_1", Map.of("rid", 1, "ids", 2, "now_1", 3, "unused", 4), values);
        assertThat(sql).isEqualTo("select null::uuid from t where a = ? and b = any(cast(? as uuid[]))"
                + " and c = ? and d::text = ?");
        assertThat(values).containsExactly(1, 2, 1, 3);
    }

    @Test
    void aNameWithoutAValueIsAnError() {
        assertThatThrownBy(() -> Jdbc.positional("select :missing", Map.of(), new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":missing");
    }
}
