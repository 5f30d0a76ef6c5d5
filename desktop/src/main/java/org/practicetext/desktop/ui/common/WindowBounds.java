// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

/**
 * A window's bounds in screen coordinates, and whether it is maximised; when it is, the bounds
 * are the ones it restores to (so un-maximising after a restart gives the user's own size back).
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
}
