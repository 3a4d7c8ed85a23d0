package org.gridguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generated input for every operation of the contract (issue 26): openapi.yaml is read once, and every operation
 * with a JSON body or query parameters is called with generated strings and dates in one field at a time (NUL and
 * the other C0 controls, lone surrogates, very long strings, SQL/LIKE metacharacters, extreme and malformed dates),
 * the other fields valid where the contract and the demo data allow. No answer may be a 5xx, and every 4xx is
 * application/problem+json. A new endpoint is fuzzed without editing this test.
 *
 * <p>jqwik's generators are sampled from a plain JUnit loop: the jqwik engine does not run Quarkus tests. A failure
 * prints the value sent; gridguard.fuzz.tries sets the generated tries per field (the fixed cases are always sent).
 * It runs late (it writes plenty of rows into the demo community), before the import and log scan tests.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedInputTest {

    static final long SEED = Long.getLong("gridguard.fuzz.seed", 26L);
    static final int TRIES = Integer.getInteger("gridguard.fuzz.tries", 16);
    static final List<String> ROLE_PREFERENCE = List.of("supervisor", "grid-leader", "admin", "grid-worker", "lab", "agency");
    static final Map<String, String> TOKENS = Map.of("supervisor", Tokens.supervisor(), "grid-leader", Tokens.leader1(),
            "admin", Tokens.admin(), "grid-worker", Tokens.worker1(), "lab", Tokens.lab(), "agency", Tokens.agency());

    /** Bodies leave with every non-ASCII character escaped, so a lone surrogate reaches the server as \\uD800. */
    static final ObjectMapper OUT = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    JsonNode api;
    /** Known ids of the demo data by field name ("residentId") and by collection path ("/api/v1/residents"), per role. */
    final Map<String, Map<String, String>> ids = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();
    int calls;
    Random random;

    record Op(String method, String path, JsonNode spec, String role) {
    }

    @BeforeAll
    void readContract() throws Exception {
        Path file = Path.of(System.getProperty("gridguard.repo.root", ".."), "openapi.yaml").normalize();
        api = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void noGeneratedInputAnswers500() {
        random = new Random(SEED);
        List<Op> ops = operations();
        for (String role : ROLE_PREFERENCE) {
            collectIds(role, ops);
        }
        for (Op op : ops) {
            fuzz(op);
        }
        System.out.printf("GeneratedInputTest: %d calls, %d operations, %d failures%n", calls, ops.size(), failures.size());
        failures.stream().limit(200).forEach(f -> System.out.println("  " + f));
        assertThat(failures).as("answers that were 5xx, or 4xx without problem+json").isEmpty();
    }

    // ---------- the contract ----------

    List<Op> operations() {
        List<Op> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = api.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = p.getValue().fields(); m.hasNext();) {
                Map.Entry<String, JsonNode> o = m.next();
                String role = role(o.getValue());
                if (role != null) {
                    out.add(new Op(o.getKey().toUpperCase(java.util.Locale.ROOT), p.getKey(), o.getValue(), role));
                }
            }
        }
        return out;
    }

    static String role(JsonNode op) {
        List<String> allowed = new ArrayList<>();
        for (JsonNode s : op.path("security")) {
            s.path("keycloak").forEach(r -> allowed.add(r.asText()));
        }
        return ROLE_PREFERENCE.stream().filter(allowed::contains).findFirst().orElse(null);
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = api.at(ref.substring(1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(s.get("allOf").get(0));
        }
        if (s.has("oneOf") && !s.get("oneOf").isEmpty()) {
            return resolve(s.get("oneOf").get(0));
        }
        return s;
    }

    static JsonNode jsonBody(JsonNode op) {
        return op.path("requestBody").path("content").path("application/json").path("schema");
    }

    static List<JsonNode> params(JsonNode op, String in) {
        List<JsonNode> out = new ArrayList<>();
        op.path("parameters").forEach(p -> {
            if (in.equals(p.path("in").asText())) {
                out.add(p);
            }
        });
        return out;
    }

    // ---------- known ids: the demo data, read through the list operations ----------

    void collectIds(String role, List<Op> ops) {
        Map<String, String> known = ids.computeIfAbsent(role, r -> new LinkedHashMap<>());
        for (int pass = 0; pass < 2; pass++) {
            for (Op op : ops) {
                if (!op.method().equals("GET") || !allows(op, role)) {
                    continue;
                }
                String url = fill(op.path(), role);
                if (url == null) {
                    continue;
                }
                Response r = RestAssured.given().auth().oauth2(TOKENS.get(role)).accept("application/json")
                        .queryParam("limit", 20).get(url);
                if (r.statusCode() >= 500) { // a plain read of the demo data, nothing generated: never a 5xx either
                    failures.add(r.statusCode() + " GET " + url + " as " + role + " (reading the demo data)");
                }
                if (r.statusCode() != 200 || !String.valueOf(r.contentType()).startsWith("application/json")) {
                    continue;
                }
                JsonNode body;
                try {
                    body = OUT.readTree(r.asByteArray());
                } catch (java.io.IOException e) {
                    continue;
                }
                JsonNode items = body.has("items") ? body.get("items") : body;
                if (items.isArray() && !items.isEmpty() && items.get(0).has("id")) {
                    known.putIfAbsent(op.path(), items.get(0).get("id").asText());
                }
                harvest(body, known);
            }
        }
    }

    static boolean allows(Op op, String role) {
        for (JsonNode s : op.spec().path("security")) {
            for (JsonNode r : s.path("keycloak")) {
                if (r.asText().equals(role)) {
                    return true;
                }
            }
        }
        return false;
    }

    static void harvest(JsonNode n, Map<String, String> known) {
        if (n.isObject()) {
            n.fields().forEachRemaining(f -> {
                if (f.getKey().endsWith("Id") && f.getValue().isTextual()) {
                    known.putIfAbsent(f.getKey(), f.getValue().asText());
                } else {
                    harvest(f.getValue(), known);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> harvest(c, known));
        }
    }

    /** The path with its parameters filled from the known ids, or null when one is unknown. */
    String fill(String path, String role) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        int last = 0;
        while (m.find()) {
            String before = path.substring(0, m.start()).replaceAll("/$", "");
            String id = idFor(m.group(1), before, role);
            if (id == null) {
                return null;
            }
            out.append(path, last, m.start()).append(id);
            last = m.end();
        }
        return out.append(path.substring(last)).toString();
    }

    String idFor(String name, String collection, String role) {
        for (String r : List.of(role, "supervisor", "admin")) {
            Map<String, String> known = ids.getOrDefault(r, Map.of());
            String v = name.equals("id") ? known.get(collection) : known.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    // ---------- a valid-looking body, from the schema ----------

    JsonNode valid(JsonNode schema, String name, String role, int depth) {
        JsonNode s = resolve(schema);
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (s.has("examples") && s.get("examples").isArray() && !s.get("examples").isEmpty() && !"object".equals(s.path("type").asText())) {
            return s.get("examples").get(0);
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").isArray() ? s.path("type").get(0).asText() : s.path("type").asText();
        switch (type) {
            case "object": {
                ObjectNode o = f.objectNode();
                if (depth > 4) {
                    return o;
                }
                List<String> required = new ArrayList<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                s.path("properties").fields().forEachRemaining(p -> {
                    boolean knownId = p.getKey().endsWith("Id") && idFor(p.getKey(), "", role) != null;
                    if (required.contains(p.getKey()) || knownId) {
                        o.set(p.getKey(), valid(p.getValue(), p.getKey(), role, depth + 1));
                    }
                });
                return o;
            }
            case "array": {
                ArrayNode a = f.arrayNode();
                a.add(valid(s.path("items"), name, role, depth + 1));
                return a;
            }
            case "integer":
                return f.numberNode(1);
            case "number":
                return f.numberNode(36.5);
            case "boolean":
                return f.booleanNode(false);
            default:
                return f.textNode(validText(s, name, role));
        }
    }

    String validText(JsonNode s, String name, String role) {
        String format = s.path("format").asText();
        if (format.equals("uuid")) {
            String id = idFor(name, "", role);
            return id != null ? id : UUID.randomUUID().toString();
        }
        if (format.equals("date")) {
            return LocalDate.now(ZoneOffset.ofHours(8)).toString();
        }
        if (format.equals("date-time")) {
            return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).withNano(0).toString();
        }
        return "fuzz " + Integer.toString(random.nextInt(1_000_000), 36);
    }

    // ---------- the generated values ----------

    /** Strings: controls, lone surrogates, SQL/LIKE metacharacters, CJK, long ones. */
    static Arbitrary<String> strings() {
        Arbitrary<String> mixed = Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars("%_\\'\"; -*/")
                .withCharRange('a', 'z').withCharRange('\u4e00', '\u4e20').withCharRange('\ud800', '\udfff')
                .ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(3)
                .map(c -> "ab" + c + "cd");
        Arbitrary<String> sql = Arbitraries.of("%", "_", "\\", "'", "%_\\", "x\\", "' OR 1=1 --", "\\%", "[a-", "a'b", "%%%%");
        Arbitrary<String> longOnes = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(200).ofMaxLength(5000);
        return Arbitraries.oneOf(mixed, controls, sql, longOnes);
    }

    /** Dates and date-times: extreme years, malformed ones, and ordinary ones. */
    static Arbitrary<String> dates(boolean withTime) {
        Arbitrary<Integer> years = Arbitraries.oneOf(Arbitraries.integers().between(-999_999_999, 999_999_999),
                Arbitraries.of(-999_999_999, 999_999_999, 0, 1, 1899, 1900, 1970, 2100, 2101, 9999, 10000),
                Arbitraries.integers().between(1990, 2040));
        Arbitrary<String> wellFormed = years.map(y -> {
            String yy = y > 9999 ? "+" + y : y < 0 ? "-" + String.format("%04d", -y) : String.format("%04d", y);
            return yy + "-01-01" + (withTime ? "T00:00:00Z" : "");
        });
        Arbitrary<String> malformed = Arbitraries.of("2024-02-30", "2024-13-01", "2024-1-1", "", " ", "now", "0000-00-00",
                "2024-06-01T25:00:00Z", "2024-06-01T00:00:00+25:00", "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "2024-06-01\u0000",
                "2024-06-01T00:00:00", "99999-01-01", "1e10");
        return Arbitraries.oneOf(wellFormed, malformed);
    }

    /** TRIES values of a jqwik arbitrary, sampled outside a property (a failure names the value sent). */
    static List<String> sample(Arbitrary<String> a) {
        return a.sampleStream().limit(TRIES).toList();
    }

    /** A few tries of each kind for a field of this schema. */
    List<JsonNode> tries(JsonNode schema, long seed) {
        JsonNode s = resolve(schema);
        String type = s.path("type").isArray() ? s.path("type").get(0).asText() : s.path("type").asText();
        String format = s.path("format").asText();
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<String> texts = new ArrayList<>(List.of("a\u0000b", "\u0000", "\ud800", "x\udc00y", "\u001f", "%", "_", "\\",
                "'", "-999999999-01-01T00:00:00Z"));
        Random r = new Random(seed);
        if (format.equals("date") || format.equals("date-time")) {
            texts.addAll(sample(dates(format.equals("date-time"))));
        } else if (type.equals("string") && !s.has("enum") && !format.equals("uuid")) {
            texts.addAll(sample(strings()));
        }
        List<JsonNode> out = texts.stream().map(f::textNode).collect(Collectors.toCollection(ArrayList::new));
        if (!type.equals("string") || s.has("enum")) {
            out.add(f.numberNode(-1));
            out.add(f.numberNode(new java.math.BigDecimal("1e400")));
            out.add(f.numberNode(Long.MAX_VALUE));
            out.add(f.nullNode());
        }
        java.util.Collections.shuffle(out, r);
        return out;
    }

    // ---------- one operation ----------

    void fuzz(Op op) {
        String url = fill(op.path(), op.role());
        if (url == null) {
            url = op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }
        JsonNode bodySchema = jsonBody(op.spec());
        List<JsonNode> query = params(op.spec(), "query");
        long seed = SEED ^ op.path().hashCode() ^ op.method().hashCode();
        for (JsonNode q : query) {
            String name = q.path("name").asText();
            for (JsonNode v : tries(q.path("schema"), seed ^ name.hashCode())) {
                if (!v.isNull()) {
                    // at most 1,000 characters: Vert.x's HTTP codec answers a request line over 4 KiB with a plain 414
                    // before the application sees it (bodies get the long strings)
                    String text = v.asText().length() > 1000 ? v.asText().substring(0, 1000) : v.asText();
                    call(op, url + "?" + encode(name) + "=" + encode(text), null, name);
                }
            }
        }
        if (bodySchema.isMissingNode()) {
            return;
        }
        JsonNode base = valid(bodySchema, "", op.role(), 0);
        List<List<Object>> leaves = new ArrayList<>();
        leaves(resolve(bodySchema), new ArrayList<>(), leaves, 0);
        for (List<Object> leaf : leaves) {
            JsonNode schema = (JsonNode) leaf.get(leaf.size() - 1);
            List<Object> path = leaf.subList(0, leaf.size() - 1);
            for (JsonNode v : tries(schema, seed ^ path.hashCode())) {
                JsonNode body = base.deepCopy();
                if (set(body, path, v, op.role())) {
                    call(op, url, body, path.stream().map(String::valueOf).collect(Collectors.joining(".")));
                }
            }
        }
    }

    /** Every leaf field of a schema: its path (names and array index 0) followed by its schema. */
    void leaves(JsonNode s, List<Object> path, List<List<Object>> out, int depth) {
        if (depth > 4) {
            return;
        }
        String type = s.path("type").asText();
        if (type.equals("object") || s.has("properties")) {
            s.path("properties").fields().forEachRemaining(p -> {
                List<Object> next = new ArrayList<>(path);
                next.add(p.getKey());
                leaves(resolve(p.getValue()), next, out, depth + 1);
            });
        } else if (type.equals("array")) {
            List<Object> next = new ArrayList<>(path);
            next.add(0);
            leaves(resolve(s.path("items")), next, out, depth + 1);
        } else {
            List<Object> leaf = new ArrayList<>(path);
            leaf.add(s);
            out.add(leaf);
        }
    }

    /** Sets the value at the path, making the objects and arrays on the way. */
    boolean set(JsonNode root, List<Object> path, JsonNode value, String role) {
        if (path.isEmpty()) {
            return false;
        }
        JsonNode n = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object k = path.get(i);
            boolean nextIsIndex = path.get(i + 1) instanceof Integer;
            Function<Void, JsonNode> make = x -> nextIsIndex ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
            if (k instanceof Integer) {
                ArrayNode a = (ArrayNode) n;
                if (a.isEmpty() || !(a.get(0).isContainerNode())) {
                    a.removeAll();
                    a.add(make.apply(null));
                }
                n = a.get(0);
            } else {
                if (!(n instanceof ObjectNode o)) {
                    return false;
                }
                if (!o.path((String) k).isContainerNode()) {
                    o.set((String) k, make.apply(null));
                }
                n = o.get((String) k);
            }
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer) {
            if (!(n instanceof ArrayNode a)) {
                return false;
            }
            a.removeAll();
            a.add(value);
        } else {
            if (!(n instanceof ObjectNode o)) {
                return false;
            }
            o.set((String) last, value);
        }
        return true;
    }

    void call(Op op, String url, JsonNode body, String field) {
        calls++;
        io.restassured.specification.RequestSpecification req = RestAssured.given().urlEncodingEnabled(false)
                .auth().oauth2(TOKENS.get(op.role())).accept("application/json");
        if (body != null) {
            try {
                req = req.contentType("application/json").body(OUT.writeValueAsBytes(body));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        Response r = req.request(op.method(), url);
        int status = r.statusCode();
        String type = String.valueOf(r.contentType());
        if (status >= 500 || status >= 400 && !type.startsWith("application/problem+json")) {
            String sent = body == null ? url.substring(url.indexOf('?') + 1) : String.valueOf(at(body, field));
            failures.add(status + " " + op.method() + " " + op.path() + " field " + field + " = "
                    + (sent.length() > 80 ? sent.substring(0, 80) + "…" : sent) + " [" + type + "]");
        }
    }

    static JsonNode at(JsonNode body, String field) {
        JsonNode n = body;
        for (String k : field.split("\\.")) {
            n = k.matches("\\d+") ? n.path(Integer.parseInt(k)) : n.path(k);
        }
        try {
            return JsonNodeFactory.instance.textNode(OUT.writeValueAsString(n));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return n;
        }
    }

    /** Percent-encodes every UTF-16 unit's bytes; a lone surrogate goes as its three-byte form, as a broken client sends it. */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[] { (byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F)) };
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                int u = b & 0xFF;
                if (u < 0x80 && (Character.isLetterOrDigit(u) || "-._~".indexOf(u) >= 0)) {
                    sb.append((char) u);
                } else {
                    sb.append('%').append(String.format("%02X", u));
                }
            }
        }
        return sb.toString();
    }
}
