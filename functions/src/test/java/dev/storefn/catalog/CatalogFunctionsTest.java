package dev.storefn.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.storefn.FunctionsTest;
import dev.storefn.platform.operation.Listing;
import dev.storefn.platform.operation.Paging;
import dev.storefn.platform.operation.Refusal;

/** The catalog operations called as plain functions, with plain records. */
class CatalogFunctionsTest extends FunctionsTest {

    @Autowired
    GetProduct getProduct;

    @Autowired
    ListProducts listProducts;

    private long tee;

    @BeforeEach
    void catalog() {
        jdbc.sql("TRUNCATE products RESTART IDENTITY CASCADE").update();
        tee = insertProduct("Plain Tee", "men", "499.50", 4, "A plain cotton tee");
        insertProduct("Silk Dress", "women", "2999.00", 1, "A long silk dress");
    }

    @Test
    void getProductAnswersTheViewOrRefusesAsNotFound() {
        ProductView view = getProduct.apply(new GetProduct.Input(tee));
        assertThat(view.name()).isEqualTo("Plain Tee");
        assertThat(view.price()).isEqualTo("499.50");
        assertThatThrownBy(() -> getProduct.apply(new GetProduct.Input(tee + 100)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
    }

    @Test
    void listProductsFiltersAndPagesWithPlainValues() {
        Listing<ProductView> men = listProducts.apply(new ListProducts.Input(null, "MEN", null, new BigDecimal("500"), null));
        assertThat(men.paged()).isFalse();
        assertThat(men.items()).extracting(ProductView::name).containsExactly("Plain Tee");

        Listing<ProductView> page = listProducts.apply(new ListProducts.Input("dress", null, null, null, new Paging(1, 10)));
        assertThat(page.paged()).isTrue();
        assertThat(page.count()).isEqualTo(1);
        assertThat(page.hasNext()).isFalse();
    }
}
