package dev.storefn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application: every shop operation as a function bean. On Lambda this is the start class that
 * {@code FunctionInvoker} boots; the runner module boots the same class with a web server around it.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class Storefn {

    public static void main(String[] args) {
        SpringApplication.run(Storefn.class, args);
    }
}
