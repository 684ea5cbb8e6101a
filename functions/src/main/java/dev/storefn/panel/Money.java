package dev.storefn.panel;

import java.math.BigDecimal;

/** Amounts as the original's serializers write them: strings with two decimals. */
final class Money {

    private Money() {
    }

    static String text(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }
}
