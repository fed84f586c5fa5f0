/*
 * Scenarios 5-10 and 12 through the driver: the joins of the table (a child per parent, a
 * filtered probe per parent, children through a bulk filter) and the pushed filters and
 * sort. Each first column feeds the checksum, so the rows can be compared with the
 * baseline's.
 */
#include "bench.h"

#include <stdio.h>

bool bench_odbc_join_all(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT i.id, i.quantity FROM Orders o JOIN OrderItems i ON i.order_id = o.id "
             "WHERE o.id <= %ld",
             ids->join_max_order);
    return bench_direct(dbc, sql, false, r);
}

bool bench_odbc_customer_orders(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    (void)ids;
    return bench_direct(dbc,
                        "SELECT COALESCE(o.id, 0), c.email FROM Customers c "
                        "LEFT JOIN Orders o ON o.customer_id = c.id",
                        false, r);
}

bool bench_odbc_product_variants(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT v.id, v.sku FROM Products p JOIN ProductVariants v ON v.product_id = p.id "
             "WHERE p.id <= %ld",
             ids->join_max_product);
    return bench_direct(dbc, sql, false, r);
}

bool bench_odbc_product_images(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT i.id, i.url_standard FROM Products p JOIN ProductImages i "
             "ON i.product_id = p.id WHERE p.id <= %ld",
             ids->join_max_product);
    return bench_direct(dbc, sql, false, r);
}

bool bench_odbc_sku(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT id, name, price FROM Products WHERE sku = '%s'", ids->sku);
    return bench_direct(dbc, sql, true, r);
}

bool bench_odbc_top_prices(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    (void)ids;
    return bench_direct(dbc,
                        "SELECT CAST(ROUND(price * 100) AS INTEGER), name FROM Products "
                        "ORDER BY price DESC LIMIT 5",
                        false, r);
}

bool bench_odbc_orders_since(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    (void)ids;
    return bench_direct(
        dbc, "SELECT id, total_inc_tax FROM Orders WHERE date_created >= '" BENCH_SINCE "'", false,
        r);
}
