package org.recblend.ui.importwizard;

/** The pages of the import wizard, in order. */
public enum WizardStep {
    SOURCE("Source", "Choose what to import and where it goes"),
    FORMAT("Format", "Check how the file is read: delimiter, encoding, header"),
    COLUMNS("Columns", "Say what each column means"),
    CHECK("Check", "See what the import would store before anything is written"),
    IMPORT("Import", "Importing in the background"),
    RESULT("Result", "What was stored");

    private final String title;
    private final String description;

    WizardStep(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }
}
