package dev.storefn.panel;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Transaction;


/**
 * {@code GET /api/panel/dashboard/}: the shop at a glance, as the original's dashboard shows it. Revenue is exact
 * ({@code 0} when nothing is paid); every figure is an aggregate or a short list the database computes.
 */
@Component
@Transaction(NONE)
class GetDashboard implements Function<GetDashboard.Input, GetDashboard.Dashboard> {

    static final int RECENT_ORDERS = 5;
    static final int LOW_STOCK_PRODUCTS = 5;

    record Input() {
    }

    record Dashboard(@Doc(value = "Accounts, erased ones not counted", example = "1250") long totalUsers,
            @Doc(value = "Products in the catalog", example = "86") long totalProducts,
            @Doc(value = "Orders of every status", example = "3120") long totalOrders,
            @Doc(value = "Rupees of the orders paid for, whatever became of them since; `0` when none", example = "2451830.50")
            BigDecimal totalRevenue,
            @Doc("The 5 newest orders") List<ShopFigures.OrderDashboard> recentOrders,
            @Doc("Products per department: `name` is the department") List<ShopFigures.NameCount> categoryData,
            @Doc("The 5 products with the least stock, whatever it is") List<ShopFigures.ProductMini> lowStockProducts) {
    }

    private final ShopFigures figures;

    GetDashboard(ShopFigures figures) {
        this.figures = figures;
    }

    @Override
    public Dashboard apply(Input input) {
        ShopFigures.Tallies tallies = figures.tallies();
        return new Dashboard(tallies.users(), tallies.products(), tallies.orders(), tallies.revenue(),
                figures.recentOrders(RECENT_ORDERS), tallies.categories(), figures.lowStock(LOW_STOCK_PRODUCTS));
    }
}
