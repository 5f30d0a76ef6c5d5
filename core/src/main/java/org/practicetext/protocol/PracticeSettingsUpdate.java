// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.util.List;

/**
 * Body of {@link Endpoints#SETTINGS_UPDATE}: every field that is not null replaces the practice's
 * (a list replaces the whole list). A form with an {@code id} keeps it (its requests keep naming
 * it); one without is new; a form left out is retired from the library, not deleted.
 */
public record PracticeSettingsUpdate(
        String displayName,
        PracticeSettingsView.Features features,
        String reviewUrl,
        List<PracticeSettingsView.ReviewLink> reviewLinks,
        Integer reviewRepeatDays,
        List<FormInput> forms,
        PracticeSettingsView.LinkDays linkDays,
        Boolean linksAskBirthDate,
        PracticeSettingsView.Privacy privacy) {

    /** A form as an admin edits it; {@code id} null for a new one. */
    public record FormInput(Long id, String name, String url) {
    }
}
