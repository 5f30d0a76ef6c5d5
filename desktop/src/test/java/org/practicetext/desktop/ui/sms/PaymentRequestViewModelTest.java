// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestTexts;
import org.practicetext.core.Role;
import org.practicetext.desktop.ui.testing.RequestsDesk;

class PaymentRequestViewModelTest {
    static final RequestTarget MARIA = new RequestTarget(7, 3, 1, "Front Desk", "Maria Garcia", "Maria Garcia");
    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;
    final RequestsDesk desk = new RequestsDesk();
    PaymentRequestViewModel payment;

    @BeforeEach
    void open() {
        payment = new RequestToolsViewModel(desk.windowless(Role.STAFF.permissions()), new SimpleBooleanProperty(true)).payment(MARIA);
    }

    @Test
    void insertWaitsForAnAmountAndWhatItIsFor() {
        assertThat(payment.validProperty().get()).isFalse();
        payment.amountProperty().set("120");
        assertThat(payment.validProperty().get()).isFalse();
        payment.descriptionProperty().set("Crown, visit of Nov 2");
        assertThat(payment.validProperty().get()).isTrue();
    }

    @Test
    void theAmountIsShownInThePracticesCurrencyAndAWrongOneIsExplained() {
        payment.amountProperty().set("1,240.5");
        assertThat(payment.amountShownProperty().get()).isEqualTo("$1,240.50");
        assertThat(payment.amountProblemProperty().get()).isEmpty();
        payment.amountProperty().set("12.345");
        assertThat(payment.amountShownProperty().get()).isEmpty();
        assertThat(payment.amountProblemProperty().get()).isEqualTo("Type an amount such as 120.50: more than zero, at most $999,999.99.");
        payment.amountProperty().set("0");
        assertThat(payment.amountProblemProperty().get()).startsWith("Type an amount");
        payment.amountProperty().set("");
        assertThat(payment.amountProblemProperty().get()).as("nothing typed yet is not an error").isEmpty();
    }

    @Test
    void whatItIsForAndTheReferenceHaveTheirLimits() {
        payment.amountProperty().set("85");
        payment.descriptionProperty().set("x".repeat(81));
        assertThat(payment.descriptionProblemProperty().get()).isEqualTo("At most 80 characters; this is 81.");
        assertThat(payment.validProperty().get()).isFalse();
        payment.descriptionProperty().set("x".repeat(80));
        payment.referenceProperty().set("r".repeat(41));
        assertThat(payment.referenceProblemProperty().get()).isEqualTo("At most 40 characters; this is 41.");
        assertThat(payment.validProperty().get()).isFalse();
        payment.referenceProperty().set("INV-10482");
        assertThat(payment.validProperty().get()).isTrue();
    }

    @Test
    void insertGivesTheOneSegmentTextWithItsLinkAndTheDraft() {
        payment.amountProperty().set("120");
        payment.descriptionProperty().set(" Crown, visit of Nov 2 ");
        payment.referenceProperty().set("INV-10482");
        ComposedRequest request = payment.compose();
        assertThat(request.body()).isEqualTo("Hi Maria, your balance of $120.00 at Bright Smile Dental can be paid here: {link}");
        assertThat(request.kind()).isEqualTo(RequestKind.PAYMENT);
        assertThat(request.draft().amountCents()).isEqualTo(12000L);
        assertThat(request.draft().description()).isEqualTo("Crown, visit of Nov 2");
        assertThat(request.draft().reference()).isEqualTo("INV-10482");
        assertThat(request.draft().repeatAllowed()).isFalse();
        assertThat(request.document()).isNull();
        assertThat(request.chip()).isEqualTo("Payment request · $120.00");
        assertThat(RequestTexts.counted(request.body(), desk.requests.settings.linkBase()).segments()).isEqualTo(1);
    }

    @Test
    void aBlankReferenceIsNone() {
        payment.amountProperty().set("40");
        payment.descriptionProperty().set("Cleaning");
        payment.referenceProperty().set("   ");
        assertThat(payment.compose().draft().reference()).isNull();
    }

    @Test
    void aStatementPdfGoesWithTheRequestAndOtherFilesAreRefused() throws Exception {
        payment.statement().choose(Files.write(temp.resolve("report.docx"), PDF));
        assertThat(payment.statement().problemProperty().get()).isEqualTo("report.docx is not a PDF. Export the document as a PDF first.");
        payment.statement().choose(Files.write(temp.resolve("fake.pdf"), "hello".getBytes(StandardCharsets.US_ASCII)));
        assertThat(payment.statement().problemProperty().get()).isEqualTo("fake.pdf is named .pdf but is not a PDF.");
        assertThat(payment.statement().fileProperty().get()).isNull();
        Path statement = Files.write(temp.resolve("statement.pdf"), PDF);
        payment.statement().choose(statement);
        assertThat(payment.statement().problemProperty().get()).isEmpty();
        assertThat(payment.statement().labelProperty().get()).isEqualTo("statement.pdf · PDF · " + PDF.length + " bytes");
        payment.amountProperty().set("40");
        payment.descriptionProperty().set("Cleaning");
        assertThat(payment.compose().document().source()).isEqualTo(statement);
        assertThat(payment.compose().document().contentType()).isEqualTo("application/pdf");
    }

    @Test
    void aStatementOverTwentyMegabytesIsRefused() throws Exception {
        Path big = temp.resolve("big.pdf");
        try (var out = Files.newOutputStream(big)) {
            out.write(PDF);
            out.write(new byte[20 * 1024 * 1024]);
        }
        payment.statement().choose(big);
        assertThat(payment.statement().problemProperty().get()).isEqualTo("big.pdf is over 20 MB, the most a PDF sent by text can be.");
        assertThat(payment.statement().fileProperty().get()).isNull();
    }
}
