package org.gridguard.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The allow-list of callback URLs, with a resolver the test controls (DNS answers can change). */
class CallbackPolicyTest {

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static final Map<String, String> DNS = Map.of("partner.example", "93.184.216.34", "sneaky.example", "127.0.0.1",
            "metadata.example", "169.254.169.254", "v6.example", "2606:2800:220:1:248:1893:25c8:1946",
            "ula.example", "fd12:3456::1", "hooks.internal", "10.20.1.5");

    static InetAddress[] resolve(String host) {
        String a = DNS.get(host);
        if (a != null) {
            return new InetAddress[] { ip(a) };
        }
        return CallbackPolicy.isLiteral(host) ? new InetAddress[] { ip(host) } : new InetAddress[0];
    }

    final CallbackPolicy strict = new CallbackPolicy(false, List.of(), CallbackPolicyTest::resolve);

    @Test
    void aPublicHttpsUrlPassesAndPinsTheCheckedAddress() throws Exception {
        CallbackPolicy.Target t = strict.check("https://partner.example/hooks/gridguard?x=1");
        assertThat(t.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(t.host()).isEqualTo("partner.example");
        assertThat(t.port()).isEqualTo(443);
        assertThat(t.pathAndQuery()).isEqualTo("/hooks/gridguard?x=1");
        assertThat(strict.check("https://v6.example:8443/").port()).isEqualTo(8443);
    }

    @Test
    void loopbackLinkLocalPrivateAndReservedTargetsAreRefused() {
        for (String url : List.of("https://127.0.0.1/", "https://127.8.9.10:8443/x", "https://localhost./",
                "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://169.254.169.254/latest/meta-data/",
                "https://metadata.example/", "https://sneaky.example/hook", "https://10.0.0.1/", "https://172.16.5.4/",
                "https://172.31.255.255/", "https://192.168.1.1/", "https://[fd12:3456::1]/", "https://ula.example/",
                "https://[fe80::1]/", "https://0.0.0.0/", "https://[::]/", "https://100.64.0.1/", "https://224.0.0.1/",
                "https://255.255.255.255/", "https://2130706433/", "https://0x7f000001/")) {
            assertThatThrownBy(() -> strict.check(url)).as(url).isInstanceOf(CallbackPolicy.Refused.class);
        }
    }

    @Test
    void schemeUserInfoAndUnresolvableHostsAreRefused() {
        assertThatThrownBy(() -> strict.check("http://partner.example/")).hasMessageContaining("https");
        assertThatThrownBy(() -> strict.check("ftp://partner.example/")).isInstanceOf(CallbackPolicy.Refused.class);
        assertThatThrownBy(() -> strict.check("https://user:pw@partner.example/")).hasMessageContaining("user info");
        assertThatThrownBy(() -> strict.check("https://nowhere.example/")).hasMessageContaining("does not resolve");
        assertThatThrownBy(() -> strict.check("/relative")).isInstanceOf(CallbackPolicy.Refused.class);
        assertThatThrownBy(() -> strict.check("not a url")).isInstanceOf(CallbackPolicy.Refused.class);
    }

    @Test
    void configuredPrivateTargetsPassOnlyAsConfigured() throws Exception {
        CallbackPolicy p = new CallbackPolicy(true, List.of("hooks.internal:8443", "10.99.0.0/16", "127.0.0.2", "[::1]:9000"),
                CallbackPolicyTest::resolve);
        assertThat(p.check("https://hooks.internal:8443/h").address().getHostAddress()).isEqualTo("10.20.1.5");
        assertThatThrownBy(() -> p.check("https://hooks.internal/h")).as("another port").isInstanceOf(CallbackPolicy.Refused.class);
        assertThat(p.check("http://10.99.3.4/h").host()).isEqualTo("10.99.3.4");
        assertThatThrownBy(() -> p.check("http://10.98.3.4/h")).isInstanceOf(CallbackPolicy.Refused.class);
        assertThat(p.check("http://127.0.0.2:1234/h").port()).isEqualTo(1234);
        assertThatThrownBy(() -> p.check("http://127.0.0.1:1234/h")).isInstanceOf(CallbackPolicy.Refused.class);
        assertThat(p.check("http://[::1]:9000/h").port()).isEqualTo(9000);
        assertThatThrownBy(() -> p.check("http://[::1]:9001/h")).isInstanceOf(CallbackPolicy.Refused.class);
        assertThatThrownBy(() -> new CallbackPolicy(false, List.of("10.0.0.0/x"), CallbackPolicyTest::resolve))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHostThatResolvesElsewhereLaterIsRefusedAtThatTime() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>("93.184.216.34");
        CallbackPolicy p = new CallbackPolicy(false, List.of(), h -> new InetAddress[] { ip(answer.get()) });
        assertThat(p.check("https://rebinding.example/").address().getHostAddress()).isEqualTo("93.184.216.34");
        answer.set("169.254.169.254");
        assertThatThrownBy(() -> p.check("https://rebinding.example/")).isInstanceOf(CallbackPolicy.Refused.class);
    }

    @Test
    void oneBadAddressAmongSeveralRefusesTheHost() {
        CallbackPolicy p = new CallbackPolicy(false, List.of(),
                h -> new InetAddress[] { ip("93.184.216.34"), ip("127.0.0.1") });
        assertThatThrownBy(() -> p.check("https://multi.example/")).isInstanceOf(CallbackPolicy.Refused.class);
    }

    @Test
    void signaturesVerifyAndRejectTamperingAndOldTimestamps() {
        String secret = WebhookSignature.newSecret();
        String body = "{\"id\":\"x\"}";
        String header = WebhookSignature.header(secret, 1_700_000_000L, body);
        assertThat(header).matches("t=1700000000,v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify(secret, header, body, 1_700_000_100L, 300)).isTrue();
        assertThat(WebhookSignature.verify(secret, header, body + " ", 1_700_000_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_other", header, body, 1_700_000_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify(secret, header, body, 1_700_001_000L, 300)).isFalse();
    }
}
