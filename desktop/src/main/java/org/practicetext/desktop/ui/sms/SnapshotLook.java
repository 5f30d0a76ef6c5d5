// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;

/**
 * How the SMS page looked when the app closed — the fonts, colours and sizes its style sheets gave
 * the list's cells, the list column and the bars — read from the live nodes and kept in the
 * {@link ListSnapshot}, so the next start paints the same page with plain shapes and text before
 * any style sheet is parsed (ADR 0021). A value the live page did not show (no unread row on screen,
 * say) is simply absent, and the painter falls back to a near value.
 */
public record SnapshotLook(Map<String, String> values) {
    static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** Avatar colours kept: one per palette entry ({@code pt-avatar-0} … {@code pt-avatar-5}). */
    static final int PALETTE = 6;

    public SnapshotLook {
        values = Map.copyOf(values);
    }

    /** No look kept (an older snapshot, or tests of the format): the painter's own defaults. */
    public static SnapshotLook none() {
        return new SnapshotLook(Map.of());
    }

    /** Reads the look of the SMS page under {@code page} as it is rendered now. */
    public static SnapshotLook capture(Parent page) {
        Map<String, String> v = new LinkedHashMap<>();
        one(page, ".pt-sms-page").ifPresent(n -> v.put("page.bg", background(n)));
        one(page, ".pt-conversation-list").ifPresent(n -> {
            v.put("list.bg", background(n));
            v.put("list.width", number(((Region) n).getWidth()));
        });
        one(page, ".pt-list-top").ifPresent(n -> {
            v.put("top.height", number(((Region) n).getHeight()));
            v.put("top.bg", background(n));
            v.put("top.border", borderBottom(n));
            words(n, "top", v);
        });
        one(page, ".pt-menu-bar").ifPresent(n -> {
            v.put("menu.height", number(((Region) n).getHeight()));
            v.put("menu.bg", background(n));
            words(n, "menu", v);
        });
        one(page, ".pt-sms-right").ifPresent(n -> v.put("right.bg", background(n)));
        one(page, ".pt-nav-bar").ifPresent(n -> {
            v.put("nav.height", number(((Region) n).getHeight()));
            v.put("nav.bg", background(n));
            v.put("nav.border", borderTop(n));
            words(n, "nav", v);
        });
        for (Node cell : page.lookupAll(".pt-conversation-cell")) {
            if (!cell.isVisible() || cell.getPseudoClassStates().contains(SELECTED) || ((Region) cell).getHeight() <= 0) {
                continue;
            }
            String state = cell.getPseudoClassStates().contains(UNREAD) ? "unread." : "read.";
            Region r = (Region) cell;
            v.putIfAbsent("cell.height", number(r.getHeight()));
            v.putIfAbsent("cell.padding", insets(r.getPadding()));
            v.putIfAbsent("cell.border", borderBottom(r));
            v.putIfAbsent(state + "cell.bg", background(r));
            text(cell, ".pt-name", state + "name", v);
            text(cell, ".pt-time", state + "time", v);
            text(cell, ".pt-preview", state + "preview", v);
            text(cell, ".pt-unread-count", "badge", v);
            one(cell, ".pt-unread-count").ifPresent(b -> v.putIfAbsent("badge.bg", background(b)));
            one(cell, ".pt-chip-danger").filter(Node::isVisible).ifPresent(c -> {
                text(c, null, "chip", v);
                v.putIfAbsent("chip.bg", background(c));
            });
            one(cell, ".pt-avatar").ifPresent(a -> {
                v.putIfAbsent("avatar.size", number(((Region) a).getWidth()));
                for (int i = 0; i < PALETTE; i++) {
                    if (a.getStyleClass().contains("pt-avatar-" + i)) {
                        v.putIfAbsent("avatar." + i + ".bg", background(a));
                        text(a, ".label", "avatar." + i, v);
                    }
                }
            });
        }
        v.values().removeIf(s -> s == null || s.isEmpty());
        return new SnapshotLook(v);
    }

    /**
     * The words a band shows (menu titles, the list's heading and filter names, the navigation labels, the
     * status line), each as "x|y|font|fill|text" from the band's top left corner, so the snapshot draws them in place.
     */
    public List<Word> words(String band) {
        List<Word> words = new java.util.ArrayList<>();
        for (int i = 0; i < MAX_WORDS; i++) {
            String value = values.get(band + ".word." + i);
            if (value == null) {
                break;
            }
            String[] p = value.split("\\|", 8);
            if (p.length == 8) {
                try {
                    Font font = Font.font(p[2], FontWeight.findByName(p[3]), FontPosture.findByName(p[4]), Double.parseDouble(p[5]));
                    words.add(new Word(Double.parseDouble(p[0]), Double.parseDouble(p[1]), font, parseColor(p[6]), p[7]));
                } catch (IllegalArgumentException e) {
                    // a value this version cannot read is left out, like any look value that is missing
                }
            }
        }
        return words;
    }

    /** One piece of text of a band and where its box's top left corner was. */
    public record Word(double x, double y, Font font, Color fill, String text) {
    }

    /** Words kept per band: more than any band shows. */
    private static final int MAX_WORDS = 40;

    private static void words(Node band, String key, Map<String, String> v) {
        int i = 0;
        for (Node n : band.lookupAll(".text")) {
            if (i == MAX_WORDS) {
                break;
            }
            if (n instanceof javafx.scene.text.Text t && t.getText() != null && !t.getText().isBlank() && showing(t, band)) {
                javafx.geometry.Bounds b = band.sceneToLocal(t.localToScene(t.getLayoutBounds()));
                v.put(key + ".word." + i++, number(b.getMinX()) + "|" + number(b.getMinY()) + "|" + fontSpec(t.getFont()) + "|"
                        + color(t.getFill()) + "|" + t.getText().replace('\n', ' '));
            }
        }
    }

    /**
     * Whether {@code node} and every parent up to {@code band} are visible, and it is not the connection status
     * (stale at the next start) or a count badge (its disc is not drawn).
     */
    private static boolean showing(Node node, Node band) {
        for (Node n = node; n != null && n != band; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() == 0 || n.getStyleClass().contains("pt-status") || n.getStyleClass().contains("pt-badge")) {
                return false;
            }
        }
        return true;
    }

    /** A colour kept under {@code key}, else the first of {@code fallbacks} kept, else {@code otherwise}. */
    public Color color(String key, Color otherwise, String... fallbacks) {
        return first(key, fallbacks).map(SnapshotLook::parseColor).orElse(otherwise);
    }

    /** A font kept under {@code key} ("family|weight|posture|size"), else the fallbacks', else {@code otherwise}. */
    public Font font(String key, Font otherwise, String... fallbacks) {
        return first(key, fallbacks).map(s -> {
            String[] p = s.split("\\|");
            if (p.length != 4) {
                return otherwise;
            }
            return Font.font(p[0], FontWeight.findByName(p[1]), FontPosture.findByName(p[2]), Double.parseDouble(p[3]));
        }).orElse(otherwise);
    }

    /** A size kept under {@code key}, else {@code otherwise}. */
    public double size(String key, double otherwise) {
        return first(key).map(Double::parseDouble).filter(d -> d > 0 && d < 10_000).orElse(otherwise);
    }

    /** Insets kept under {@code key} ("top right bottom left"), else {@code otherwise}. */
    public Insets insets(String key, Insets otherwise) {
        return first(key).map(s -> s.split(" ")).filter(p -> p.length == 4)
                .map(p -> new Insets(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3])))
                .orElse(otherwise);
    }

    private Optional<String> first(String key, String... fallbacks) {
        String value = values.get(key);
        for (int i = 0; value == null && i < fallbacks.length; i++) {
            value = values.get(fallbacks[i]);
        }
        return Optional.ofNullable(value);
    }

    private static Optional<Node> one(Node under, String selector) {
        return Optional.ofNullable(under.lookup(selector));
    }

    private static void text(Node under, String selector, String key, Map<String, String> v) {
        Node n = selector == null ? under : under.lookup(selector);
        if (n instanceof Labeled l && l.isVisible()) {
            v.putIfAbsent(key + ".fill", color(l.getTextFill()));
            Font f = l.getFont();
            // Font.getStyle() is the face's name ("Bold", "Regular", "Bold Italic"); weight and posture are what Font.font takes.
            v.putIfAbsent(key + ".font", fontSpec(f));
        }
    }

    /** "family|weight|posture|size": Font.getStyle() is the face's name ("Bold", "Regular", "Bold Italic"). */
    private static String fontSpec(Font f) {
        String style = f.getStyle().toLowerCase(Locale.ROOT);
        String weight = style.contains("semibold") ? "SEMI_BOLD" : style.contains("bold") ? "BOLD" : "NORMAL";
        String posture = style.contains("italic") || style.contains("oblique") ? "ITALIC" : "REGULAR";
        return f.getFamily() + "|" + weight + "|" + posture + "|" + number(f.getSize());
    }

    /** The colour of the last solid fill of a region's background (the one on top), or "" for none. */
    private static String background(Node n) {
        Background b = n instanceof Region r ? r.getBackground() : null;
        if (b == null) {
            return "";
        }
        List<BackgroundFill> fills = b.getFills();
        for (int i = fills.size() - 1; i >= 0; i--) {
            String c = color(fills.get(i).getFill());
            if (!c.isEmpty()) {
                return c;
            }
        }
        return "";
    }

    private static String borderBottom(Node n) {
        return border(n, false);
    }

    private static String borderTop(Node n) {
        return border(n, true);
    }

    private static String border(Node n, boolean top) {
        Border b = n instanceof Region r ? r.getBorder() : null;
        if (b == null || b.getStrokes().isEmpty()) {
            return "";
        }
        var stroke = b.getStrokes().getLast();
        return color(top ? stroke.getTopStroke() : stroke.getBottomStroke());
    }

    private static String color(Paint p) {
        return p instanceof Color c && c.getOpacity() > 0 ? c.toString() : "";
    }

    private static String insets(Insets i) {
        return number(i.getTop()) + " " + number(i.getRight()) + " " + number(i.getBottom()) + " " + number(i.getLeft());
    }

    private static String number(double d) {
        return Double.toString(Math.round(d * 100) / 100.0);
    }

    private static Color parseColor(String s) {
        try {
            return Color.web(s);
        } catch (IllegalArgumentException e) {
            return Color.TRANSPARENT;
        }
    }
}
