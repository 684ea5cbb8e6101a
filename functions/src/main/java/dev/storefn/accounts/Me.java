package dev.storefn.accounts;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.ApiException;
import dev.storefn.platform.ApiRequest;
import dev.storefn.platform.ApiResponse;

/** {@code GET /api/me/}: the signed-in user. */
@Component("me")
class Me implements Function<ApiRequest, ApiResponse> {

    private final UserRepository users;

    Me(UserRepository users) {
        this.users = users;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        return users.findById(request.caller().userId())
                .map(user -> ApiResponse.ok(user.view()))
                .orElseThrow(() -> ApiException.detail(401, "User not found", "user_not_found"));
    }
}
