package dev.storefn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.storefn.platform.routes.Router;

/**
 * The application: every shop operation as a function bean, served through the route table. On Lambda this
 * is the start class that {@code FunctionInvoker} boots; the runner module boots it with a web server around it.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class Storefn {

    public static void main(String[] args) {
        SpringApplication.run(Storefn.class, args);
    }

    @Bean
    Router router() {
        return new Router(RouteTable.ROUTES);
    }
}
