package dev.storefn.orders;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Listing;
import dev.storefn.platform.operation.Paging;
import dev.storefn.platform.operation.Transaction;

/**
 * {@code GET /api/orders/admin/all/}: every order, newest first, written as it is read (one query through a cursor),
 * or one page of them (two queries).
 */
@Component
@Transaction(NONE)
class AllOrders implements Function<AllOrders.Input, Listing<OrderView>> {

    record Input(Paging paging) {

        Input {
            paging = paging == null ? Paging.NONE : paging;
        }
    }

    private final OrderRepository orders;

    AllOrders(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public Listing<OrderView> apply(Input input) {
        Paging paging = input.paging();
        if (!paging.requested()) {
            return Listing.<OrderView>streamed(orders::forEachOrder);
        }
        OrderRepository.Page page = orders.page(paging.size(), paging.offset());
        return Listing.page(page.orders(), page.total(), paging);
    }
}
