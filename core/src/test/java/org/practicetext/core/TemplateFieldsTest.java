// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateFieldsTest {
    private static final TemplateFields.Values ANNA = new TemplateFields.Values("Anna Smith", "Bright Smile Dental");

    @Test
    void fillsThePatientsNamesAndThePractice() {
        assertThat(TemplateFields.fill("Hi {first name} {last name}, this is {practice name}.", ANNA))
                .isEqualTo("Hi Anna Smith, this is Bright Smile Dental.");
    }

    @Test
    void aPlaceholderMatchesInAnyLetterCase() {
        assertThat(TemplateFields.fill("Hi {First Name}!", ANNA)).isEqualTo("Hi Anna!");
    }

    @Test
    void anUnknownNameLeavesThePlaceholderForThePersonToFix() {
        TemplateFields.Values lead = new TemplateFields.Values(null, "Bright Smile Dental");
        assertThat(TemplateFields.fill("Hi {first name}, thanks for texting {practice name}.", lead))
                .isEqualTo("Hi {first name}, thanks for texting Bright Smile Dental.");
    }

    @Test
    void aSingleNameIsTheFirstNameAndThereIsNoLastName() {
        TemplateFields.Values cher = new TemplateFields.Values("Cher", "Bright Smile Dental");
        assertThat(TemplateFields.fill("{first name} / {last name}", cher)).isEqualTo("Cher / {last name}");
    }

    @Test
    void aMiddleNameIsNeitherFirstNorLast() {
        TemplateFields.Values mary = new TemplateFields.Values("Mary Ann Lee", "Bright Smile Dental");
        assertThat(TemplateFields.fill("{first name} {last name}", mary)).isEqualTo("Mary Lee");
    }

    @Test
    void otherBracesAndDollarSignsAreLeftAlone() {
        assertThat(TemplateFields.fill("Your balance is $85 {due today}.", ANNA)).isEqualTo("Your balance is $85 {due today}.");
    }
}
