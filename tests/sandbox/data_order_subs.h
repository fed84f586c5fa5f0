/*
 * Private to the order sub-resource generators (data_order_*.c, data_coupons.c): the facts
 * of one generated order, read back from the orders and order-products lists so that every
 * shipment, consignment, refund and transaction points at real order items.
 */
#ifndef BC_SANDBOX_ORDER_SUBS_H
#define BC_SANDBOX_ORDER_SUBS_H

#include "sandbox.h"

enum { SB_ORDER_MAX_ITEMS = 8, SB_COUPON_COUNT = 12, SB_GIFT_CERTIFICATE_COUNT = 8 };

typedef struct sb_order_item_fact {
    long id, product_id, quantity;
    long long unit_cents;
} sb_order_item_fact;

typedef struct sb_order_fact {
    long id, customer_id, status_id;
    long long created; /* epoch seconds */
    long long total_cents;
    long quantity;
    int nitems;
    sb_order_item_fact items[SB_ORDER_MAX_ITEMS];
    char first_name[64], last_name[64], email[96];
} sb_order_fact;

/* Shipped (2) and Completed (10) orders have shipments and shipped items. */
int sb_order_is_shipped(const sb_order_fact *o);
/* Pending (1), Awaiting Payment (7) and Cancelled (5) orders have no captured payment. */
int sb_order_is_paid(const sb_order_fact *o);

/* Running ids of the sub-resources, shared by the generators of one store. */
typedef struct sb_order_seq {
    long shipment, order_coupon, message, tax, refund, refund_payment, transaction, metafield;
} sb_order_seq;

/* Each appends the rows of one order (parent_id = order id); -1 on allocation failure. */
int sb_gen_order_shipping(const sb_config *cfg, const sb_order_fact *o, sb_order_seq *seq,
                          sb_store *st);
int sb_gen_order_payments(const sb_config *cfg, const sb_order_fact *o, sb_order_seq *seq,
                          sb_store *st);
int sb_gen_order_notes(const sb_config *cfg, const sb_order_fact *o, sb_order_seq *seq,
                       sb_store *st);

/* An address block (names, street ... email) as on order addresses and consignments. */
void sb_order_add_address(struct cJSON *obj, const sb_order_fact *o);
/* Coupon facts shared with the orders' coupon rows. */
void sb_coupon_code(long id, char *buf, size_t n);
long long sb_coupon_amount_cents(long id);
int sb_coupon_type_number(long id);

#endif
