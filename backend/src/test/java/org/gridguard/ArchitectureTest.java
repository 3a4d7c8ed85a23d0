package org.gridguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import java.util.Optional;

import org.gridguard.common.Port;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;

/**
 * The shape of ARCHITECTURE.md and docs/adding-a-feature.md: resources are HTTP only; entities never leave
 * the services; the packages form layers without cycles; a feature uses another only through its ports.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.gridguard");

    /** Shared infrastructure: knows no feature and no security. */
    static final String COMMON = "org.gridguard.common..";
    /** Who the caller is and what they may reach; personal-data protection. */
    static final String SECURITY = "org.gridguard.security..";
    /** What wires the features together: the demo community, the web app's serving and configuration. */
    static final String[] COMPOSITION = { "org.gridguard.demo..", "org.gridguard.web.." };
    /**
     * The product's features and the shared modules they plug into (alert inbox, jobs, webhooks, the delta
     * feed, the area tree): every other top-level package. A new feature is a new package; nothing to list.
     */
    static final List<String> FEATURES = CLASSES.stream().map(JavaClass::getPackageName)
            .filter(p -> p.startsWith("org.gridguard.")).map(p -> p.substring("org.gridguard.".length()).split("\\.")[0])
            .filter(p -> !List.of("common", "security", "demo", "web").contains(p)).distinct().sorted().toList();

    static String[] featurePackages() {
        return FEATURES.stream().map(f -> "org.gridguard." + f + "..").toArray(String[]::new);
    }

    @Test
    void resourcesHoldNoPersistence() {
        noClasses().that().areAnnotatedWith(Path.class).should().dependOnClassesThat()
                .areAssignableTo(EntityManager.class).orShould().dependOnClassesThat()
                .areAssignableTo(PanacheRepositoryBase.class).check(CLASSES);
    }

    @Test
    void resourcesNeverReturnEntities() {
        noMethods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class).should()
                .haveRawReturnType(DescribedPredicate.describe("an entity",
                        (JavaClass c) -> c.isAssignableTo(PanacheEntityBase.class)))
                .check(CLASSES);
    }

    @Test
    void theFeaturesAreFound() {
        org.assertj.core.api.Assertions.assertThat(FEATURES).contains("alert", "area", "census", "duty", "need", "temperature", "testing");
    }

    @Test
    void everyPackageHasItsPlaceInTheLayers() {
        classes().should().resideInAnyPackage(COMMON, SECURITY).orShould().resideInAnyPackage(featurePackages())
                .orShould().resideInAnyPackage(COMPOSITION)
                .because("a new top-level package must be placed in a layer of ArchitectureTest (FEATURES for a feature)")
                .check(CLASSES);
    }

    @Test
    void layersOnlyLookDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Common").definedBy(COMMON)
                .layer("Security").definedBy(SECURITY)
                .layer("Features").definedBy(featurePackages())
                .layer("Composition").definedBy(COMPOSITION)
                .whereLayer("Composition").mayNotBeAccessedByAnyLayer()
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Features", "Composition")
                .whereLayer("Security").mayOnlyBeAccessedByLayers("Features", "Composition")
                .check(CLASSES);
    }

    @Test
    void commonDependsOnNoFeatureAndNoSecurity() {
        noClasses().that().resideInAPackage(COMMON).should().dependOnClassesThat().resideInAnyPackage(featurePackages())
                .orShould().dependOnClassesThat().resideInAnyPackage(SECURITY)
                .orShould().dependOnClassesThat().resideInAnyPackage(COMPOSITION)
                .check(CLASSES);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("org.gridguard.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void featuresUseEachOtherOnlyThroughPorts() {
        classes().that().resideInAnyPackage(featurePackages()).should(useOtherFeaturesOnlyThroughPorts()).check(CLASSES);
    }

    static ArchCondition<JavaClass> useOtherFeaturesOnlyThroughPorts() {
        return new ArchCondition<>("use another feature only through its @Port types") {
            @Override
            public void check(JavaClass from, ConditionEvents events) {
                Optional<String> own = feature(from);
                for (Dependency d : from.getDirectDependenciesFromSelf()) {
                    JavaClass to = d.getTargetClass();
                    Optional<String> theirs = feature(to);
                    if (theirs.isPresent() && !theirs.equals(own) && !isPort(to)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()
                                + ": " + to.getName() + " is not a @Port of " + theirs.get()));
                    }
                }
            }
        };
    }

    static Optional<String> feature(JavaClass c) {
        String p = c.getPackageName();
        return FEATURES.stream().filter(f -> p.equals("org.gridguard." + f) || p.startsWith("org.gridguard." + f + "."))
                .findFirst();
    }

    /** The class, or a class it is nested in, carries {@link Port}. */
    static boolean isPort(JavaClass c) {
        for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
            if (k.get().isAnnotatedWith(Port.class)) {
                return true;
            }
        }
        return c.isArray() && isPort(c.getComponentType());
    }
}
