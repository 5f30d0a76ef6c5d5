// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The SMS page as the last run left it, painted from a {@link ListSnapshot} while the cache opens:
 * the menu and navigation bars' bands, the list column with its rows (avatar, name, time,
 * preview, unread count, opted-out and blocked marks) in the fonts and colours the live page had
 * ({@link SnapshotLook}), nothing live behind them. Only shapes and text: no control and no style
 * sheet, so it paints with what an empty window needs plus the text (ADR 0021). A click on a row
 * only says which conversation is wanted ({@code wanted}); the app opens it once the live rows are in.
 */
public final class SnapshotListView extends StackPane {
    // Near Primer Light's, for a snapshot that kept no look.
    private static final Color INK = Color.web("#1f2328");
    private static final Color MUTED = Color.web("#59636e");
    private static final Color ACCENT = Color.web("#0969da");
    private static final Color SUBTLE = Color.web("#f6f8fa");
    private static final Color LINE = Color.web("#d1d9e0");
    private final SnapshotLook look;
    /** Each font and colour resolved once: a font lookup per text of every row was a third of the page's cost. */
    private final Map<String, Font> fonts = new HashMap<>();
    private final Map<String, Color> colors = new HashMap<>();
    /** The fonts for a snapshot that kept none, made once per page. */
    private final Font plain = Font.font(13);
    private final Font small = Font.font(11);
    private final Font bold = Font.font(null, FontWeight.BOLD, 13.3);
    private final Font smallBold = Font.font(null, FontWeight.BOLD, 11);

    /**
     * The page for a window {@code width} by {@code height}: only the rows that fit are made (a screenful, not all the
     * snapshot keeps); in a window of another width than the snapshot's (another screen) the list column keeps its share
     * of the width, as the live split pane does, and the navigation bar's words, placed for the old width, are left out.
     */
    public SnapshotListView(ListSnapshot snapshot, LongConsumer wanted, double width, double height) {
        this.look = snapshot.look();
        double scale = snapshot.width() > 0 && width > 0 ? width / snapshot.width() : 1;
        boolean sameWidth = Math.abs(scale - 1) < 0.01;
        setId("snapshot-page");
        Color page = look.color("page.bg", Color.WHITE, "right.bg");
        setBackground(fill(page));
        VBox rows = new VBox();
        rows.setId("snapshot-list");
        double rowHeight = look.size("cell.height", 64);
        double room = height - look.size("menu.height", 0) - look.size("top.height", 0) - look.size("nav.height", 0);
        for (ListSnapshot.Row row : snapshot.rows()) {
            if (rows.getChildren().size() * rowHeight > room) {
                break;
            }
            rows.getChildren().add(row(row, wanted));
        }
        Region top = band("top", look.color("top.bg", Color.TRANSPARENT), look.color("top.border", LINE), false, true);
        VBox list = new VBox(top, rows);
        double listWidth = look.size("list.width", 340) * scale;
        list.setMinWidth(listWidth);
        list.setPrefWidth(listWidth);
        list.setMaxWidth(listWidth);
        // As tall as the window gives it, whatever its rows would want: the rows below the bottom are cut off.
        list.setMinHeight(0);
        list.setPrefHeight(0);
        list.setBackground(fill(look.color("list.bg", SUBTLE)));
        list.setBorder(edge(LINE, 0, 1, 0));
        clip(list);
        Region right = new Region();
        right.setBackground(fill(look.color("right.bg", page)));
        HBox.setHgrow(right, Priority.ALWAYS);
        BorderPane frame = new BorderPane(new HBox(list, right));
        frame.setTop(band("menu", look.color("menu.bg", page), Color.TRANSPARENT, false, true));
        frame.setBottom(band("nav", look.color("nav.bg", page), look.color("nav.border", LINE), true, sameWidth));
        getChildren().add(frame);
    }

    private Region row(ListSnapshot.Row row, LongConsumer wanted) {
        String state = row.unread() > 0 ? "unread." : "read.";
        Text name = text(row.name(), state + "name", row.unread() > 0 ? bold : plain, INK);
        name.getStyleClass().add("pt-name");
        Text time = text(row.time(), state + "time", plain, row.unread() > 0 ? ACCENT : MUTED);
        Text preview = text(row.preview(), state + "preview", plain, row.unread() > 0 ? INK : MUTED);
        Pane previewBox = clipped(preview);
        HBox.setHgrow(previewBox, Priority.ALWAYS);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox first = new HBox(6, name, gap, time);
        first.setAlignment(Pos.BASELINE_LEFT);
        HBox second = new HBox(6, previewBox);
        second.setAlignment(Pos.CENTER_LEFT);
        if (row.unread() > 0) {
            second.getChildren().add(badge(row.unread() > 99 ? "99+" : Integer.toString(row.unread())));
        }
        VBox words = new VBox(2, first, second);
        if (row.optedOut() || row.blocked()) {
            words.getChildren().add(new HBox(chip(row.optedOut() ? "Opted out" : "Blocked")));
        }
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMinWidth(0);
        HBox cell = new HBox(10, avatar(row), words);
        cell.setAlignment(Pos.CENTER_LEFT);
        cell.setPadding(look.insets("cell.padding", new Insets(10, 8, 10, 14)));
        double height = look.size("cell.height", 0);
        if (height > 0) {
            cell.setMinHeight(height);
            cell.setPrefHeight(height);
            cell.setMaxHeight(height);
        }
        cell.setBackground(fill(look.color(state + "cell.bg", Color.TRANSPARENT, "read.cell.bg")));
        cell.setBorder(edge(look.color("cell.border", LINE), 0, 0, 1));
        cell.setId("snapshot-row-" + row.id());
        cell.setOnMouseClicked(e -> wanted.accept(row.id()));
        return cell;
    }

    private Node avatar(ListSnapshot.Row row) {
        String key = "avatar." + row.palette();
        double size = look.size("avatar.size", 38);
        Circle disc = new Circle(size / 2, look.color(key + ".bg", Color.web("#ddf4ff"), "avatar.0.bg"));
        Text initials = text(Avatar.initialsOf(row.name()), key, smallBold, ACCENT);
        StackPane avatar = new StackPane(disc, initials);
        avatar.setMinSize(size, size);
        avatar.setMaxSize(size, size);
        return avatar;
    }

    private Node badge(String count) {
        StackPane badge = new StackPane(text(count, "badge", smallBold, Color.WHITE));
        badge.setBackground(new Background(new BackgroundFill(look.color("badge.bg", ACCENT), new CornerRadii(9), Insets.EMPTY)));
        badge.setMinSize(18, 18);
        badge.setPadding(new Insets(0, 5, 0, 5));
        return badge;
    }

    private Node chip(String words) {
        StackPane chip = new StackPane(text(words, "chip", small, Color.web("#d1242f")));
        chip.setBackground(new Background(new BackgroundFill(look.color("chip.bg", Color.web("#ffebe9")), new CornerRadii(4), Insets.EMPTY)));
        chip.setPadding(new Insets(1, 6, 1, 6));
        return chip;
    }

    private Text text(String words, String key, Font font, Color ink) {
        Text t = new Text(words == null ? "" : words);
        t.setFont(fonts.computeIfAbsent(key, k -> look.font(k + ".font", font, "read." + k.substring(k.indexOf('.') + 1) + ".font")));
        t.setFill(colors.computeIfAbsent(key, k -> look.color(k + ".fill", ink)));
        return t;
    }

    /** A band of the page (menu bar, the list's search area, navigation bar): its height, colour, dividing line and words. */
    private Region band(String name, Color color, Color line, boolean lineOnTop, boolean withWords) {
        double height = look.size(name + ".height", 0);
        Pane band = new Pane();
        for (SnapshotLook.Word word : withWords ? look.words(name) : List.<SnapshotLook.Word>of()) {
            Text t = new Text(word.text());
            t.setTextOrigin(VPos.TOP);
            t.setFont(word.font());
            t.setFill(word.fill());
            t.relocate(word.x(), word.y());
            band.getChildren().add(t);
        }
        clip(band);
        band.setMinHeight(height);
        band.setPrefHeight(height);
        band.setMaxHeight(height);
        band.setBackground(fill(color));
        band.setBorder(lineOnTop ? edge(line, 1, 0, 0) : edge(line, 0, 0, 1));
        return band;
    }

    /** A one-line text cut at its box's right edge (a label's ellipsis needs a control and its skin). */
    private static Pane clipped(Text text) {
        text.setTextOrigin(VPos.TOP);
        Pane box = new Pane(text);
        box.setMinWidth(0);
        box.setPrefHeight(text.getLayoutBounds().getHeight());
        clip(box);
        return box;
    }

    private static void clip(Region region) {
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(region.widthProperty());
        clip.heightProperty().bind(region.heightProperty());
        region.setClip(clip);
    }

    private static Background fill(Color color) {
        return new Background(new BackgroundFill(color, CornerRadii.EMPTY, Insets.EMPTY));
    }

    private static Border edge(Color color, double top, double right, double bottom) {
        return new Border(new BorderStroke(color, BorderStrokeStyle.SOLID, CornerRadii.EMPTY, new BorderWidths(top, right, bottom, 0)));
    }
}
