package org.gridguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;

/** The shape of ARCHITECTURE.md: resources are HTTP only; entities never leave the services. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.gridguard");

    @Test
    void resourcesHoldNoPersistence() {
        noClasses().that().areAnnotatedWith(Path.class).should().dependOnClassesThat()
                .areAssignableTo(EntityManager.class).orShould().dependOnClassesThat()
                .areAssignableTo(PanacheRepositoryBase.class).check(CLASSES);
    }

    @Test
    void resourcesNeverReturnEntities() {
        noMethods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class).should()
                .haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("an entity",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.isAssignableTo(PanacheEntityBase.class)))
                .check(CLASSES);
    }

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.gridguard.common..").should().dependOnClassesThat()
                .resideInAnyPackage("org.gridguard.area..", "org.gridguard.census..", "org.gridguard.duty..",
                        "org.gridguard.alert..")
                .check(CLASSES);
    }
}
