package org.gridguard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The benchmark baselines (a bare insert endpoint with no auth, an "auth off" header switch) live in
 * {@code backend/src/bench} and are compiled only by the Maven profile {@code bench} into {@code target-bench/}.
 * The normal build, which is what {@code ./mvnw package} ships, must not contain them. (bench/temperature/run.sh
 * also checks the packaged {@code target/quarkus-app} jars entry by entry before every benchmark.)
 */
class BenchBuildIsolationTest {

    @Test
    void theProductBuildHasNoBenchClass() throws IOException {
        assertThatThrownBy(() -> Class.forName("org.gridguard.bench.BareInsertResource"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.gridguard.bench.BenchAuth"))
                .isInstanceOf(ClassNotFoundException.class);
        Path classes = Path.of("target/classes");
        assertThat(classes.resolve("org/gridguard")).isDirectory();
        try (Stream<Path> all = Files.walk(classes)) {
            assertThat(all.map(p -> classes.relativize(p).toString().replace('\\', '/')))
                    .noneMatch(p -> p.startsWith("org/gridguard/bench"));
        }
    }

    @Test
    void theBenchSourcesExistOnlyOutsideTheMainSourceTree() {
        // the classes the benchmark relies on are where only -Pbench compiles them
        assertThat(Path.of("src/bench/java/org/gridguard/bench/BareInsertResource.java")).isRegularFile();
        assertThat(Path.of("src/bench/java/org/gridguard/bench/BenchAuth.java")).isRegularFile();
        assertThat(Path.of("src/main/java/org/gridguard/bench")).doesNotExist();
    }
}
