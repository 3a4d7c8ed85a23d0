package org.gridguard.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JobTest {

    @Inject
    JobService jobs;

    @Inject
    EntityManager em;

    Map<String, Object> await(String token, UUID id, java.util.Set<Integer> progressSeen) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> j = Api.as(token).get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath()
                    .getMap("");
            progressSeen.add((Integer) j.get("progress"));
            if (j.get("status").equals("SUCCEEDED") || j.get("status").equals("FAILED")) {
                return j;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job did not finish");
    }

    @Test
    void aJobRunsWithProgressAndAReport() throws Exception {
        UUID id = jobs.submit("test-count", "supervisor", Demo.COMMUNITY, Map.of("steps", 6));
        TreeSet<Integer> seen = new TreeSet<>();
        Map<String, Object> j = await(Tokens.supervisor(), id, seen);
        assertThat(j.get("status")).isEqualTo("SUCCEEDED");
        assertThat(j.get("progress")).isEqualTo(100);
        assertThat(((Map<?, ?>) j.get("report")).get("counted")).isEqualTo(6);
        assertThat(seen.size()).as("progress values observed: " + seen).isGreaterThanOrEqualTo(3);
        // not visible to someone else outside its community
        Api.as(Tokens.worker2()).get("/api/v1/jobs/" + id).then().statusCode(404);
    }

    @Test
    void aFailedJobSaysWhy() throws Exception {
        UUID id = jobs.submit("test-count", "leader1", Demo.COMMUNITY, Map.of("fail", true));
        Map<String, Object> j = await(Tokens.leader1(), id, new TreeSet<>());
        assertThat(j.get("status")).isEqualTo("FAILED");
        assertThat(j.get("error")).isEqualTo("asked to fail");
    }

    @Test
    void aJobWhoseInstanceDiedIsTakenOver() throws Exception {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into job (id, kind, status, owner, community_id, params, attempts, instance_id, heartbeat_at, started_at)
                values (?1, 'test-count', 'RUNNING', 'leader1', ?2, '{"steps": 2}', 1, 'dead-instance',
                        now() - interval '10 minutes', now() - interval '10 minutes')""")
                .setParameter(1, id).setParameter(2, Demo.COMMUNITY).executeUpdate());
        int reaped = QuarkusTransaction.requiringNew().call(jobs::reapNow);
        assertThat(reaped).isGreaterThanOrEqualTo(1);
        Map<String, Object> j = await(Tokens.leader1(), id, new TreeSet<>());
        assertThat(j.get("status")).isEqualTo("SUCCEEDED");
        assertThat(j.get("attempts")).isEqualTo(2);
        assertThat(((Map<?, ?>) j.get("report")).get("resumed")).isEqualTo(true);
    }

    @Test
    void aJobInterruptedTooOftenFailsInsteadOfStayingRunning() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into job (id, kind, status, owner, params, attempts, instance_id, heartbeat_at)
                values (?1, 'test-count', 'RUNNING', 'leader1', '{}', 3, 'dead', now() - interval '1 hour')""")
                .setParameter(1, id).executeUpdate());
        QuarkusTransaction.requiringNew().call(jobs::reapNow);
        Api.as(Tokens.leader1()).get("/api/v1/jobs/" + id).then().statusCode(200).body("status", equalTo("FAILED"));
    }
}
