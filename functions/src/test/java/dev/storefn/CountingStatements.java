package dev.storefn;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Wraps the pool so that every statement any code opens (prepared or created) is counted at the JDBC driver, for
 * tests showing that a route's queries do not grow with its data: {@code @SpringBootTest(classes = {Storefn.class,
 * CountingStatements.class})}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CountingStatements {

    private static final AtomicInteger STATEMENTS = new AtomicInteger();

    /** Statements opened so far in this JVM. */
    public static int count() {
        return STATEMENTS.get();
    }

    @Bean
    static BeanPostProcessor countStatements() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof DataSource pool) || bean instanceof DelegatingDataSource) {
                    return bean;
                }
                return new DelegatingDataSource(pool) {
                    @Override
                    public Connection getConnection() throws SQLException {
                        Connection connection = super.getConnection();
                        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                                (proxy, method, args) -> {
                                    if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
                                            || method.getName().equals("prepareCall")) {
                                        STATEMENTS.incrementAndGet();
                                    }
                                    try {
                                        return method.invoke(connection, args);
                                    } catch (InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                });
                    }
                };
            }
        };
    }
}
