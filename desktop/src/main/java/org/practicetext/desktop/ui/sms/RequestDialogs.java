// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.practicetext.core.RequestKind;
import org.practicetext.desktop.ui.common.Icons;

/**
 * The four request dialogs (ADR 0024), each a small form over its view model in {@link RequestDialog}'s
 * frame: Tab goes through the fields in order, Enter inserts when the request is complete, Esc cancels.
 */
final class RequestDialogs {
    private static final double WIDTH = 420;

    private RequestDialogs() {
    }

    /** Opens the dialog of {@code kind} for the composer's conversation; the composed request on Insert. */
    static Optional<ComposedRequest> open(RequestKind kind, Window owner, RequestToolsViewModel tools, RequestTarget target) {
        return switch (kind) {
            case PAYMENT -> payment(owner, tools.payment(target), tools.documentPicker(), target);
            case REVIEW -> review(owner, tools.review(target), target);
            case FORMS -> forms(owner, tools.forms(target), target);
            case TREATMENT_PLAN -> treatmentPlan(owner, tools.treatmentPlan(target), tools.documentPicker(), target);
        };
    }

    private static Optional<ComposedRequest> payment(Window owner, PaymentRequestViewModel model, FilePicker picker, RequestTarget target) {
        TextField amount = new TextField();
        HBox amountRow = moneyRow(amount, "payment-amount", "120.00", model.amountProperty(), model.amountShownProperty());
        TextField description = new TextField();
        description.setId("payment-description");
        description.setPromptText("Crown, visit of Nov 2");
        description.textProperty().bindBidirectional(model.descriptionProperty());
        TextField reference = new TextField();
        reference.setId("payment-reference");
        reference.setPromptText("Invoice 10482");
        reference.textProperty().bindBidirectional(model.referenceProperty());
        VBox content = new VBox(14,
                RequestDialog.field("Amount (" + model.currency() + ")", amountRow, null, model.amountProblemProperty()),
                RequestDialog.field("What it is for", description, "Shown to the patient. Required, at most " + PaymentRequestViewModel.FOR_MOST + " characters.",
                        model.descriptionProblemProperty()),
                RequestDialog.field("Internal reference (optional)", reference, "Not shown to the patient.", model.referenceProblemProperty()),
                RequestDialog.field("Statement (optional)", RequestDialog.document(model.statement(), picker, "payment-statement", "Attach a statement PDF…"),
                        "The patient can download it from the payment page. PDF, at most 20 MB.", null));
        content.setPrefWidth(WIDTH);
        amount.sceneProperty().addListener((o, a, b) -> amount.requestFocus());
        return RequestDialog.show(owner, "payment-dialog", RequestKind.PAYMENT.label(), target.displayName(), content, model.validProperty(), model::compose);
    }

    private static Optional<ComposedRequest> review(Window owner, ReviewRequestViewModel model, RequestTarget target) {
        Label line = new Label(model.linkLine());
        line.setId("review-link-line");
        line.setWrapText(true);
        VBox content = new VBox(10, line);
        if (model.link() != null) {
            Label link = new Label(model.link(), Icons.LINK.node(14));
            link.setId("review-link");
            link.getStyleClass().add(Styles.TEXT_BOLD);
            link.setWrapText(true);
            content.getChildren().add(link);
        } else {
            line.getStyleClass().add(Styles.WARNING);
        }
        Label warning = new Label(null, Icons.ERROR.node(14));
        warning.setId("review-warning");
        warning.setWrapText(true);
        warning.getStyleClass().add("pt-composer-warning");
        warning.textProperty().bind(model.warningProperty());
        CheckBox another = new CheckBox("Send another anyway");
        another.setId("review-send-another");
        another.selectedProperty().bindBidirectional(model.sendAnotherProperty());
        VBox repeat = new VBox(6, warning, another);
        repeat.getStyleClass().add("pt-request-warning-box");
        repeat.visibleProperty().bind(model.warningProperty().isNotEmpty());
        repeat.managedProperty().bind(repeat.visibleProperty());
        RequestDialog.resizesDialog(repeat);
        content.getChildren().addAll(repeat,
                RequestDialog.muted("Every patient gets the same request: Google does not allow asking only the patients who were happy."));
        content.setPrefWidth(WIDTH);
        return RequestDialog.show(owner, "review-dialog", RequestKind.REVIEW.label(), target.displayName(), content, model.validProperty(), model::compose);
    }

    private static Optional<ComposedRequest> forms(Window owner, FormsRequestViewModel model, RequestTarget target) {
        VBox content = new VBox(10);
        content.setPrefWidth(WIDTH);
        if (!model.emptyLibrary().isEmpty()) {
            Label empty = new Label(model.emptyLibrary());
            empty.setId("forms-empty");
            empty.setWrapText(true);
            content.getChildren().add(empty);
            return RequestDialog.show(owner, "forms-dialog", RequestKind.FORMS.label(), target.displayName(), content, model.validProperty(), model::compose);
        }
        ListView<FormsRequestViewModel.Choice> list = new ListView<>(model.shown());
        list.setId("forms-list");
        list.getStyleClass().addAll(Styles.DENSE, Styles.BORDERED);
        list.setPrefHeight(Math.min(8, Math.max(3, model.shown().size())) * 34 + 4);
        list.setPlaceholder(RequestDialog.muted("No form matches the search."));
        list.setCellFactory(v -> new FormCell());
        // Space picks the selected form, as a checklist does.
        list.setOnKeyPressed(e -> {
            FormsRequestViewModel.Choice selected = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.SPACE && selected != null) {
                selected.picked().set(!selected.picked().get());
                e.consume();
            }
        });
        if (model.searchOffered()) {
            CustomTextField search = new CustomTextField();
            search.setId("forms-search");
            search.setPromptText("Search forms");
            search.setLeft(Icons.SEARCH.node(14));
            search.textProperty().bindBidirectional(model.searchProperty());
            content.getChildren().add(search);
        }
        content.getChildren().addAll(list, RequestDialog.muted("Pick one or more: the patient gets one link to all of them."));
        return RequestDialog.show(owner, "forms-dialog", RequestKind.FORMS.label(), target.displayName(), content, model.validProperty(), model::compose);
    }

    private static Optional<ComposedRequest> treatmentPlan(Window owner, TreatmentPlanViewModel model, FilePicker picker, RequestTarget target) {
        HBox totalRow = moneyRow(new TextField(), "plan-total", "2400.00", model.totalProperty(), model.totalShownProperty());
        TextField title = new TextField();
        title.setId("plan-title");
        title.setPromptText("Implant, lower left");
        title.textProperty().bindBidirectional(model.titleProperty());
        VBox content = new VBox(14,
                RequestDialog.field("The plan (PDF)", RequestDialog.document(model.plan(), picker, "plan-document", "Choose the plan PDF…"),
                        "Exported from your practice-management system. The patient reads it behind a secure link and accepts or declines.", null),
                RequestDialog.field("Total (optional)", totalRow, "Shown to the patient with the plan.", model.totalProblemProperty()),
                RequestDialog.field("What it is for (optional)", title, "Shown to the patient.", model.titleProblemProperty()));
        content.setPrefWidth(WIDTH);
        return RequestDialog.show(owner, "plan-dialog", RequestKind.TREATMENT_PLAN.label(), target.displayName(), content, model.validProperty(), model::compose);
    }

    /** An amount's field and, beside it, the amount as the patient will see it ("$120.00"). */
    private static HBox moneyRow(TextField field, String id, String prompt, javafx.beans.property.StringProperty typed,
                                 javafx.beans.value.ObservableStringValue shown) {
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(typed);
        Label formatted = new Label();
        formatted.setId(id + "-shown");
        formatted.getStyleClass().add(Styles.TEXT_BOLD);
        formatted.textProperty().bind(shown);
        HBox row = new HBox(10, field, formatted);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A form's check box and name; built once, bound in {@code updateItem}. */
    private static final class FormCell extends ListCell<FormsRequestViewModel.Choice> {
        private final CheckBox box = new CheckBox();
        private FormsRequestViewModel.Choice bound;

        FormCell() {
            getStyleClass().add("pt-form-cell");
            box.setFocusTraversable(false);
        }

        @Override
        protected void updateItem(FormsRequestViewModel.Choice item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound.picked());
                bound = null;
            }
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            bound = item;
            box.setText(item.form().name());
            box.selectedProperty().bindBidirectional(item.picked());
            setGraphic(box);
        }
    }
}
