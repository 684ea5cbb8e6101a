package dev.storefn.panel;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;


/**
 * {@code GET /api/panel/dashboard/}: the shop at a glance, as the original's dashboard shows it. Revenue is exact
 * ({@code 0} when nothing is paid); every figure is an aggregate or a short list the database computes.
 */
@Component
public class GetDashboard implements Function<GetDashboard.Input, GetDashboard.Dashboard> {

    static final int RECENT_ORDERS = 5;
    static final int LOW_STOCK_PRODUCTS = 5;

    record Input() {
    }

    record Dashboard(long totalUsers, long totalProducts, long totalOrders, BigDecimal totalRevenue,
            List<ShopFigures.OrderDashboard> recentOrders, List<ShopFigures.NameCount> categoryData,
            List<ShopFigures.ProductMini> lowStockProducts) {
    }

    private final ShopFigures figures;

    GetDashboard(ShopFigures figures) {
        this.figures = figures;
    }

    @Override
    public Dashboard apply(Input input) {
        ShopFigures.Totals totals = figures.totals();
        return new Dashboard(totals.users(), totals.products(), totals.orders(), totals.revenue(),
                figures.recentOrders(RECENT_ORDERS), figures.categories(), figures.lowStock(LOW_STOCK_PRODUCTS));
    }
}
