package dev.storefn.devtools.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the embedded default's first start, right after the migrations, fills the shop with a demo catalog
 * whose images are SVG files on local disk. Runs once per database: a marker row records it, so a shop
 * owner who deletes the demo products does not get them back.
 */
@Component
@Conditional(WithoutDatabaseUrl.class)
public class DemoCatalog implements Callback {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    private static final String MARKER = "demo_catalog_seeded";

    public record DemoProduct(String name, String category, String price, int stock, String colour, String description) {

        String slug() {
            return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        }
    }

    public static final List<DemoProduct> PRODUCTS = List.of(
            new DemoProduct("Classic Black Crew Tee", "men", "599.00", 40, "#1f1f1f", "A heavyweight cotton crew-neck tee in deep black, cut for an easy everyday fit."),
            new DemoProduct("Oversized Sunset Tee", "men", "899.00", 25, "#e4572e", "Dropped shoulders and a roomy body, printed with a warm gradient sunset."),
            new DemoProduct("Retro Arcade Graphic Tee", "men", "799.00", 18, "#3a86ff", "Pixel-art print on soft combed cotton, a nod to the arcade halls of the eighties."),
            new DemoProduct("Mountain Line Art Tee", "men", "749.00", 30, "#2a9d8f", "Minimal single-line mountain range printed on a relaxed fit tee."),
            new DemoProduct("Striped Polo Shirt", "men", "1199.00", 22, "#264653", "Breathable pique polo with contrast stripes and a two-button placket."),
            new DemoProduct("Denim Overshirt", "men", "1899.00", 12, "#457b9d", "Mid-wash denim overshirt with chest pockets, made to layer over tees."),
            new DemoProduct("Linen Summer Shirt", "men", "1599.00", 15, "#e9c46a", "Lightweight linen blend shirt with a camp collar for hot days."),
            new DemoProduct("Checked Flannel Shirt", "men", "1499.00", 20, "#9b2226", "Brushed cotton flannel in a red check, soft from the first wear."),
            new DemoProduct("Everyday Joggers", "men", "1299.00", 35, "#6c757d", "Tapered fleece joggers with an elastic waist and zip pockets."),
            new DemoProduct("Cargo Utility Pants", "men", "2199.00", 10, "#606c38", "Durable twill cargo pants with six pockets and an adjustable hem."),
            new DemoProduct("Zip-Up Hoodie Charcoal", "men", "2499.00", 14, "#343a40", "Midweight zip hoodie in charcoal with a lined hood and ribbed cuffs."),
            new DemoProduct("Varsity Bomber Jacket", "men", "3499.00", 8, "#003049", "Wool-blend varsity bomber with contrast sleeves and snap buttons."),
            new DemoProduct("Puffer Vest", "men", "2799.00", 9, "#f77f00", "Light insulated vest that packs into its own pocket."),
            new DemoProduct("Quilted Field Jacket", "men", "4299.00", 6, "#283618", "Quilted field jacket with corduroy collar and four patch pockets."),
            new DemoProduct("Basic White Tee Pack", "men", "999.00", 50, "#f1faee", "Three plain white tees in breathable cotton, the wardrobe staple."),
            new DemoProduct("Graphic Skate Tee", "men", "699.00", 0, "#ffb703", "A bold skate-park print on a boxy tee. Back soon."),
            new DemoProduct("Floral Wrap Dress", "women", "1799.00", 16, "#d81159", "Flowing wrap dress with a floral print and a tie waist."),
            new DemoProduct("Ribbed Crop Top", "women", "549.00", 45, "#8f2d56", "Stretchy ribbed crop top that pairs with high-waisted everything."),
            new DemoProduct("Oversized Boyfriend Tee", "women", "799.00", 28, "#218380", "A slouchy boyfriend tee in washed cotton with rolled sleeves."),
            new DemoProduct("Pastel Sweatshirt", "women", "1399.00", 19, "#fbb1bd", "Cosy brushed-fleece sweatshirt in a soft pastel pink."),
            new DemoProduct("High-Waist Mom Jeans", "women", "2299.00", 13, "#4361ee", "Classic high-waisted mom jeans in a light vintage wash."),
            new DemoProduct("Pleated Midi Skirt", "women", "1699.00", 11, "#b5838d", "Satin-finish pleated midi skirt that moves as you walk."),
            new DemoProduct("Linen Co-ord Set", "women", "2899.00", 7, "#ddbea9", "Breezy linen shirt and shorts set for holidays and hot afternoons."),
            new DemoProduct("Cropped Denim Jacket", "women", "2599.00", 10, "#577590", "Cropped denim jacket with a raw hem and metal buttons."),
            new DemoProduct("Knit Cardigan", "women", "1999.00", 17, "#cb997e", "Chunky knit cardigan with oversized buttons and patch pockets."),
            new DemoProduct("Satin Slip Dress", "women", "2199.00", 9, "#6d597a", "Bias-cut satin slip dress with adjustable straps."),
            new DemoProduct("Longline Puffer Coat", "women", "4999.00", 5, "#22223b", "Warm longline puffer with a detachable hood for real winters."),
            new DemoProduct("Printed Palazzo Pants", "women", "1299.00", 21, "#e07a5f", "Wide-leg palazzo pants in a block print, light and airy."),
            new DemoProduct("Graphic Baby Tee", "women", "649.00", 33, "#f4a261", "Fitted baby tee with a retro graphic across the chest."),
            new DemoProduct("Athleisure Leggings", "women", "999.00", 40, "#3d405b", "High-rise leggings with four-way stretch and a hidden pocket."),
            new DemoProduct("Wool Blend Blazer", "women", "3799.00", 6, "#5e503f", "Tailored single-breasted blazer in a warm wool blend."),
            new DemoProduct("Tie-Dye Hoodie", "women", "1899.00", 2, "#9d4edd", "Hand-dyed swirl hoodie; every piece is a little different."));

    private final Path mediaRoot;

    DemoCatalog(Environment environment) {
        this.mediaRoot = DataDirectory.media(environment);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            seed(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seed the demo catalog", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "demo-catalog";
    }

    void seed(Connection connection) throws SQLException {
        try (PreparedStatement marker = connection.prepareStatement(
                "INSERT INTO storefn_meta (key, value) VALUES (?, 'true') ON CONFLICT (key) DO NOTHING")) {
            marker.setString(1, MARKER);
            if (marker.executeUpdate() == 0) {
                return;
            }
        }
        Instant newest = Instant.now();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO products (name, slug, price, category, image, description, stock, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < PRODUCTS.size(); i++) {
                DemoProduct product = PRODUCTS.get(i);
                String image = "products/" + product.slug() + ".svg";
                writeImage(mediaRoot.resolve(image), product);
                // Listed first in the table, shown first in the shop: newest first.
                Timestamp created = Timestamp.from(newest.minus(Duration.ofMinutes(i)));
                insert.setString(1, product.name());
                insert.setString(2, product.slug());
                insert.setBigDecimal(3, new BigDecimal(product.price()));
                insert.setString(4, product.category());
                insert.setString(5, image);
                insert.setString(6, product.description());
                insert.setInt(7, product.stock());
                insert.setTimestamp(8, created);
                insert.setTimestamp(9, created);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        log.info("Seeded the demo catalog: {} products, images in {}", PRODUCTS.size(), mediaRoot.resolve("products"));
    }

    private static void writeImage(Path file, DemoProduct product) {
        String svg = """
                <svg xmlns="http://www.w3.org/2000/svg" width="600" height="750" viewBox="0 0 600 750">
                  <rect width="600" height="750" fill="#f4f1ea"/>
                  <path d="M180 150 L250 110 Q300 150 350 110 L420 150 L500 240 L440 290 L420 270 L420 620 L180 620 L180 270 L160 290 L100 240 Z" fill="%s" stroke="#00000022" stroke-width="4"/>
                  <text x="300" y="690" font-family="sans-serif" font-size="30" text-anchor="middle" fill="#222">%s</text>
                </svg>
                """.formatted(product.colour(), product.name());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, svg, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo image " + file, e);
        }
    }
}
