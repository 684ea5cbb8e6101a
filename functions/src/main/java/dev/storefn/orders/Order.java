package dev.storefn.orders;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * An order's states and the moves between them. Staff move orders processing → shipped → delivered, and
 * processing or shipped → cancelled; delivered and cancelled are final. Payment goes unpaid → paid, never
 * back. {@link OrderLifecycle} carries every move out as a conditional update guarded by these sets.
 */
final class Order {

    /** The states' names as the database and the wire write them: lower case. */
    interface Named {
        String name();

        default String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum Status implements Named {
        PROCESSING, SHIPPED, DELIVERED, CANCELLED;

        static Status of(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    enum Payment implements Named {
        UNPAID, PAID;

        static Payment of(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    enum Method implements Named {
        COD, STRIPE;

        static Method of(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    /** A move of the order status, and the statuses it may start from. */
    enum Move {
        SHIP(Status.SHIPPED, EnumSet.of(Status.PROCESSING)),
        DELIVER(Status.DELIVERED, EnumSet.of(Status.SHIPPED)),
        /** Staff may still stop a shipped order. */
        CANCEL_BY_STAFF(Status.CANCELLED, EnumSet.of(Status.PROCESSING, Status.SHIPPED)),
        /** The buyer only while nothing has left the shop. */
        CANCEL_BY_BUYER(Status.CANCELLED, EnumSet.of(Status.PROCESSING));

        final Status to;
        final Set<Status> from;

        Move(Status to, Set<Status> from) {
            this.to = to;
            this.from = from;
        }

        /** The staff's move to {@code target}; null when staff cannot move there at all. */
        static Move toward(Status target) {
            return switch (target) {
                case SHIPPED -> SHIP;
                case DELIVERED -> DELIVER;
                case CANCELLED -> CANCEL_BY_STAFF;
                case PROCESSING -> null;
            };
        }
    }

    private Order() {
    }
}
