package dev.storefn.panel;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Transaction;


/**
 * {@code GET /api/panel/reports/}: orders and revenue, paid revenue per day of the store's time zone
 * ({@code STORE_TIME_ZONE}), and how orders split by payment method and by status. No date range, as in the original.
 */
@Component
@Transaction(NONE)
class GetReports implements Function<GetReports.Input, GetReports.Report> {

    record Input() {
    }

    record Report(@Doc(value = "Orders of every status", example = "3120") long totalOrders,
            @Doc(value = "Rupees of the orders paid for, whatever became of them since; `0` when none", example = "2451830.50")
            BigDecimal totalRevenue,
            @Doc("Paid revenue per day of the store's time zone (STORE_TIME_ZONE), oldest first")
            List<ShopFigures.DayTotal> revenueTimeline,
            @Doc("Orders per payment method: `name` is `COD` or `STRIPE`") List<ShopFigures.NameCount> paymentDistribution,
            @Doc("Orders per status: `name` is `Processing`, `Shipped`, `Delivered` or `Cancelled`")
            List<ShopFigures.NameCount> statusDistribution) {
    }

    private final ShopFigures figures;

    GetReports(ShopFigures figures) {
        this.figures = figures;
    }

    @Override
    public Report apply(Input input) {
        ShopFigures.Tallies tallies = figures.tallies();
        return new Report(tallies.orders(), tallies.revenue(), figures.revenueByDay(tallies), tallies.paymentMethods(),
                tallies.statuses());
    }
}
