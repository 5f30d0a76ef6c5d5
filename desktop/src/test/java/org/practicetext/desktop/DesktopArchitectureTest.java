// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The desktop client's core (everything but its future {@code ui} package) runs without JavaFX, so
 * it is tested without a window; and only its {@code net} package talks HTTP.
 */
@AnalyzeClasses(packages = "org.practicetext.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class DesktopArchitectureTest {
    @ArchTest
    static final ArchRule coreHasNoJavaFx = noClasses()
            .that().resideInAPackage("org.practicetext.desktop..")
            .and().resideOutsideOfPackage("org.practicetext.desktop.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("reads, sync and the outbox must work (and be tested) without the UI");

    /**
     * Every request goes through {@code net.RelayApi}, which takes only protocol {@code Endpoint}s;
     * only {@code Endpoints} can make one, and the relay's RouteTableTest checks that it serves
     * each of them with the same method. So every path the desktop calls is a route of the relay.
     */
    @ArchTest
    static final ArchRule onlyNetSpeaksHttp = noClasses()
            .that().resideInAPackage("org.practicetext.desktop..")
            .and().resideOutsideOfPackage("org.practicetext.desktop.net..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "java.net.http..")
            .because("a path written by hand elsewhere would bypass the protocol's Endpoints");
}
