// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The naming rule of docs/DESKTOP.md, checked: a test that drives a real window (TestFX's
 * {@code ApplicationExtension}, directly or through a base class) is named {@code *UITest}, carries
 * the {@code ui} tag (which puts it under the one-FX-toolkit lock) and lives in the package of the
 * feature it drives; everything else named {@code *Test} stays windowless.
 */
@AnalyzeClasses(packages = "org.practicetext.desktop.ui", importOptions = ImportOption.OnlyIncludeTests.class)
class UiTestNamingTest {
    private static final DescribedPredicate<JavaClass> DRIVES_A_WINDOW = new DescribedPredicate<>("drive a window with TestFX") {
        @Override
        public boolean test(JavaClass javaClass) {
            ExtendWith extensions = javaClass.reflect().getAnnotation(ExtendWith.class);
            return extensions != null && Arrays.asList(extensions.value()).contains(ApplicationExtension.class);
        }
    };

    private static final ArchCondition<JavaClass> TAGGED_UI = new ArchCondition<>("carry the \"ui\" tag") {
        @Override
        public void check(JavaClass javaClass, ConditionEvents events) {
            Tag tag = javaClass.reflect().getAnnotation(Tag.class);
            boolean ok = tag != null && tag.value().equals("ui");
            events.add(new SimpleConditionEvent(javaClass, ok, javaClass.getName() + (ok ? " is" : " is not") + " tagged \"ui\""));
        }
    };

    @ArchTest
    static final ArchRule windowTestsAreNamedUiTest = classes()
            .that(DRIVES_A_WINDOW)
            .should().haveSimpleNameEndingWith("UITest")
            .andShould(TAGGED_UI)
            .because("*Test means no window, *UITest the real one (docs/DESKTOP.md)");

    @ArchTest
    static final ArchRule uiTestsDriveAWindow = classes()
            .that().haveSimpleNameEndingWith("UITest")
            .should(new ArchCondition<>("drive a window with TestFX") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    boolean ok = DRIVES_A_WINDOW.test(javaClass);
                    events.add(new SimpleConditionEvent(javaClass, ok, javaClass.getName() + (ok ? " drives" : " does not drive") + " a window"));
                }
            })
            .because("a windowless test is named *Test and runs in parallel with the others");

    @ArchTest
    static final ArchRule uiTestsLiveWithTheirFeature = classes()
            .that().haveSimpleNameEndingWith("UITest")
            .should().resideOutsideOfPackage("org.practicetext.desktop.ui")
            .because("a window test lives in the package of the feature it drives (shared robot helpers in ui.testing)");
}
