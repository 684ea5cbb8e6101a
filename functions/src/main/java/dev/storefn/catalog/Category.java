package dev.storefn.catalog;

import java.util.Locale;

/** The shop's two departments, stored and sent in lower case ({@code men}, {@code women}). */
public enum Category {
    MEN, WOMEN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
