// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    private static List<List<String>> fields(String text) {
        return CsvReader.read(text).stream().map(CsvReader.Row::fields).toList();
    }

    @Test
    void valuesAreSplitOnCommasAndRecordsOnLineBreaks() {
        assertThat(fields("name,phone\nJane,5551234567\n")).containsExactly(List.of("name", "phone"), List.of("Jane", "5551234567"));
    }

    @Test
    void aQuotedValueKeepsItsCommas() {
        assertThat(fields("\"Doe, Jane\",555")).containsExactly(List.of("Doe, Jane", "555"));
    }

    @Test
    void aDoubledQuoteInsideQuotesIsOneQuote() {
        assertThat(fields("\"Jane \"\"JD\"\" Doe\",555")).containsExactly(List.of("Jane \"JD\" Doe", "555"));
    }

    @Test
    void aLineBreakInsideQuotesStaysInTheValue() {
        assertThat(fields("\"12 Main St\r\nApt 4\",555")).containsExactly(List.of("12 Main St\nApt 4", "555"));
    }

    @Test
    void eachRecordKnowsTheLineItStartsOnAfterAMultiLineValue() {
        List<CsvReader.Row> rows = CsvReader.read("h1,h2\n\"a\nb\nc\",1\nd,2\n");

        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 5);
    }

    @Test
    void crlfAndLoneCrBothEndARecord() {
        assertThat(fields("a,b\r\nc,d\re,f")).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"));
    }

    @Test
    void emptyLinesAreLeftOutButStillCounted() {
        List<CsvReader.Row> rows = CsvReader.read("a\n\n\nb\n\n");

        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 4);
    }

    @Test
    void emptyValuesAreKept() {
        assertThat(fields("a,,c,\n")).containsExactly(List.of("a", "", "c", ""));
    }

    @Test
    void aQuoteInsideAnUnquotedValueIsAnOrdinaryCharacter() {
        assertThat(fields("5\" crown,x")).containsExactly(List.of("5\" crown", "x"));
    }

    @Test
    void spacesBeforeAnOpeningQuoteAreIgnored() {
        assertThat(fields("a, \"b,c\"")).containsExactly(List.of("a", "b,c"));
    }

    @Test
    void aByteOrderMarkIsDropped() {
        assertThat(fields("\uFEFFname,phone")).containsExactly(List.of("name", "phone"));
    }

    @Test
    void aQuotedValueThatIsNeverClosedIsMalformedAtTheLineItOpens() {
        assertThatThrownBy(() -> CsvReader.read("name,phone\nJane,555\n\"Doe, John,555\nAnn,556\n"))
                .isInstanceOfSatisfying(CsvReader.MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("never closed");
    }
}
