package dev.storefn.panel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.accounts.StaffAccounts;
import dev.storefn.platform.ApiRequest;
import dev.storefn.platform.ApiResponse;

/** {@code POST /api/panel/users/{id}/toggle-block/}: {@code {"status": "success", "isBlock": ...}}. */
@Component("toggleUserBlock")
class ToggleUserBlock implements Function<ApiRequest, ApiResponse> {

    private final StaffAccounts accounts;

    ToggleUserBlock(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        boolean blocked = accounts.toggleBlock(request.caller().userId(), request.pathId("id"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("isBlock", blocked);
        return ApiResponse.ok(body);
    }
}
