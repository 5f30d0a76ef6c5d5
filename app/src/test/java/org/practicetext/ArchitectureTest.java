// SPDX-License-Identifier: Apache-2.0
package org.practicetext;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules between the parts (docs/decisions/0008-modules.md), checked on the production
 * classes of every module. The module graph already keeps relay and desktop apart at compile
 * time; these rules also cover what a module may not use of its own dependencies.
 */
@AnalyzeClasses(packages = "org.practicetext", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String OURS = "org.practicetext..";
    private static final String CORE = "org.practicetext.core..";
    private static final String PROTOCOL = "org.practicetext.protocol..";
    private static final String RELAY = "org.practicetext.relay..";
    private static final String DESKTOP = "org.practicetext.desktop..";
    private static final String JDBC = "org.practicetext.jdbc..";
    /** The composition root and any nested classes it has. */
    private static final String MAIN = "org\\.practicetext\\.Main(\\$.*)?";

    @ArchTest
    static final ArchRule coreDependsOnNothingElseOfOurs = classes()
            .that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(OURS).or(resideInAPackage(CORE)))
            .because("core is pure domain logic shared by relay and desktop");

    @ArchTest
    static final ArchRule protocolDependsOnlyOnCore = classes()
            .that().resideInAPackage(PROTOCOL)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(OURS).or(resideInAPackage(CORE)).or(resideInAPackage(PROTOCOL)))
            .because("the wire types are shared by relay and desktop");

    @ArchTest
    static final ArchRule relayNeverDependsOnDesktop = noClasses()
            .that().resideInAPackage(RELAY)
            .should().dependOnClassesThat().resideInAPackage(DESKTOP)
            .because("the relay runs on a server without the desktop client")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule desktopNeverDependsOnRelay = noClasses()
            .that().resideInAPackage(DESKTOP)
            .should().dependOnClassesThat().resideInAPackage(RELAY)
            .because("the desktop talks to the relay only over HTTP; only Main sees both")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyDesktopAndMainUseJavaFx = noClasses()
            .that().resideOutsideOfPackage(DESKTOP)
            .and().haveNameNotMatching(MAIN)
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the relay jar ships without JavaFX");

    @ArchTest
    static final ArchRule coreDoesNoDatabaseNetworkOrUiWork = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net..", "javafx..")
            .because("core has no I/O and no UI");

    @ArchTest
    static final ArchRule jdbcDependsOnlyOnTheJdk = classes()
            .that().resideInAPackage(JDBC)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", JDBC)
            .because("the JDBC helper is shared by the relay's store and the desktop's cache, and may depend on neither");
}
