// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.UiTasks;

/**
 * The screens cross the FX thread at one seam, view models stay free of nodes, and the frame
 * ({@code ui.shell}) composes the screens, never the other way round.
 */
@AnalyzeClasses(packages = "org.practicetext.desktop.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class UiArchitectureTest {
    @ArchTest
    static final ArchRule onlyTheSeamPostsToTheFxThread = noClasses()
            .that().doNotHaveSimpleName("FxUiTasks")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("background results reach the UI through UiTasks only");

    @ArchTest
    static final ArchRule noThreadsOfTheirOwn = noClasses()
            .that().doNotHaveSimpleName("FxUiTasks")
            .should().callConstructor(Thread.class, Runnable.class)
            .orShould().callMethod(Thread.class, "ofVirtual")
            .orShould().callMethod(Thread.class, "ofPlatform")
            .because("work off the FX thread goes through UiTasks");

    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("view models are tested without a window; views bind to them");

    @ArchTest
    static final ArchRule onlyTheFrameKnowsTheFrame = noClasses()
            .that().resideOutsideOfPackage("org.practicetext.desktop.ui.shell..")
            .should().dependOnClassesThat().resideInAPackage("org.practicetext.desktop.ui.shell..")
            .because("the window's frame composes the screens; a screen reaches what it shares through ui.common");

    @ArchTest
    static final ArchRule theSharedPiecesKnowNoScreen = noClasses()
            .that().resideInAPackage("org.practicetext.desktop.ui.common..")
            .should().dependOnClassesThat().resideInAnyPackage("org.practicetext.desktop.ui.sms..", "org.practicetext.desktop.ui.patients..",
                    "org.practicetext.desktop.ui.settings..", "org.practicetext.desktop.ui.signin..")
            .because("ui.common is what every screen shares, so it cannot lean on one of them");
}
