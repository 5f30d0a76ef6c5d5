// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Counts the SQL statements run on the connections of a data source: every {@code execute…}
 * of a statement the relay prepared, below the pool, so no way of reaching the database is
 * missed. Keeps each statement's SQL text (never its values) to show what ran.
 */
public final class StatementCount implements UnaryOperator<DataSource> {
    private final List<String> executed = new CopyOnWriteArrayList<>();

    @Override
    public DataSource apply(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (target, method, args) -> {
            Object result = call(target, method, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    /** The SQL of the statements run since the last {@link #reset}, in order. */
    public List<String> executed() {
        return List.copyOf(executed);
    }

    public int count() {
        return executed.size();
    }

    public void reset() {
        executed.clear();
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = call(target, method, args);
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            return switch (result) {
                case CallableStatement cs -> statement(CallableStatement.class, cs, sql);
                case PreparedStatement ps -> statement(PreparedStatement.class, ps, sql);
                case Statement st -> statement(Statement.class, st, null);
                case null, default -> result;
            };
        });
    }

    private <S extends Statement> S statement(Class<S> type, S statement, String prepared) {
        return proxy(type, statement, (target, method, args) -> {
            if (method.getName().startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
                executed.add(sql == null ? "(batch)" : sql.strip().replaceAll("\\s+", " "));
            }
            return call(target, method, args);
        });
    }

    private interface Handler<T> {
        Object invoke(T target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler h = (p, method, args) -> handler.invoke(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
