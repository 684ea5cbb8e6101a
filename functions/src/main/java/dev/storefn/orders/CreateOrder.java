package dev.storefn.orders;

import static dev.storefn.platform.operation.Transaction.Mode.OWN;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.storefn.addresses.Address;
import dev.storefn.addresses.AddressBook;
import dev.storefn.addresses.NewAddress;
import dev.storefn.cart.Carts;
import dev.storefn.catalog.Stock;
import dev.storefn.platform.database.Transactions;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Range;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;
import dev.storefn.platform.provider.ProviderBusy;
import dev.storefn.platform.provider.ProviderFailed;

/**
 * {@code POST /api/orders/create/}: the storefront's cart becomes an order at the catalog's prices; the client's
 * names and prices are ignored, lines of one product merged. Stock is taken in the order's transaction (rows
 * locked in product order); the server cart is emptied and an inline address saved only once the order stands.
 */
@Component
// The order is reserved in one transaction, Stripe's checkout made outside any, and the order finished (or undone) in another.
@Transaction(OWN)
class CreateOrder implements Function<CreateOrder.Input, CreateOrder.Answer> {

    static final String QUANTITY = "Quantity must be between 1 and 99.";
    static final String CURRENCY = "inr";
    static final String PROVIDER_UNAVAILABLE = "Payment provider unavailable";

    @Doc("A line of the storefront's cart. Only `id` and `quantity` are used (lines of one product are added up); `name`"
            + " only names an unknown product in the refusal, and `price` or any other field is ignored: prices are the catalog's.")
    record Line(@Doc(value = "The product's id", example = "42")
            @Field(missing = "Invalid cart format", invalid = "Invalid cart format") long id,
            @Doc(value = "How many, 1 to 99 (also once lines of one product are added up)", example = "2")
            @Field(missing = "Invalid cart format", invalid = "Invalid cart format")
            @Range(min = 1, belowMin = QUANTITY, max = 99, aboveMax = QUANTITY) int quantity,
            @Doc(value = "The storefront's name for the product, used only in `Product <name> not found`",
                    example = "Batman: Dark Knight Oversized T-Shirt")
            @Field(required = false, blank = true, invalid = "Invalid cart format") String name) {
    }

    @Doc("Stock is taken at once and the server cart emptied. Cash on delivery answers the placed order; `stripe` answers"
            + " the Stripe Checkout URL to send the buyer to (unpaid, the order is cancelled and its stock restored when the"
            + " checkout expires). Send an `Idempotency-Key` so that a retry cannot place a second order.")
    record Input(Caller caller,
            @Doc("Needed: the storefront's cart, one line per product; missing or empty is 400 `Cart is empty or invalid`")
            @Field(required = false, invalid = "Cart is empty or invalid", refuseAsError = true) List<Line> cart,
            @Doc(value = "Needed: how the buyer pays, in any case (another value is 400 `Invalid payment method`)",
                    example = "cod", allowed = {"cod", "stripe"})
            @Field(required = false, invalid = "Invalid payment method", refuseAsError = true) String paymentMethod,
            @Doc("Ship to this saved address of the caller's (it wins over `address`)")
            @Field(required = false) Long addressId,
            @Doc("Or ship to this address, saved to the address book once the order stands (while it has room for 50)")
            @Field(required = false, flatErrors = true) NewAddress address) {
    }

    /** The original's answers: a cash-on-delivery order placed, or the checkout a card order is paid at. */
    sealed interface Answer permits Placed, CheckoutStarted {
    }

    @Doc("A cash-on-delivery order, placed")
    record Placed(@Doc(value = "Always `COD order placed`", example = "COD order placed", allowed = "COD order placed") String message,
            @Doc(value = "The new order's id", example = "101") long orderId,
            @Doc(value = "Always `cod` here", example = "cod", allowed = "cod") String paymentMethod,
            @Doc(value = "Always `unpaid`: cash is collected on delivery", example = "unpaid", allowed = "unpaid") String paymentStatus,
            @Doc(value = "Always `processing`", example = "processing", allowed = "processing") String orderStatus) implements Answer {
    }

    @Doc("A card order, placed unpaid: send the buyer to the checkout")
    record CheckoutStarted(@Doc(value = "Stripe Checkout's page for this order; back from it, call GET /api/orders/verify-payment/",
            example = "https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4") String checkoutUrl) implements Answer {
    }

    private final OrderLifecycle lifecycle;
    private final Stock stock;
    private final Carts carts;
    private final AddressBook addresses;
    private final Checkouts checkouts;
    private final Transactions transactions;
    private final UnpaidLimits limits;
    private final Duration checkoutLifetime;

    CreateOrder(OrderLifecycle lifecycle, Stock stock, Carts carts, AddressBook addresses, Checkouts checkouts,
            Transactions transactions, UnpaidLimits limits, @Value("${STRIPE_CHECKOUT_EXPIRY_MINUTES:30}") long checkoutMinutes) {
        this.lifecycle = lifecycle;
        this.stock = stock;
        this.carts = carts;
        this.addresses = addresses;
        this.checkouts = checkouts;
        this.transactions = transactions;
        this.limits = limits;
        // Stripe accepts 30 minutes to 24 hours.
        this.checkoutLifetime = Duration.ofMinutes(Math.max(30, Math.min(checkoutMinutes, 24 * 60)));
    }

    /**
     * Runs its own transactions (the route has none): a card order's checkout is opened between them, holding no
     * lock, and if it cannot be opened the order is undone as if it had never been placed.
     */
    @Override
    public Answer apply(Input input) {
        if (input.cart() == null || input.cart().isEmpty()) {
            throw Refusal.refused("Cart is empty or invalid");
        }
        Order.Method method = method(input.paymentMethod());
        if (method == Order.Method.STRIPE && !checkouts.configured()) {
            throw Refusal.error(Refusal.Kind.UNAVAILABLE, "Stripe is not configured");
        }
        long user = input.caller().userId();
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (Line line : input.cart()) {
            quantities.merge(line.id(), line.quantity(), Integer::sum);
            names.putIfAbsent(line.id(), line.name());
        }
        if (quantities.values().stream().anyMatch(quantity -> quantity > 99)) {
            throw Refusal.refused(QUANTITY);
        }
        if (method == Order.Method.COD) {
            return transactions.inOne(() -> {
                NewAddress shipTo = shipTo(user, input);
                List<Stock.Taken> taken = stock.take(quantities, names::get);
                limits.check(user, taken);
                long orderId = lifecycle.place(user, method, shipTo, taken);
                settle(user, input, shipTo);
                return new Placed("COD order placed", orderId, method.wire(), Order.Payment.UNPAID.wire(),
                        Order.Status.PROCESSING.wire());
            });
        }
        record Reserved(long orderId, NewAddress shipTo, List<Stock.Taken> taken) {
        }
        Instant expiresAt = Instant.now().plus(checkoutLifetime);
        Reserved reserved = transactions.inOne(() -> {
            NewAddress shipTo = shipTo(user, input);
            List<Stock.Taken> taken = stock.take(quantities, names::get);
            limits.check(user, taken);
            return new Reserved(lifecycle.place(user, method, shipTo, taken, expiresAt), shipTo, taken);
        });
        Checkouts.Checkout checkout;
        try {
            checkout = checkouts.open(reserved.orderId(), reserved.taken().stream()
                    .map(line -> new Checkouts.Line(line.name(), OrderPayments.minorUnits(line.price()), line.quantity())).toList(),
                    CURRENCY, expiresAt);
        } catch (ProviderFailed | ProviderBusy e) {
            transactions.inOne(() -> {
                lifecycle.discard(reserved.orderId());
                return null;
            });
            // Stripe failed: 502, as the contract says; not even called, because it has been failing or enough
            // buyers are waiting on it already: 503, and when to try again.
            throw e instanceof ProviderBusy busy ? Refusal.error(Refusal.Kind.UNAVAILABLE, PROVIDER_UNAVAILABLE)
                    .retryAfter(busy.retryAfterSeconds()) : Refusal.error(Refusal.Kind.UPSTREAM_FAILED, PROVIDER_UNAVAILABLE);
        }
        transactions.inOne(() -> {
            lifecycle.attachCheckout(reserved.orderId(), checkout.sessionId(), expiresAt);
            settle(user, input, reserved.shipTo());
            return null;
        });
        return new CheckoutStarted(checkout.url());
    }

    /** Once an order stands: the server cart emptied, an inline address kept for next time. */
    private void settle(long user, Input input, NewAddress shipTo) {
        carts.empty(user);
        if (input.addressId() == null) {
            addresses.saveIfRoom(user, shipTo);
        }
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
