package org.gridguard.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.gridguard.common.ApiProblem;
import org.gridguard.testsupport.Demo;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The port the inspections and the metrics call, over the demo register (ten enterprises, two resuming today). */
@QuarkusTest
class EnterprisesPortTest {

    /** 燕泉惠民超市 in XQ01 (leader1's zone), resuming today. */
    static final String SUPERMARKET = "91330106MA2CDE001" + EnterpriseRules.checkCharacter("91330106MA2CDE001");
    /** 华兴服装厂 in XQ05 (leader2's zone), resumed 5 days ago. */
    static final String FACTORY = "91330106MA2CDE004" + EnterpriseRules.checkCharacter("91330106MA2CDE004");

    @Inject
    Enterprises enterprises;
    @Inject
    Clock clock;

    static UUID id(String code) {
        return Demo.id("ENTERPRISE-" + code);
    }

    @Test
    @TestSecurity(user = "leader1", roles = "grid-leader")
    void aLeaderSeesTheEnterprisesOfTheirZoneAndOthersAreMissing() {
        Enterprises.EnterpriseRef e = enterprises.visible(id(SUPERMARKET));
        assertThat(e.name()).isEqualTo("燕泉惠民超市");
        assertThat(e.creditCode()).isEqualTo(SUPERMARKET);
        assertThat(e.kind()).isEqualTo("SHOP");
        assertThat(e.status()).isEqualTo("RESUMED");
        assertThat(e.areaId()).isEqualTo(Demo.COMPOUND1);
        assertThat(e.areaPath()).endsWith(Demo.COMPOUND1 + "/").contains(Demo.COMMUNITY.toString());
        ApiProblem outOfReach = catchThrowableOfType(() -> enterprises.visible(id(FACTORY)), ApiProblem.class);
        ApiProblem missing = catchThrowableOfType(() -> enterprises.visible(UUID.randomUUID()), ApiProblem.class);
        assertThat(outOfReach.status).isEqualTo(404);
        assertThat(outOfReach.getMessage()).isEqualTo(missing.getMessage()).isEqualTo("Enterprise not found");

        assertThat(names(enterprises.search("超市", 50))).contains("燕泉惠民超市");
        assertThat(names(enterprises.search(null, 50))).contains("燕泉惠民超市").doesNotContain("华兴服装厂");
        assertThat(names(enterprises.search(FACTORY.substring(10, 17).toLowerCase(), 50))).isEmpty();
        assertThat(enterprises.search(null, 1)).hasSize(1);
    }

    @Test
    @TestSecurity(user = "inspector1", roles = "inspector")
    void anInspectorOfTheStreetFindsAnyEnterpriseByNameOrCode() {
        assertThat(names(enterprises.search(FACTORY.substring(10, 17).toLowerCase(), 50))).containsExactly("华兴服装厂");
        List<String> all = names(enterprises.search(null, 50));
        assertThat(all).contains("燕泉惠民超市", "华兴服装厂", "宏达建材市场");
        assertThat(all).isSortedAccordingTo(String::compareTo);
        assertThat(enterprises.visible(id(FACTORY)).name()).isEqualTo("华兴服装厂");
    }

    @Test
    void theSweepsAndMetricsReadResumedEnterprisesWithoutReach() {
        LocalDate today = LocalDate.now(clock);
        List<Enterprises.EnterpriseRef> resuming = enterprises.resumingOn(today);
        assertThat(names(resuming)).contains("燕泉惠民超市", "迎春农贸市场").doesNotContain("燕泉科技园");
        assertThat(resuming).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo("RESUMED");
            assertThat(e.resumedOn()).isEqualTo(today);
        });
        String path = resuming.stream().filter(e -> e.creditCode().equals(SUPERMARKET)).findFirst().orElseThrow()
                .areaPath();
        String community = path.substring(0, path.indexOf(Demo.COMMUNITY.toString()) + 37);
        List<Enterprises.EnterpriseRef> week = enterprises.resumedBetween(null, today.minusDays(7), today);
        assertThat(names(week)).contains("燕泉惠民超市", "燕泉科技园", "华兴服装厂", "同仁大药房", "安居房产中介")
                .doesNotContain("鑫达汽修厂", "宏达建材市场", "星光文化传媒");
        assertThat(week).allSatisfy(e -> assertThat(e.resumedOn()).isBetween(today.minusDays(7), today));
        assertThat(names(enterprises.resumedBetween(community, today.minusDays(4), today.minusDays(1))))
                .contains("燕泉科技园", "安居房产中介").doesNotContain("燕泉惠民超市", "华兴服装厂", "同仁大药房");
        assertThat(enterprises.resumedBetween("/nowhere/", today.minusDays(7), today)).isEmpty();
    }

    static List<String> names(List<Enterprises.EnterpriseRef> refs) {
        return refs.stream().map(Enterprises.EnterpriseRef::name).toList();
    }
}
