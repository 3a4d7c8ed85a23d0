package org.gridguard.census;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import org.gridguard.security.pii.IdentityRules;

/**
 * Runs last (junit-platform.properties orders classes): scans every log line the application wrote during
 * the whole test run (the %test file handler, target/quarkus-test-run.log) for mainland ID numbers and
 * mobile numbers. The scan checks itself: a canary ID and phone are sent through every personal-data route
 * first; the log must be non-empty and must not contain them.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class LogScanTest {

    static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])");
    static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");

    @Test
    void noIdNumberOrPhoneEverReachesTheLog() throws Exception {
        String canaryId = "43100219770707777";
        canaryId = canaryId + IdentityRules.checkCharacter(canaryId);
        String canaryPhone = "13907350735";
        sendCanary(canaryId, canaryPhone);
        Path log = Path.of("target/quarkus-test-run.log");
        // let the async handlers flush
        Thread.sleep(500);
        assertThat(log).exists();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text.lines().count()).as("the captured log is not empty").isGreaterThan(10);
        assertThat(text).as("the canary ID number").doesNotContain(canaryId).doesNotContain(canaryId.substring(0, 17));
        assertThat(text).as("the canary phone").doesNotContain(canaryPhone);
        assertThat(findings(text, ID)).as("ID numbers in the log").isEmpty();
        assertThat(findings(text, MOBILE)).as("mobile numbers in the log").isEmpty();
    }

    @Test
    void theScannerRecognisesWhatItLooksFor() {
        assertThat(findings("user 11010519491231002X logged", ID)).hasSize(1);
        assertThat(findings("call 13812345678 now", MOBILE)).hasSize(1);
        assertThat(findings("job 1700000000000123 took 13812345678901 ms", MOBILE)).isEmpty();
    }

    static List<String> findings(String text, Pattern p) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            int s = Math.max(0, m.start() - 60);
            out.add(text.substring(s, Math.min(text.length(), m.end() + 20)).replace(m.group(), "<HIT>"));
        }
        return out;
    }

    void sendCanary(String id, String phone) throws Exception {
        String hh = CensusFixtures.newHousehold(Tokens.worker1(), CensusTest.B1);
        String rid = Api.as(Tokens.worker1()).body(Map.of("householdId", hh, "name", "金丝雀", "idNumber", id, "phone", phone))
                .post("/api/v1/residents").then().statusCode(201).extract().path("id");
        Api.as(Tokens.worker1()).body(Map.of("householdId", hh, "name", "金丝雀", "idNumber", id, "phone", phone))
                .post("/api/v1/residents").then().statusCode(409);
        Api.as(Tokens.worker1()).body(Map.of("householdId", hh, "name", "金丝雀", "idNumber", id.substring(0, 17) + "0",
                "phone", phone + "9")).post("/api/v1/residents").then().statusCode(400);
        Api.as(Tokens.worker1()).body(Map.of("idNumber", id)).post("/api/v1/residents/search").then().statusCode(200);
        Api.as(Tokens.worker1()).body(Map.of("phone", phone)).post("/api/v1/residents/search").then().statusCode(200);
        Api.as(Tokens.worker1()).body("{\"idNumber\": \"" + id + "\", \"bogus\": 1}").post("/api/v1/residents/search")
                .then().statusCode(400);
        Api.as(Tokens.leader1()).body(Map.of("fields", List.of("ID_NUMBER", "PHONE"), "reason", "canary"))
                .post("/api/v1/residents/" + rid + "/unmask").then().statusCode(200);
        Api.as(Tokens.supervisor()).body(Map.of("unmask", List.of("ID_NUMBER", "PHONE"), "reason", "canary",
                "areaId", org.gridguard.testsupport.Demo.CELL1.toString())).post("/api/v1/exports/residents").then()
                .statusCode(200);
        String compound = CensusFixtures.name("BH-C001-XQ01");
        byte[] file = CensusFixtures.csv(StandardCharsets.UTF_8, List.of(CensusFixtures.header(),
                List.of(compound, "1栋", "canary-1", "金丝雀", id, phone, ""),
                List.of(compound, "1栋", "canary-2", "金丝雀二", id.substring(0, 17) + "0", phone + "1", "")));
        CensusFixtures.importOk(Tokens.leader1(), file, "canary.csv", null, false);
        try {
            Files.createDirectories(Path.of("target"));
        } catch (IOException ignored) {
            // the log handler creates it
        }
    }
}
