// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.IntStream;

/**
 * The desktop client's core (everything but its {@code ui} package) runs without JavaFX, so it is
 * tested without a window; only its {@code net} package talks HTTP; and each feature's part of
 * the client stands on its own (only the session is shared), so a new feature touches its own part.
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

    private static final String[] PARTS = {"org.practicetext.desktop.conversations..", "org.practicetext.desktop.messages..",
            "org.practicetext.desktop.directory..", "org.practicetext.desktop.practice..", "org.practicetext.desktop.media.."};

    private static ArchRule partStandsAlone(int index) {
        String[] others = IntStream.range(0, PARTS.length).filter(i -> i != index).mapToObj(i -> PARTS[i]).toArray(String[]::new);
        return noClasses().that().resideInAPackage(PARTS[index])
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("a feature's part uses the cache, the outbox and the session, not another feature's part");
    }

    @ArchTest
    static final ArchRule conversationsStandAlone = partStandsAlone(0);

    @ArchTest
    static final ArchRule messagesStandAlone = partStandsAlone(1);

    @ArchTest
    static final ArchRule directoryStandsAlone = partStandsAlone(2);

    @ArchTest
    static final ArchRule practiceStandsAlone = partStandsAlone(3);

    @ArchTest
    static final ArchRule mediaStandsAlone = partStandsAlone(4);
}
