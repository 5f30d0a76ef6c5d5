// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import org.practicetext.desktop.DesktopClient;

/**
 * A robot test of the real window whose client has its requests from memory and keeps every
 * {@code sendRequest} ({@link RequestsDesk}): for the composer's tools and the texting settings
 * until the live requests are on this branch.
 */
public abstract class RequestsWindowUITest extends DeskWindowUITest {
    protected final RequestsDesk requests = new RequestsDesk();

    @Override
    protected DesktopClient client(DesktopClient real) {
        return requests.around(real);
    }
}
