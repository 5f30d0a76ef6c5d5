// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.ui.testing.DemoDesk;
import org.practicetext.protocol.ConsentRecordView;

/**
 * Settings → Opted Out Patients → the audit exports against the demo relay: the record of a date
 * range and the current list, as the relay's CSV saved where the admin chose, matching the
 * records the feed brought; a range the wrong way round, offline and a role that may not.
 */
class OptedOutExportTest {
    @TempDir
    Path temp;
    DemoDesk desk;

    @AfterEach
    void close() throws Exception {
        if (desk != null) {
            desk.close();
        }
    }

    private static String read(Path file) throws java.io.IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Every consent record the desk's feed brought, over all conversations it has. */
    private List<ConsentRecordView> cachedRecords() {
        return desk.client.conversations().conversations(org.practicetext.core.ConversationFilter.defaults()
                .withStatus(org.practicetext.core.ConversationFilter.Status.ALL), 100).stream()
                .flatMap(c -> desk.client.directory().consentLines(c.id()).stream()).distinct().toList();
    }

    @Test
    void theRecordOfTheLastTwelveMonthsIsEveryRecordTheFeedBroughtOneRowEach() throws Exception {
        desk = DemoDesk.as("alex");
        OptedOutViewModel model = new OptedOutViewModel(desk.session);
        assertThat(model.canExport()).isTrue();
        assertThat(model.toProperty().get()).isEqualTo(desk.session.times().today());
        assertThat(model.fromProperty().get()).isEqualTo(desk.session.times().today().minusMonths(12));
        Path file = temp.resolve(model.recordFileName());

        model.exportRecord(file);

        assertThat(model.exportFailedProperty().get()).as(model.exportMessageProperty().get()).isFalse();
        assertThat(model.exportMessageProperty().get()).isEqualTo("Saved " + file.getFileName() + ".");
        String csv = read(file);
        List<ConsentRecordView> fed = cachedRecords();
        assertThat(fed).hasSize(2); // the demo: Robert's STOP, the blocked lead
        List<String> rows = csv.lines().skip(1).toList();
        assertThat(rows).hasSize(fed.size());
        for (ConsentRecordView r : fed) {
            assertThat(rows).anyMatch(row -> row.startsWith(r.id() + ",") && row.contains(r.change().wire()) && row.contains(r.source().wire()));
        }
        assertThat(csv).contains("Stop.").contains("Spam: a prize scam, not a patient");
        assertThat(Files.list(temp).map(p -> p.getFileName().toString()).toList()).as("no partial file left").containsExactly(file.getFileName().toString());
    }

    @Test
    void aRangeBeforeAnyRecordHasOnlyTheHeaderAndOneTheWrongWayRoundIsRefusedHere() throws Exception {
        desk = DemoDesk.as("alex");
        OptedOutViewModel model = new OptedOutViewModel(desk.session);
        model.fromProperty().set(desk.session.times().today().minusYears(3));
        model.toProperty().set(desk.session.times().today().minusYears(2));
        Path file = temp.resolve("old.csv");
        model.exportRecord(file);
        assertThat(read(file).lines().toList()).hasSize(1);

        model.fromProperty().set(desk.session.times().today());
        model.toProperty().set(desk.session.times().today().minusDays(1));
        assertThat(model.rangeProblem()).isEqualTo("The first day is after the last day.");
        model.exportRecord(temp.resolve("wrong.csv"));
        assertThat(model.exportFailedProperty().get()).isTrue();
        assertThat(model.exportMessageProperty().get()).isEqualTo("The first day is after the last day.");
        assertThat(temp.resolve("wrong.csv")).doesNotExist();
    }

    @Test
    void theListIsWhoCannotBeTextedNow() throws Exception {
        desk = DemoDesk.as("alex");
        OptedOutViewModel model = new OptedOutViewModel(desk.session);
        Path file = temp.resolve(model.listFileName());

        model.exportList(file);

        String csv = read(file);
        assertThat(csv.lines().skip(1).toList()).hasSize(2);
        ContactRow robert = desk.client.directory().optedOut("").getFirst();
        assertThat(csv).contains(robert.phone()).contains("Robert Chen").contains("+15552009999");
    }

    @Test
    void offlineTheExportSaysItNeedsTheRelayAndWritesNothing() throws Exception {
        desk = DemoDesk.as("alex");
        OptedOutViewModel model = new OptedOutViewModel(desk.session);
        desk.stopRelay();
        Path file = temp.resolve("offline.csv");
        Files.writeString(file, "an earlier export");

        model.exportList(file);

        assertThat(model.exportFailedProperty().get()).isTrue();
        assertThat(model.exportMessageProperty().get()).isEqualTo(OptedOutViewModel.OFFLINE);
        assertThat(read(file)).as("the earlier file is kept").isEqualTo("an earlier export");
        assertThat(Files.list(temp).count()).isEqualTo(1);
    }

    @Test
    void staffMayNotExport() throws Exception {
        desk = DemoDesk.as("jordan");
        OptedOutViewModel model = new OptedOutViewModel(desk.session);
        assertThat(model.canExport()).isFalse();
        model.exportList(temp.resolve("list.csv"));
        assertThat(temp.resolve("list.csv")).doesNotExist();
    }
}
