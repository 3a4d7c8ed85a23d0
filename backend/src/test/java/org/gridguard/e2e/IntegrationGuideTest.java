package org.gridguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * docs/integration.md is executable: every ```bash block runs, in order, in one bash process against the real
 * system (packaged API, Keycloak, PostgreSQL). A block that exits non-zero fails the test, and every
 * "# expect: <regex>" line of a block must match that block's output (${VAR} stands for the variable's value).
 * The test prepares what a partner would be given: a round assigned to lab-demo with two sampled tubes, and a
 * webhook receiver on 127.0.0.2 (allowed on test stacks) that stores each request in $GG_WEBHOOK_INBOX.
 */
class IntegrationGuideTest {

    static final Pattern BLOCK = Pattern.compile("(?m)^```bash\\n(.*?)^```", Pattern.DOTALL);
    static final Pattern EXPECT = Pattern.compile("(?m)^# expect: (.*)$");
    static final Pattern VAR = Pattern.compile("\\$\\{(\\w+)}");

    static Path guide() {
        return Path.of(System.getProperty("gridguard.repo.root", ".."), "docs/integration.md").toAbsolutePath().normalize();
    }

    static List<String> blocks(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(markdown);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyExampleOfTheIntegrationGuideRuns() throws Exception {
        List<String> blocks = blocks(Files.readString(guide()));
        assertThat(blocks).as("bash examples in docs/integration.md").hasSizeGreaterThanOrEqualTo(15);

        Map<String, String> vars = prepareRound();
        Path inbox = Files.createTempDirectory("gg-webhook-inbox");
        HttpServer receiver = receiver(inbox);
        try {
            vars.put("GG_WEBHOOK_URL", "http://127.0.0.2:" + receiver.getAddress().getPort() + "/hooks/gridguard");
            vars.put("GG_WEBHOOK_INBOX", inbox.toString());
            vars.put("GG_API_URL", RealSystem.api());
            vars.put("GG_KC_TOKEN_URL", RealSystem.env("GG_KC_TOKEN_URL"));

            StringBuilder script = new StringBuilder("set -euo pipefail\n");
            for (int i = 0; i < blocks.size(); i++) {
                script.append("echo '@@BLOCK ").append(i).append("'\n").append(blocks.get(i)).append('\n');
            }
            script.append("echo '@@END'\n");
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true);
            pb.environment().putAll(vars);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
            System.out.println("--- docs/integration.md, run ---\n" + output);

            String[] parts = output.split("(?m)^@@BLOCK ");
            int last = parts.length - 2;
            assertThat(p.exitValue()).as("docs/integration.md bash block #%d (from 0) failed:\n%s\n--- output ---\n%s", last,
                    last >= 0 && last < blocks.size() ? blocks.get(last) : "?", output).isZero();
            assertThat(output).contains("@@END");
            for (int i = 0; i < blocks.size(); i++) {
                String out = parts[i + 1].substring(parts[i + 1].indexOf('\n') + 1);
                Matcher e = EXPECT.matcher(blocks.get(i));
                while (e.find()) {
                    Pattern expected = Pattern.compile(substitute(e.group(1).strip(), vars), Pattern.MULTILINE);
                    assertThat(expected.matcher(out).find()).as("block #%d:\n%s\nexpected /%s/ in its output:\n%s", i,
                            blocks.get(i), expected, out).isTrue();
                }
            }
        } finally {
            receiver.stop(0);
        }
    }

    static String substitute(String regex, Map<String, String> vars) {
        Matcher m = VAR.matcher(regex);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = vars.getOrDefault(m.group(1), System.getenv(m.group(1)));
            if (v == null) {
                throw new IllegalStateException("unknown variable in an expect line: " + m.group(1));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(Pattern.quote(v)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A round over worker1's cell assigned to lab-demo, in SAMPLING, with tube A (1 person) and tube B (2 people). */
    static Map<String, String> prepareRound() throws Exception {
        UUID cell;
        try (Connection c = RealSystem.db();
                PreparedStatement ps = c.prepareStatement("select id from area_node where code = 'BH-C001-G01'")) {
            ResultSet rs = ps.executeQuery();
            assertThat(rs.next()).isTrue();
            cell = rs.getObject(1, UUID.class);
        }
        String supervisor = RealSystem.password("supervisor");
        String worker = RealSystem.password("worker1");
        String round = RealSystem.as(supervisor).body("""
                {"name":"Guide round %s","scope":["%s"],"roundDate":"2022-04-05","samplingFrom":"2022-04-05T00:00:00Z",
                 "samplingTo":"2032-04-05T12:00:00Z","modes":["CENTRAL"],"poolSize":5,"labs":["lab-demo"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), cell)).post("/api/v1/test-rounds").then()
                .statusCode(201).extract().path("id");
        RealSystem.as(supervisor).header("If-Match", "\"0\"").body("{\"to\":\"SAMPLING\"}")
                .post("/api/v1/test-rounds/" + round + "/transitions").then().statusCode(200);
        List<String> residents = RealSystem.as(worker).queryParam("areaId", cell).queryParam("status", "LIVING")
                .queryParam("limit", 3).get("/api/v1/residents").then().statusCode(200).extract().path("items.id");
        assertThat(residents).hasSize(3);
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String tubeA = "GUIDE-A-" + suffix;
        String tubeB = "GUIDE-B-" + suffix;
        for (int i = 0; i < 3; i++) {
            RealSystem.as(worker).body(Map.of("id", UUID.randomUUID(), "barcode", i == 0 ? tubeA : tubeB, "residentId",
                    residents.get(i))).post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(201);
        }
        return new java.util.HashMap<>(Map.of("GG_ROUND_ID", round, "GG_TUBE_A", tubeA, "GG_TUBE_B", tubeB));
    }

    /** Stores each request as n.body (raw) and n.headers; answers 204. */
    static HttpServer receiver(Path inbox) throws IOException {
        AtomicInteger n = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int i = n.incrementAndGet();
            StringBuilder headers = new StringBuilder();
            ex.getRequestHeaders().forEach((k, v) -> v.forEach(x -> headers.append(canonical(k)).append(": ").append(x).append('\n')));
            Files.writeString(inbox.resolve(i + ".headers.tmp"), headers);
            Files.write(inbox.resolve(i + ".body.tmp"), body);
            Files.move(inbox.resolve(i + ".headers.tmp"), inbox.resolve(i + ".headers"));
            Files.move(inbox.resolve(i + ".body.tmp"), inbox.resolve(i + ".body"));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        return server;
    }

    /** com.sun.net.httpserver capitalises only the first letter ("Gridguard-signature"): restore the sender's case. */
    static String canonical(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("-")) {
            if (sb.length() > 0) {
                sb.append('-');
            }
            sb.append(part.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1).toLowerCase());
        }
        return sb.toString().replace("Gridguard", "GridGuard");
    }
}
