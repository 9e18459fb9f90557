package org.recblend.domain;

import java.io.Serializable;

/** One attribute value as imported: its text, and its number when the text is numeric. */
public record AttributeValue(String text, Double number) implements Serializable {
    public static AttributeValue of(String text) {
        return new AttributeValue(text, null);
    }

    public static AttributeValue of(double number) {
        return new AttributeValue(Double.toString(number), number);
    }

    public boolean isNumeric() {
        return number != null;
    }
}
