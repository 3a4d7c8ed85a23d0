package org.gridguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The SQL half of "features meet only through ports" (ADR 0024; the Java half is {@link ArchitectureTest}): a
 * feature's SQL names its own tables, the foundation's (the area tree, security's assignments, common's journal
 * and claims), and the views other features publish as their SQL ports ({@code census_resident},
 * {@code census_household}, {@code alert_raised}) — never another feature's tables.
 *
 * <p>A table belongs to the feature its name starts with ({@code duty_shift} → duty, {@code quarantine_order} →
 * quarantine); the tables older than that convention are listed in {@link #LEGACY}. Views are ports by definition.
 */
class SqlOwnershipTest {

    static final Path MAIN = Path.of("src/main/java/org/gridguard");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Tables every feature may name: what every reach and every record stands on. */
    static final Set<String> FOUNDATION = Set.of("area_node", "checkpoint", "assignment", "change_log",
            "idempotency_key", "scheduled_claim");

    /** Tables named before the naming convention, by owner. */
    static final Map<String, String> LEGACY = Map.ofEntries(Map.entry("area_change", "area"),
            Map.entry("job", "job"), Map.entry("alert", "alert"), Map.entry("alert_event", "alert"),
            Map.entry("demo_load", "demo"), Map.entry("household", "census"), Map.entry("resident", "census"),
            Map.entry("household_verification", "census"), Map.entry("pii_audit", "census"),
            Map.entry("import_upload", "census"), Map.entry("watch", "temperature"));

    /** Packages whose SQL may name any table: they wire the features together (the demo community). */
    static final Set<String> COMPOSITION = Set.of("demo", "web");

    static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    static final Pattern CREATE_VIEW = Pattern.compile("(?i)create\\s+(?:or\\s+replace\\s+)?view\\s+([a-z_][a-z0-9_]*)");
    static final Pattern NAMED = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_][a-z0-9_]*)");

    @Test
    void everyFeatureNamesOnlyItsOwnTablesTheFoundationsAndPublishedViews() {
        Set<String> tables = declared(CREATE_TABLE);
        List<String> features = topLevelPackages();
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String feature = MAIN.relativize(file).getName(0).toString();
            if (COMPOSITION.contains(feature)) {
                continue;
            }
            Matcher m = NAMED.matcher(read(file));
            Set<String> seen = new TreeSet<>();
            while (m.find()) {
                String t = m.group(1).toLowerCase();
                if (!tables.contains(t) || FOUNDATION.contains(t) || !seen.add(t)) {
                    continue;
                }
                String owner = owner(t, features).orElse("?");
                if (!owner.equals(feature) && !("security".equals(feature) && FOUNDATION.contains(t))) {
                    violations.add(MAIN.relativize(file) + " names " + t + " (" + owner + "'s table; read its port view instead)");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyTableHasAnOwner() {
        List<String> features = topLevelPackages();
        assertThat(declared(CREATE_TABLE).stream().filter(t -> !FOUNDATION.contains(t) && owner(t, features).isEmpty()))
                .as("a table's name starts with its feature's package name (quarantine_order)").isEmpty();
    }

    @Test
    void thePortViewsExistAndTheRuleSeesTables() {
        assertThat(declared(CREATE_VIEW)).contains("census_resident", "census_household", "alert_raised");
        // the rule would catch the coupling it was written for: temperature reading duty's shifts itself
        assertThat(owner("duty_shift", topLevelPackages())).contains("duty");
        assertThat(owner("resident", topLevelPackages())).contains("census");
        Matcher m = NAMED.matcher("select s.id from duty_shift s join duty_assignee a on a.shift_id = s.id");
        assertThat(m.find() && m.group(1).equals("duty_shift")).isTrue();
    }

    static Optional<String> owner(String table, List<String> features) {
        if (LEGACY.containsKey(table)) {
            return Optional.of(LEGACY.get(table));
        }
        if (table.startsWith("test_")) {
            return Optional.of("testing"); // nucleic-acid tests: test_round, test_tube …
        }
        return features.stream().filter(f -> table.equals(f) || table.startsWith(f + "_")).findFirst(); // need, need_event
    }

    static Set<String> declared(Pattern p) {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(MIGRATIONS)) {
            s.filter(f -> f.toString().endsWith(".sql")).forEach(f -> {
                Matcher m = p.matcher(read(f));
                while (m.find()) {
                    out.add(m.group(1).toLowerCase());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<String> topLevelPackages() {
        try (Stream<Path> s = Files.list(MAIN)) {
            return s.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> javaFiles() {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
