// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.ui.testing.DemoDesk;
import org.practicetext.protocol.ImportReport;

class PatientsViewModelTest {
    DemoDesk desk;
    PatientsViewModel patients;

    @BeforeEach
    void signIn() {
        desk = DemoDesk.as("jordan");
        patients = new PatientsViewModel(desk.session);
    }

    @AfterEach
    void close() throws Exception {
        desk.close();
    }

    @Test
    void theDirectoryListsPatientsAndLeadsWithTheirMarks() {
        assertThat(patients.contacts()).extracting(ContactRow::displayName).contains("Anna Smith", "Robert Chen");
        assertThat(patients.contacts()).filteredOn(c -> c.displayName().equals("Robert Chen")).allMatch(ContactRow::optedOut);
        assertThat(patients.contacts()).anyMatch(c -> "lead".equals(c.kind()));
    }

    @Test
    void searchNarrowsTheDirectory() {
        patients.searchProperty().set("marcus");
        assertThat(patients.contacts()).extracting(ContactRow::displayName).containsExactly("Marcus Johnson");
    }

    @Test
    void aCsvImportReportsWhatItDid(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("patients.csv");
        Files.writeString(csv, "name,phone\nNora Quinn,(555) 300-1122\nBad Row,12\n");
        patients.importCsv(csv);
        desk.await("report", () -> !patients.importingProperty().get());
        assertThat(patients.importReportProperty().get()).startsWith("1 patient added, 0 updated, 0 unchanged, 1 refused:").contains("\n• Line 3: ");
        desk.await("Nora listed", () -> patients.contacts().stream().anyMatch(c -> "Nora Quinn".equals(c.name())));
    }

    @Test
    void aSecondImportOfTheSameFileShowsItsPatientsAsUnchanged(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("patients.csv");
        Files.writeString(csv, "name,phone\nNora Quinn,(555) 300-1122\nOwen Park,(555) 300-1133\n");
        patients.importCsv(csv);
        desk.await("first report", () -> !patients.importingProperty().get());
        assertThat(patients.importReportProperty().get()).isEqualTo("2 patients added, 0 updated, 0 unchanged, none refused.");

        patients.importCsv(csv);
        desk.await("second report", () -> !patients.importingProperty().get());

        assertThat(patients.importReportProperty().get()).isEqualTo("0 patients added, 0 updated, 2 unchanged, none refused.");
    }

    @Test
    void theReportListsEachRefusedRow() {
        assertThat(PatientsViewModel.describe(new ImportReport(2, 1, 4, List.of(new ImportReport.Refused(3, "The number is too short.")))))
                .isEqualTo("2 patients added, 1 updated, 4 unchanged, 1 refused:\n• Line 3: The number is too short.");
        assertThat(PatientsViewModel.describe(new ImportReport(0, 0, 0, List.of()))).isEqualTo("0 patients added, 0 updated, 0 unchanged, none refused.");
    }
}
