package dev.storefn.catalog;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.ApiException;
import dev.storefn.platform.ApiRequest;
import dev.storefn.platform.ApiResponse;

/** {@code GET /api/products/{id}/}. */
@Component("getProduct")
class GetProduct implements Function<ApiRequest, ApiResponse> {

    private final ProductRepository products;
    private final ProductViews views;

    GetProduct(ProductRepository products, ProductViews views) {
        this.products = products;
        this.views = views;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        return products.find(request.pathId("id"))
                .map(product -> ApiResponse.ok(views.view(product)))
                .orElseThrow(() -> ApiException.notFound("Product"));
    }
}
