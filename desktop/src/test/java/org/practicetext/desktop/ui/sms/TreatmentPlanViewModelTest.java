// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.RequestKind;
import org.practicetext.core.Role;
import org.practicetext.desktop.ui.testing.RequestsDesk;

class TreatmentPlanViewModelTest {
    @TempDir
    Path temp;
    final RequestsDesk desk = new RequestsDesk();
    TreatmentPlanViewModel plan;

    @BeforeEach
    void open() {
        plan = new RequestToolsViewModel(desk.windowless(Role.STAFF.permissions()), new SimpleBooleanProperty(true)).treatmentPlan(PaymentRequestViewModelTest.MARIA);
    }

    @Test
    void thePlanPdfIsRequired() throws Exception {
        plan.totalProperty().set("2400");
        assertThat(plan.validProperty().get()).isFalse();
        plan.plan().choose(Files.write(temp.resolve("plan.pdf"), PaymentRequestViewModelTest.PDF));
        assertThat(plan.validProperty().get()).isTrue();
        plan.plan().clear();
        assertThat(plan.validProperty().get()).isFalse();
    }

    @Test
    void theTotalAndTitleAreOptionalButAWrongTotalIsExplained() throws Exception {
        plan.plan().choose(Files.write(temp.resolve("plan.pdf"), PaymentRequestViewModelTest.PDF));
        assertThat(plan.validProperty().get()).isTrue();
        plan.totalProperty().set("two thousand");
        assertThat(plan.totalProblemProperty().get()).isEqualTo("Type a total such as 2400.00, or leave it empty.");
        assertThat(plan.validProperty().get()).isFalse();
        plan.totalProperty().set("2,400");
        assertThat(plan.totalShownProperty().get()).isEqualTo("$2,400.00");
        assertThat(plan.validProperty().get()).isTrue();
    }

    @Test
    void insertGivesThePlanItsTotalAndTitle() throws Exception {
        Path pdf = Files.write(temp.resolve("implant-plan.pdf"), PaymentRequestViewModelTest.PDF);
        plan.plan().choose(pdf);
        ComposedRequest without = plan.compose();
        assertThat(without.draft().amountCents()).isNull();
        assertThat(without.draft().description()).isNull();
        assertThat(without.chip()).isEqualTo("Treatment plan · implant-plan.pdf");
        plan.totalProperty().set("2400");
        plan.titleProperty().set("Implant, lower left");
        ComposedRequest request = plan.compose();
        assertThat(request.kind()).isEqualTo(RequestKind.TREATMENT_PLAN);
        assertThat(request.body()).isEqualTo("Hi Maria, your treatment plan from Bright Smile Dental is ready: {link}");
        assertThat(request.draft().amountCents()).isEqualTo(240000L);
        assertThat(request.draft().description()).isEqualTo("Implant, lower left");
        assertThat(request.document().source()).isEqualTo(pdf);
        assertThat(request.chip()).isEqualTo("Treatment plan · $2,400.00");
    }
}
