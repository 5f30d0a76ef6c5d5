// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.SQLException;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.store.RowMapper;
import org.practicetext.relay.store.Tx;

/**
 * The homes of the relay's rules, checked on its production classes: SQL lives in
 * {@code relay.store}, services refuse with domain refusals and only the HTTP layer knows
 * statuses, and sending does not reach into the webhook package. (The rules between modules are
 * compile-time facts of the Maven build; these are the rules inside the relay module.)
 */
@AnalyzeClasses(packages = "org.practicetext.relay", importOptions = ImportOption.DoNotIncludeTests.class)
class RelayArchitectureTest {
    private static final String STORE = "org.practicetext.relay.store..";
    /** What may answer with an HTTP status itself: the http package, the route classes, and the readers of a request's own shape. */
    private static final String HTTP_LAYER = "org\\.practicetext\\.relay\\.(http\\..*|.*Routes(\\$.*)?|actions\\.RequestInput|actions\\.PatientImport)";

    @ArchTest
    static final ArchRule sqlIsRunOnlyInStore = noClasses()
            .that().resideOutsideOfPackage(STORE)
            .should().callMethod(Tx.class, "update", String.class, Object[].class)
            .orShould().callMethod(Tx.class, "insert", String.class, Object[].class)
            .orShould().callMethod(Tx.class, "query", String.class, RowMapper.class, Object[].class)
            .orShould().callMethod(Tx.class, "queryOne", String.class, RowMapper.class, Object[].class)
            .orShould().callMethod(Tx.class, "connection")
            .because("SQL lives in relay.store, one small class per table group");

    @ArchTest
    static final ArchRule jdbcIsUsedOnlyInStore = noClasses()
            .that().resideOutsideOfPackage(STORE)
            .should().dependOnClassesThat(resideInAPackage("java.sql").and(not(equivalentTo(SQLException.class))))
            .because("only relay.store touches JDBC; other classes may only let an SQLException pass through a transaction");

    @ArchTest
    static final ArchRule storeIsTheBottomLayer = classes()
            .that().resideInAPackage(STORE)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.practicetext..")
                    .or(resideInAnyPackage(STORE, "org.practicetext.core..", "org.practicetext.protocol..", "org.practicetext.jdbc..")))
            .because("storage knows rows and views, not the rules built on them");

    @ArchTest
    static final ArchRule servicesRefuseWithoutHttpStatuses = noClasses()
            .that().haveNameNotMatching(HTTP_LAYER)
            .should().dependOnClassesThat(assignableTo(ApiError.class))
            .because("services throw a Refusal; only relay.http.ErrorHandling turns it into a status");

    @ArchTest
    static final ArchRule refusalsKnowNothingOfTheRelay = classes()
            .that().resideInAPackage("org.practicetext.relay.refusal..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.practicetext..").or(resideInAPackage("org.practicetext.relay.refusal..")))
            .because("every layer may throw a refusal");

    /**
     * The simulated carrier plays Twilio's side toward the relay's own webhooks, so it signs them
     * as Twilio does, with the webhook package's {@code TwilioSignature}: the one other exception.
     */
    private static final String SIMULATED_CARRIER = "org\\.practicetext\\.relay\\.send\\.SimulatedCarrier(\\$.*)?";

    @ArchTest
    static final ArchRule sendingDoesNotReachIntoWebhooks = noClasses()
            .that().resideInAPackage("org.practicetext.relay.send..")
            .and().haveNameNotMatching(SIMULATED_CARRIER)
            .should().dependOnClassesThat().resideInAPackage("org.practicetext.relay.webhook..")
            .because("what send and webhook share (delivery status updates, consent, feed writes) has a home of its own");
}
