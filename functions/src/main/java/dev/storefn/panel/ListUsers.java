package dev.storefn.panel;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Listing;
import dev.storefn.platform.operation.Paging;
import dev.storefn.platform.operation.Transaction;

/**
 * {@code GET /api/panel/users/}: every account but erased ones, newest id first; a bare array as in the original,
 * or one page with {@code page} or {@code page_size}. One query, two with a page.
 */
@Component
@Transaction(NONE)
class ListUsers implements Function<ListUsers.Input, Listing<AdminUserListItem>> {

    record Input(Paging paging) {

        Input {
            paging = paging == null ? Paging.NONE : paging;
        }
    }

    private final AdminUserRepository users;

    ListUsers(AdminUserRepository users) {
        this.users = users;
    }

    @Override
    public Listing<AdminUserListItem> apply(Input input) {
        Paging paging = input.paging();
        if (!paging.requested()) {
            return Listing.all(users.all());
        }
        return Listing.page(users.page(paging.size(), paging.offset()), users.count(), paging);
    }
}
