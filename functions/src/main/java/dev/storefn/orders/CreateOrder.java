package dev.storefn.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.addresses.Address;
import dev.storefn.addresses.AddressBook;
import dev.storefn.addresses.NewAddress;
import dev.storefn.cart.Carts;
import dev.storefn.catalog.Stock;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Range;
import dev.storefn.platform.operation.Refusal;

/**
 * {@code POST /api/orders/create/}: the storefront's cart becomes an order at the catalog's prices; the client's
 * names and prices are ignored, lines of one product merged. Stock is taken in the same transaction (rows locked
 * in product order); the server cart is emptied and an inline address saved only if the order commits.
 */
@Component
public class CreateOrder implements Function<CreateOrder.Input, CreateOrder.Placed> {

    static final String QUANTITY = "Quantity must be between 1 and 99.";

    record Line(@Field(missing = "Invalid cart format", invalid = "Invalid cart format") long id,
            @Field(missing = "Invalid cart format", invalid = "Invalid cart format")
            @Range(min = 1, belowMin = QUANTITY, max = 99, aboveMax = QUANTITY) int quantity,
            @Field(required = false, blank = true, invalid = "Invalid cart format") String name) {
    }

    record Input(Caller caller,
            @Field(required = false, invalid = "Cart is empty or invalid", refuseAsError = true) List<Line> cart,
            @Field(required = false, invalid = "Invalid payment method", refuseAsError = true) String paymentMethod,
            @Field(required = false) Long addressId,
            @Field(required = false, flatErrors = true) NewAddress address) {
    }

    /** The original's answer to a cash-on-delivery order. */
    record Placed(String message, long orderId, String paymentMethod, String paymentStatus, String orderStatus) {
    }

    private final OrderLifecycle lifecycle;
    private final Stock stock;
    private final Carts carts;
    private final AddressBook addresses;

    CreateOrder(OrderLifecycle lifecycle, Stock stock, Carts carts, AddressBook addresses) {
        this.lifecycle = lifecycle;
        this.stock = stock;
        this.carts = carts;
        this.addresses = addresses;
    }

    @Override
    public Placed apply(Input input) {
        if (input.cart() == null || input.cart().isEmpty()) {
            throw Refusal.refused("Cart is empty or invalid");
        }
        Order.Method method = method(input.paymentMethod());
        if (method == Order.Method.STRIPE) {
            throw Refusal.error(Refusal.Kind.UNAVAILABLE, "Stripe is not configured");
        }
        long user = input.caller().userId();
        NewAddress shipTo = shipTo(user, input);
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (Line line : input.cart()) {
            quantities.merge(line.id(), line.quantity(), Integer::sum);
            names.putIfAbsent(line.id(), line.name());
        }
        if (quantities.values().stream().anyMatch(quantity -> quantity > 99)) {
            throw Refusal.refused(QUANTITY);
        }
        List<Stock.Taken> taken = stock.take(quantities, names::get);
        long orderId = lifecycle.place(user, method, shipTo, taken);
        carts.empty(user);
        if (input.addressId() == null) {
            addresses.saveIfRoom(user, shipTo);
        }
        return new Placed("COD order placed", orderId, method.wire(), Order.Payment.UNPAID.wire(), Order.Status.PROCESSING.wire());
    }

    private static Order.Method method(String given) {
        String wire = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        return switch (wire) {
            case "cod" -> Order.Method.COD;
            case "stripe" -> Order.Method.STRIPE;
            default -> throw Refusal.refused("Invalid payment method");
        };
    }

    /** {@code address_id} wins over an inline address, as in the original. */
    private NewAddress shipTo(long user, Input input) {
        if (input.addressId() != null) {
            Address saved = addresses.find(user, input.addressId())
                    .orElseThrow(() -> Refusal.error(Refusal.Kind.NOT_FOUND, "Address not found"));
            return new NewAddress(saved.fullName(), saved.phone(), saved.street(), saved.city(), saved.pincode());
        }
        if (input.address() == null) {
            throw Refusal.refused("Address is required");
        }
        return input.address();
    }
}
