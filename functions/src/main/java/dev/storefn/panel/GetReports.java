package dev.storefn.panel;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;


/**
 * {@code GET /api/panel/reports/}: orders and revenue, paid revenue per day of the store's time zone
 * ({@code STORE_TIME_ZONE}), and how orders split by payment method and by status. No date range, as in the original.
 */
@Component
public class GetReports implements Function<GetReports.Input, GetReports.Report> {

    record Input() {
    }

    record Report(long totalOrders, BigDecimal totalRevenue, List<ShopFigures.DayTotal> revenueTimeline,
            List<ShopFigures.NameCount> paymentDistribution, List<ShopFigures.NameCount> statusDistribution) {
    }

    private final ShopFigures figures;

    GetReports(ShopFigures figures) {
        this.figures = figures;
    }

    @Override
    public Report apply(Input input) {
        ShopFigures.Totals totals = figures.totals();
        return new Report(totals.orders(), totals.revenue(), figures.revenueByDay(), figures.paymentMethods(), figures.statuses());
    }
}
