// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.UiSession;

/** Settings → Texting tools (admins only): the practice's settings behind the composer's tools, over {@link TextingToolsViewModel}. */
final class TextingToolsSection {
    private TextingToolsSection() {
    }

    static Node build(UiSession session) {
        TextingToolsViewModel model = new TextingToolsViewModel(session);
        VBox form = new VBox(22, name(model), tools(model), payments(model), reviews(model), forms(model), lifetimes(model));
        form.disableProperty().bind(model.loadedProperty().not().or(model.savingProperty()));
        Button save = new Button("Save", Icons.SAVE.node(14));
        save.setId("texting-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.validProperty().not().or(model.loadedProperty().not()).or(model.savingProperty()));
        save.setOnAction(e -> model.save());
        Label message = new Label();
        message.setId("texting-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(model.messageProperty());
        HBox actions = new HBox(12, save, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll("pt-settings-content", Styles.FLAT);
        followFocus(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // Save stays in view under the long form.
        VBox section = CommunicationSections.section("Texting tools",
                "What the composer's tools send: payment, review, forms and treatment-plan requests, each a text with a link the practice follows up on.",
                scroll, actions);
        section.setId("texting-tools");
        return section;
    }

    /** Tab moves through the fields; the form scrolls so the focused one is in view. */
    private static void followFocus(ScrollPane scroll) {
        scroll.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                return;
            }
            scene.focusOwnerProperty().addListener((f, before, owner) -> {
                if (owner == null || !isInside(owner, scroll.getContent())) {
                    return;
                }
                javafx.geometry.Bounds at = scroll.getContent().sceneToLocal(owner.localToScene(owner.getBoundsInLocal()));
                double content = scroll.getContent().getBoundsInLocal().getHeight();
                double view = scroll.getViewportBounds().getHeight();
                if (content <= view) {
                    return;
                }
                double top = scroll.getVvalue() * (content - view);
                if (at.getMinY() < top) {
                    scroll.setVvalue(Math.max(0, at.getMinY() - 24) / (content - view));
                } else if (at.getMaxY() > top + view) {
                    scroll.setVvalue(Math.min(content - view, at.getMaxY() - view + 24) / (content - view));
                }
            });
        });
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static Node name(TextingToolsViewModel model) {
        return group("The practice in texts", field("Name", text("texting-display-name", model.displayNameProperty(), "Bright Smile Dental"),
                "How texts and the patient's pages name the practice (\"Hi Maria, your balance at Bright Smile Dental…\").", model.displayNameProblemProperty()));
    }

    private static Node tools(TextingToolsViewModel model) {
        FlowPane boxes = new FlowPane(18, 8);
        for (int i = 0; i < TextingToolsViewModel.FEATURES.size(); i++) {
            String label = TextingToolsViewModel.FEATURES.get(i);
            CheckBox box = new CheckBox(label);
            box.setId("texting-feature-" + label.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            box.selectedProperty().bindBidirectional(model.features().get(i));
            boxes.getChildren().add(box);
        }
        return group("Composer tools", boxes, muted("A tool shows in the composer for the roles allowed to use it, while it is on here."));
    }

    private static Node payments(TextingToolsViewModel model) {
        Label provider = new Label();
        provider.setId("texting-payments");
        provider.setWrapText(true);
        provider.textProperty().bind(model.paymentsProperty());
        return group("Payments", provider, muted("Set on the relay by your PracticeText operator; amounts are in the relay's currency."));
    }

    private static Node reviews(TextingToolsViewModel model) {
        VBox perInbox = new VBox(8);
        perInbox.setId("texting-inbox-links");
        model.inboxLinks().addListener((ListChangeListener<TextingToolsViewModel.InboxLink>) c -> perInbox.getChildren().setAll(
                model.inboxLinks().stream().map(l -> field(l.inbox().name() + " inbox", text("texting-review-inbox-" + l.inbox().id(), l.url(),
                        "The practice's link"), null, l.problem())).toList()));
        TextField days = text("texting-repeat-days", model.repeatDaysProperty(), "182");
        days.setMaxWidth(90);
        return group("Review links",
                field("The practice's review link", text("texting-review-url", model.reviewUrlProperty(), "https://g.page/r/…/review"),
                        "Your Google Business Profile's \"Ask for reviews\" link. Every patient is asked the same way.", model.reviewUrlProblemProperty()),
                muted("A practice with several locations gives each inbox its own link; an inbox without one uses the practice's."),
                perInbox,
                field("Warn before asking the same patient again within (days)", days, "182 is about six months; 0 never warns.",
                        model.repeatDaysProblemProperty()));
    }

    private static Node forms(TextingToolsViewModel model) {
        VBox rows = new VBox(10);
        rows.setId("texting-forms");
        Runnable render = () -> rows.getChildren().setAll(model.formRows().stream().map(row -> formRow(model, row)).toList());
        model.formRows().addListener((ListChangeListener<TextingToolsViewModel.FormRow>) c -> render.run());
        Button add = new Button("Add form", Icons.PLUS.node(14));
        add.setId("texting-form-add");
        add.setOnAction(e -> model.addForm());
        Label retired = new Label();
        retired.setId("texting-forms-retired");
        retired.setWrapText(true);
        retired.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        retired.textProperty().bind(Bindings.createStringBinding(() -> model.retired().isEmpty() ? ""
                : "Retired on save: " + String.join(", ", model.retired()) + ". Requests already sent keep it.", model.retired()));
        retired.visibleProperty().bind(retired.textProperty().isNotEmpty());
        retired.managedProperty().bind(retired.visibleProperty());
        return group("Form library", muted("Each form is a name the patient sees and your form system's web address. In the address, "
                + WebAddresses.PLACEHOLDERS + " are filled in for each request: the patient's id in your practice system, and the request's, "
                + "so the form system can mark it completed."), rows, add, retired);
    }

    private static Node formRow(TextingToolsViewModel model, TextingToolsViewModel.FormRow row) {
        int index = model.formRows().indexOf(row);
        TextField name = text("texting-form-name-" + index, row.name(), "Medical history");
        name.setPrefColumnCount(14);
        TextField url = text("texting-form-url-" + index, row.url(), "https://forms.example.com/medical?patient={patientId}");
        HBox.setHgrow(url, Priority.ALWAYS);
        Button remove = new Button(null, Icons.CLOSE.node(12));
        remove.setId("texting-form-remove-" + index);
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        remove.setAccessibleText("Remove " + row.name().get());
        remove.setTooltip(new javafx.scene.control.Tooltip("Remove from the library (requests already sent keep it)"));
        remove.setOnAction(e -> model.removeForm(row));
        HBox line = new HBox(8, name, url, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, line, problem(row.problem()));
    }

    private static Node lifetimes(TextingToolsViewModel model) {
        FlowPane fields = new FlowPane(14, 10);
        for (TextingToolsViewModel.LinkLifetime lifetime : model.lifetimes()) {
            TextField days = text("texting-days-" + lifetime.label().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), lifetime.days(), "30");
            days.setPrefColumnCount(4);
            fields.getChildren().add(field(lifetime.label(), days, null, lifetime.problem()));
        }
        CheckBox ask = new CheckBox("Ask for the date of birth before showing documents");
        ask.setId("texting-ask-birth-date");
        ask.selectedProperty().bindBidirectional(model.askBirthDateProperty());
        return group("Links", muted("How many days each kind of link works (1 to 90). An expired link tells the patient so and names the practice."),
                fields, ask, muted("When the practice knows the patient's date of birth, statements, plans and documents open only after it is typed."));
    }

    private static VBox group(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(8, heading);
        box.getChildren().addAll(content);
        return box;
    }

    private static VBox field(String label, Node control, String help, ObservableStringValue problem) {
        Label name = new Label(label);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setLabelFor(control);
        VBox box = new VBox(4, name, control);
        if (help != null) {
            box.getChildren().add(muted(help));
        }
        box.getChildren().add(problem(problem));
        return box;
    }

    private static TextField text(String id, StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label muted(String text) {
        Label line = CommunicationSections.muted(text);
        line.getStyleClass().add(Styles.TEXT_SMALL);
        line.setWrapText(true);
        return line;
    }

    private static Label problem(ObservableStringValue problem) {
        Label line = new Label();
        line.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER, "pt-settings-problem");
        line.setWrapText(true);
        line.textProperty().bind(problem);
        line.visibleProperty().bind(Bindings.isNotEmpty(problem));
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }
}
