// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The desktop client's core (everything but its future {@code ui} package) runs without JavaFX, so it is tested without a window. */
@AnalyzeClasses(packages = "org.practicetext.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class DesktopArchitectureTest {
    @ArchTest
    static final ArchRule coreHasNoJavaFx = noClasses()
            .that().resideInAPackage("org.practicetext.desktop..")
            .and().resideOutsideOfPackage("org.practicetext.desktop.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("reads, sync and the outbox must work (and be tested) without the UI");
}
