// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.protocol.ImportReport.Refused;
import org.practicetext.relay.refusal.Refusal;

/**
 * The patients of an import file, checked before anything is stored: a header row names the
 * columns (case, spaces and punctuation do not matter, so "First Name" is first_name), and each
 * later row either becomes a patient or is refused with its line and the reason.
 *
 * <p>When a file has both a mobile (or cell) and a phone column, a row's mobile number is taken
 * first, because only mobiles receive texts; its phone number is the fallback. A phone number
 * that is already on an earlier row is refused, so one patient never overwrites another.
 */
final class PatientRows {
    /** A checked row: {@code phone} is E.164; {@code name}, {@code externalId} and {@code birthDate} may be null. */
    record Patient(int line, String phone, String name, String externalId, java.time.LocalDate birthDate) {
    }

    record Result(List<Patient> patients, List<Refused> refused) {
    }

    enum Column {
        NAME("name", "fullname"),
        FIRST_NAME("firstname"),
        LAST_NAME("lastname"),
        MOBILE("mobile", "mobilephone", "cell", "cellphone"),
        PHONE("phone", "phonenumber"),
        EXTERNAL_ID("externalid", "patientid"),
        /** What a secure link asks the patient for, when the practice asks (ADR 0023). */
        BIRTH_DATE("birthdate", "dateofbirth", "dob", "birthday");

        private final List<String> keys;

        Column(String... keys) {
            this.keys = List.of(keys);
        }
    }

    private final Map<Column, Integer> columns;
    private final int width;
    private final PhoneNumbers phones;
    private final Map<String, Integer> seen = new HashMap<>();
    private final List<Patient> patients = new ArrayList<>();
    private final List<Refused> refused = new ArrayList<>();

    private PatientRows(Map<Column, Integer> columns, int width, PhoneNumbers phones) {
        this.columns = columns;
        this.width = width;
        this.phones = phones;
    }

    /** Checks every row after the header; a header without a phone column refuses the whole file (400). */
    static Result read(List<CsvReader.Row> rows, PhoneNumbers phones) {
        if (rows.isEmpty()) {
            throw Refusal.invalid("The file is empty. Its first row must name the columns, for example: name,phone,external_id");
        }
        List<String> header = rows.getFirst().fields();
        PatientRows reader = new PatientRows(columns(header), header.size(), phones);
        rows.stream().skip(1).filter(row -> !row.isBlank()).forEach(reader::check);
        return new Result(List.copyOf(reader.patients), List.copyOf(reader.refused));
    }

    private static Map<Column, Integer> columns(List<String> header) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            String key = header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            for (Column column : Column.values()) {
                if (column.keys.contains(key)) {
                    Integer before = found.putIfAbsent(column, i);
                    if (before != null) {
                        throw Refusal.invalid("The header row has two " + column.keys.getFirst() + " columns (\""
                                + header.get(before).strip() + "\" and \"" + header.get(i).strip() + "\"); keep one.");
                    }
                }
            }
        }
        if (!found.containsKey(Column.PHONE) && !found.containsKey(Column.MOBILE)) {
            throw Refusal.invalid("The first row must name the columns and include a phone column (phone, mobile or cell); it has: "
                    + header.stream().map(String::strip).collect(Collectors.joining(", ")) + ".");
        }
        return found;
    }

    private void check(CsvReader.Row row) {
        if (row.fields().size() > width) {
            refuse(row, "The row has " + row.fields().size() + " values but the header has " + width
                    + " columns; put a value that contains a comma in double quotes.");
            return;
        }
        String typed = firstPresent(value(row, Column.MOBILE), value(row, Column.PHONE));
        if (typed == null) {
            refuse(row, "No phone number.");
            return;
        }
        String phone;
        String name;
        String externalId;
        java.time.LocalDate birthDate = null;
        try {
            phone = phones.parse(typed).value();
        } catch (InvalidPhoneNumberException e) {
            refuse(row, "Phone \"" + typed + "\": " + e.getMessage());
            return;
        }
        try {
            name = ContactFields.name(firstPresent(value(row, Column.NAME), fullName(row)));
            externalId = ContactFields.externalId(value(row, Column.EXTERNAL_ID));
            String dob = value(row, Column.BIRTH_DATE);
            if (dob != null) {
                birthDate = ContactFields.birthDate(dob);
            }
        } catch (Refusal e) {
            refuse(row, e.getMessage());
            return;
        }
        Integer earlier = seen.putIfAbsent(phone, row.line());
        if (earlier != null) {
            refuse(row, "The phone number " + phone + " is already on line " + earlier + ".");
            return;
        }
        patients.add(new Patient(row.line(), phone, name, externalId, birthDate));
    }

    private String fullName(CsvReader.Row row) {
        String joined = Stream.of(value(row, Column.FIRST_NAME), value(row, Column.LAST_NAME))
                .filter(part -> part != null).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    /** The row's value in that column, stripped; null when the file has no such column or the cell is blank. */
    private String value(CsvReader.Row row, Column column) {
        Integer index = columns.get(column);
        if (index == null || index >= row.fields().size()) {
            return null;
        }
        String value = row.fields().get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private void refuse(CsvReader.Row row, String reason) {
        refused.add(new Refused(row.line(), reason));
    }

    private static String firstPresent(String first, String second) {
        return first != null ? first : second;
    }
}
